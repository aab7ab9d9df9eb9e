import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const SeriesCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: '代码只能由小写字母、数字和连字符组成，最长 40 位' });

export const MeetingKind = z.enum(['dispatch', 'weekly', 'special', 'joint', 'consultation', 'hearing']);

export const MeetingCadence = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('weekly'),
      weekday: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
        message: '例会应定在周一至周五',
      }),
      everyWeeks: z
        .number()
        .int()
        .min(1, { message: '间隔周数应为 1–8' })
        .max(8, { message: '间隔周数应为 1–8' }),
      anchorOn: IsoDate,
    })
    .strict(),
  z
    .object({
      kind: z.literal('monthly'),
      nthWorkingDay: z.number().int().min(1, { message: '应为 1–20' }).max(20, { message: '应为 1–20' }),
    })
    .strict(),
  z.object({ kind: z.literal('adHoc') }).strict(),
]);

export const MeetingSeries = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: MeetingKind,
  chairTitle: z.string(),
  chairUserId: Id.nullable(),
  cadence: MeetingCadence,
  ladderLevel: z.number().int().nullable(),
  attendeeOrganisationIds: z.array(Id),
  active: z.boolean(),
  /** The next sitting on or after today by the cadence (null for an ad-hoc series). */
  nextOn: IsoDate.nullable(),
  version: z.number().int(),
});
export type MeetingSeries = z.infer<typeof MeetingSeries>;

export const MeetingSeriesList = z.object({
  regionCode: z.string(),
  canManage: z.boolean(),
  data: z.array(MeetingSeries),
  presets: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      series: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});

export const MeetingSeriesQuery = z.object({ regionCode: z.string().max(20).optional() }).strict();

const seriesFields = {
  name: requiredText(40).describe('会议名称'),
  kind: MeetingKind,
  chairTitle: requiredText(40).describe('主持（职务）'),
  chairUserId: Id.nullable().optional(),
  cadence: MeetingCadence,
  ladderLevel: z.number().int().min(1).max(9).nullable().optional().describe('对应问题提级阶梯的第几级'),
  attendeeOrganisationIds: z.array(Id).max(60).optional(),
};

export const CreateMeetingSeries = z.union([
  z
    .object({
      regionCode: z.string().max(20),
      preset: z
        .enum(['fiveOnes', 'countyWeekly', 'huian321'])
        .describe('从预设建立（五个一 / 县区周例会 / 321）'),
    })
    .strict(),
  z
    .object({
      regionCode: z.string().max(20),
      code: SeriesCode,
      ...seriesFields,
    })
    .strict(),
]);
export type CreateMeetingSeries = z.infer<typeof CreateMeetingSeries>;

export const UpdateMeetingSeries = z
  .object({
    ...seriesFields,
    active: z.boolean(),
    version: Version,
  })
  .partial({ chairUserId: true, ladderLevel: true, attendeeOrganisationIds: true })
  .strict();
export type UpdateMeetingSeries = z.infer<typeof UpdateMeetingSeries>;

export const AgendaSource = z.enum([
  'problem',
  'overdueTask',
  'redProject',
  'laggingProject',
  'approval',
  'milestone',
  'custom',
]);

export const AgendaItem = z.object({
  /** Set once the meeting is held (the item is then a stored 议题 with minutes). */
  id: Id.nullable(),
  key: z.string(),
  source: AgendaSource,
  sourceId: z.string().nullable(),
  projectId: Id.nullable(),
  title: z.string(),
  daysOverdue: z.number().int(),
  minutes: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const TaskStatus = z.enum([
  'assigned',
  'in_progress',
  'reported_done',
  'verified',
  'sent_back',
  'cancelled',
]);
export const TaskAction = z.enum(['start', 'reportDone', 'verify', 'sendBack', 'cancel']);

export const DispatchTask = z.object({
  id: Id,
  referenceNumber: z.string(),
  regionCode: z.string(),
  meetingId: Id.nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: Id.nullable(),
  projectId: Id.nullable(),
  projectName: z.string().nullable(),
  problemId: Id.nullable(),
  title: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  personName: z.string(),
  assignedOn: IsoDate,
  limitWorkingDays: z.number().int(),
  dueOn: IsoDate,
  isDueOnProvisional: z.boolean().describe('期限按暂定节假日计算（该年节假日尚未公布），公布后重算'),
  status: TaskStatus,
  overdue: z.boolean(),
  reportNote: z.string().nullable(),
  reportedOn: IsoDate.nullable(),
  verifiedOn: IsoDate.nullable(),
  sendBackReason: z.string().nullable(),
  /** The moves the reader may make now. */
  actions: z.array(TaskAction),
  version: z.number().int(),
});
export type DispatchTask = z.infer<typeof DispatchTask>;

export const Meeting = z.object({
  id: Id,
  seriesId: Id.nullable(),
  seriesName: z.string().nullable(),
  regionCode: z.string(),
  title: z.string(),
  heldOn: IsoDate,
  place: z.string(),
  chairName: z.string(),
  status: z.enum(['planned', 'held', 'closed']),
  ladderLevel: z.number().int().nullable(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDetail = Meeting.extend({
  canManage: z.boolean(),
  attendees: z.array(
    z.object({
      organisationId: Id.nullable(),
      organisationName: z.string().nullable(),
      personName: z.string(),
      status: z.enum(['present', 'excused', 'delegated']),
      delegateName: z.string().nullable(),
    }),
  ),
  agenda: z.array(AgendaItem),
  /** Keys the office dropped from the built agenda (planned meetings), so they can be restored. */
  dropped: z.array(z.object({ key: z.string(), title: z.string() })),
  tasks: z.array(DispatchTask),
  /** 交办单 issued when the meeting was closed: one per responsible unit. */
  sheets: z.array(
    z.object({ id: Id, organisationId: Id, organisationName: z.string(), sheetNumber: z.string() }),
  ),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingQuery = PageQuery.extend({
  seriesId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).strict();

export const MeetingPage = z.object({ data: z.array(Meeting), page: PageInfo });

export const ScheduleMeeting = z.union([
  z
    .object({
      seriesId: Id,
      heldOn: IsoDate.optional().describe('缺省为序列的下一次会期'),
      place: text(80).optional(),
      chairName: text(40).optional(),
      chairUserId: Id.nullable().optional().describe('主持人（计入调度频次），缺省为序列的主持人'),
      chairOrganisationId: Id.nullable().optional().describe('主持单位（部门调度计入调度频次）'),
    })
    .strict(),
  z
    .object({
      regionCode: z.string().max(20),
      title: requiredText(80).describe('会议名称'),
      heldOn: IsoDate,
      place: text(80).optional(),
      chairName: text(40).optional(),
      chairUserId: Id.nullable().optional(),
      chairOrganisationId: Id.nullable().optional(),
      kind: MeetingKind.optional().describe('专题会 / 听取汇报…，缺省为专题会'),
    })
    .strict(),
]);
export type ScheduleMeeting = z.infer<typeof ScheduleMeeting>;

export const EditAgenda = z
  .object({
    dropped: z.array(z.string().max(80)).max(200),
    added: z.array(z.object({ key: z.string().max(80), title: requiredText(200) }).strict()).max(50),
    order: z.array(z.string().max(80)).max(300),
    version: Version,
  })
  .strict();
export type EditAgenda = z.infer<typeof EditAgenda>;

export const RecordAttendance = z
  .object({
    attendees: z
      .array(
        z
          .object({
            organisationId: Id.nullable(),
            personName: requiredText(40).describe('参会人'),
            status: z.enum(['present', 'excused', 'delegated']),
            delegateName: text(40).nullable().optional(),
          })
          .strict(),
      )
      .max(100),
    version: Version,
  })
  .strict();
export type RecordAttendance = z.infer<typeof RecordAttendance>;

export const HoldMeeting = z.object({ version: Version }).strict();

export const CloseMeeting = z.object({ version: Version }).strict();

export const RecordMinutes = z.object({ minutes: text(4000) }).strict();

export const DecideTask = z
  .object({
    agendaItemId: Id.nullable().optional(),
    title: requiredText(200).describe('交办事项'),
    organisationId: Id.describe('责任单位'),
    personName: text(40).optional().describe('责任人'),
    limitWorkingDays: z
      .number()
      .int()
      .min(1, { message: '至少 1 个工作日' })
      .max(250, { message: '不能超过 250 个工作日' }),
    projectId: Id.nullable().optional(),
    problemId: Id.nullable().optional(),
  })
  .strict();
export type DecideTask = z.infer<typeof DecideTask>;

export const TaskQuery = PageQuery.extend({
  view: z.enum(['mine', 'all']).default('all'),
  status: TaskStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  meetingId: Id.optional(),
}).strict();

export const TaskPage = z.object({ data: z.array(DispatchTask), page: PageInfo });

export const MoveTask = z
  .object({
    action: TaskAction,
    note: text(1000).optional(),
    version: Version,
  })
  .strict();
export type MoveTask = z.infer<typeof MoveTask>;

export const TaskDetail = DispatchTask.extend({
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});

export const ProblemMeeting = z.object({
  /** The sitting that takes the problem up at its present level, or null when no meeting series is bound to it. */
  meeting: z
    .object({
      seriesId: Id,
      seriesName: z.string(),
      heldOn: IsoDate,
      /** Set when that sitting is already scheduled (its agenda then lists the problem). */
      meetingId: Id.nullable(),
      /** Whether the reader may open that meeting (meetings of its jurisdiction, not for owners). */
      canOpen: z.boolean(),
    })
    .nullable(),
});
export type ProblemMeeting = z.infer<typeof ProblemMeeting>;
export const dispatchMeetingEndpoints = {
  getProblemMeeting: endpoint({
    method: 'GET',
    path: '/api/problems/:id/meeting',
    summary: '问题提级到会议层级时，将在哪次会议上研究',
    tag: 'dispatch',
    params: IdParams,
    response: ProblemMeeting,
  }),
  listMeetingSeries: endpoint({
    method: 'GET',
    path: '/api/meeting-series',
    summary: '会议序列（本辖区）与预设',
    tag: 'dispatch',
    query: MeetingSeriesQuery,
    response: MeetingSeriesList,
  }),
  createMeetingSeries: endpoint({
    method: 'POST',
    path: '/api/meeting-series',
    summary: '新增会议序列（或按预设建立一组）',
    tag: 'dispatch',
    body: CreateMeetingSeries,
    response: MeetingSeriesList,
  }),
  updateMeetingSeries: endpoint({
    method: 'PATCH',
    path: '/api/meeting-series/:id',
    summary: '修改会议序列',
    tag: 'dispatch',
    params: IdParams,
    body: UpdateMeetingSeries,
    response: MeetingSeries,
  }),
  listMeetings: endpoint({
    method: 'GET',
    path: '/api/meetings',
    summary: '会议列表（本辖区）',
    tag: 'dispatch',
    query: MeetingQuery,
    response: MeetingPage,
  }),
  scheduleMeeting: endpoint({
    method: 'POST',
    path: '/api/meetings',
    summary: '安排一次会议（序列的下一次会期，或专题会）',
    tag: 'dispatch',
    body: ScheduleMeeting,
    response: MeetingDetail,
  }),
  getMeeting: endpoint({
    method: 'GET',
    path: '/api/meetings/:id',
    summary: '会议详情：参会、为本次会议生成的议程、纪要与交办事项',
    tag: 'dispatch',
    params: IdParams,
    response: MeetingDetail,
  }),
  editMeetingAgenda: endpoint({
    method: 'PUT',
    path: '/api/meetings/:id/agenda',
    summary: '调整议程（删除、增加、排序）',
    tag: 'dispatch',
    params: IdParams,
    body: EditAgenda,
    response: MeetingDetail,
  }),
  recordMeetingAttendance: endpoint({
    method: 'PUT',
    path: '/api/meetings/:id/attendance',
    summary: '登记参会情况（出席 / 请假 / 委托）',
    tag: 'dispatch',
    params: IdParams,
    body: RecordAttendance,
    response: MeetingDetail,
  }),
  holdMeeting: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/hold',
    summary: '会议召开：议程定稿，可记纪要和交办',
    tag: 'dispatch',
    params: IdParams,
    body: HoldMeeting,
    response: MeetingDetail,
  }),
  closeMeeting: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/close',
    summary: '会议结束：按责任单位下发交办单（编号），不再增加交办事项',
    tag: 'dispatch',
    params: IdParams,
    body: CloseMeeting,
    response: MeetingDetail,
  }),
  recordAgendaMinutes: endpoint({
    method: 'PATCH',
    path: '/api/meeting-agenda-items/:id',
    summary: '记录议题纪要',
    tag: 'dispatch',
    params: IdParams,
    body: RecordMinutes,
    response: MeetingDetail,
  }),
  decideTask: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/tasks',
    summary: '会议决定交办事项（责任单位、期限）',
    tag: 'dispatch',
    params: IdParams,
    body: DecideTask,
    response: MeetingDetail,
  }),
  listDispatchTasks: endpoint({
    method: 'GET',
    path: '/api/dispatch-tasks',
    summary: '交办事项（我单位的 / 本辖区全部；可按状态、超期筛选）',
    tag: 'dispatch',
    query: TaskQuery,
    response: TaskPage,
  }),
  getDispatchTask: endpoint({
    method: 'GET',
    path: '/api/dispatch-tasks/:id',
    summary: '交办事项详情与办理过程',
    tag: 'dispatch',
    params: IdParams,
    response: TaskDetail,
  }),
  moveDispatchTask: endpoint({
    method: 'POST',
    path: '/api/dispatch-tasks/:id/moves',
    summary: '办理交办事项：开始、报办结、核销、退回、撤销',
    tag: 'dispatch',
    params: IdParams,
    body: MoveTask,
    response: TaskDetail,
  }),
};
