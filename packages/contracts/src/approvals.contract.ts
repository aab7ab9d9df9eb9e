import {
  approvalColours,
  approvalRoutes,
  approvalStatuses,
  constructionTypes,
  sizeFilterKeys,
} from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const WorkingDays = z
  .number()
  .int({ message: '应为整数' })
  .min(0, { message: '不能小于 0' })
  .max(400, { message: '不能超过 400 个工作日' });
const ProcedureCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: '代码只能由小写字母、数字和连字符组成，最长 40 位' });

export const ApprovalStatus = z.enum(approvalStatuses);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;
export const ApprovalRoute = z.enum(approvalRoutes);
export type ApprovalRoute = z.infer<typeof ApprovalRoute>;
export const ApprovalColour = z.enum(approvalColours);
export type ApprovalColour = z.infer<typeof ApprovalColour>;

/** One procedure of a jurisdiction's catalogue (前期手续目录). */
export const ApprovalProcedure = z.object({
  id: Id,
  regionCode: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  statutoryDays: z.number().int(),
  committedDays: z.number().int(),
  dependsOn: z.array(z.string()),
  requiredBeforeStart: z.boolean(),
  routes: z.array(ApprovalRoute),
  domains: z.array(z.string()),
  deemedApproval: z.boolean(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ApprovalProcedure = z.infer<typeof ApprovalProcedure>;

export const ApprovalCatalogueQuery = z
  .object({ regionCode: z.string().max(20).optional().describe('辖区代码，缺省为本人辖区') })
  .strict();

export const ApprovalCatalogue = z.object({
  /** The region asked about. */
  regionCode: z.string(),
  /** The region whose catalogue applies there (itself, or the nearest above it that has one); null when none. */
  catalogueRegionCode: z.string().nullable(),
  catalogueRegionName: z.string().nullable(),
  /** Whether the actor may change this catalogue (its own region's, in its jurisdiction). */
  canManage: z.boolean(),
  /** Whether the actor may start the region's own catalogue (a copy of the one inherited, or the standard one). */
  canStartOwn: z.boolean(),
  data: z.array(ApprovalProcedure),
});
export type ApprovalCatalogue = z.infer<typeof ApprovalCatalogue>;

const procedureFields = {
  name: requiredText(60).describe('手续名称'),
  departmentId: Id.nullable().describe('审批部门'),
  statutoryDays: WorkingDays.describe('法定时限（工作日）'),
  committedDays: WorkingDays.describe('承诺时限（工作日）'),
  dependsOn: z.array(ProcedureCode).max(20).describe('前置手续代码'),
  requiredBeforeStart: z.boolean().describe('是否开工前必须办结'),
  routes: z.array(ApprovalRoute).max(3).describe('适用的立项方式，空为全部'),
  domains: z.array(requiredText(20)).max(10).describe('适用的项目领域，空为全部'),
  deemedApproval: z.boolean().describe('是否适用超时默认'),
};

export const CreateApprovalProcedure = z
  .object({
    regionCode: z.string().max(20).describe('目录所属辖区'),
    code: ProcedureCode.describe('手续代码'),
    ...procedureFields,
  })
  .strict();
export type CreateApprovalProcedure = z.infer<typeof CreateApprovalProcedure>;

export const UpdateApprovalProcedure = z
  .object(procedureFields)
  .partial()
  .extend({
    sortOrder: z.number().int().min(0).max(999).optional(),
    active: z.boolean().optional().describe('停用后不再生成到新项目的清单'),
    version: Version,
  })
  .strict();
export type UpdateApprovalProcedure = z.infer<typeof UpdateApprovalProcedure>;

export const LoadApprovalPreset = z.object({ regionCode: z.string().max(20) }).strict();

/** A 容缺 material: what is missing, by when it is promised, and when it was supplied. */
export const ApprovalMaterial = z.object({
  id: Id,
  name: z.string(),
  promisedDays: z.number().int(),
  promisedOn: z.string(),
  suppliedOn: z.string().nullable(),
  fileId: Id.nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});
export type ApprovalMaterial = z.infer<typeof ApprovalMaterial>;

export const ApprovalTiming = z.object({
  colour: ApprovalColour,
  elapsedDays: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  approvedInTime: z.boolean().nullable(),
  nextPromiseOn: z.string().nullable(),
  promiseOverdue: z.boolean(),
  conversionDueOn: z.string().nullable(),
  conversionOverdue: z.boolean(),
  isProvisional: z.boolean(),
});

/** The path of an item's file downloads (`fileRoutes.downloadDeemedNotice`). */
export const ApprovalItemParams = z.object({ id: Id });

/** One procedure on a project's checklist, with its clock and what the reader may do with it. */
export const ApprovalItem = z.object({
  id: Id,
  projectId: Id,
  procedureId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  statutoryDays: z.number().int(),
  committedDays: z.number().int(),
  dependsOn: z.array(z.string()),
  requiredBeforeStart: z.boolean(),
  deemedApproval: z.boolean(),
  status: ApprovalStatus,
  notNeededReason: z.string().nullable(),
  materialsReadyOn: z.string().nullable(),
  submittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  gapsClearedOn: z.string().nullable(),
  approvalNumber: z.string().nullable(),
  handlerName: z.string().nullable(),
  agentUserId: Id.nullable(),
  agentName: z.string().nullable(),
  note: z.string().nullable(),
  materials: z.array(ApprovalMaterial),
  timing: ApprovalTiming,
  /** 超时默认告知书, once issued for an item past its committed limit with deemed approval. */
  deemedNotice: z
    .object({
      noticeNumber: z.string().describe('告知书编号，如 超时默认〔2026〕350902-1号'),
      deadlineOn: z.string().describe('已过的承诺时限最后一个工作日'),
      issuedOn: z.string(),
    })
    .nullable(),
  /** Moves the reader may make now (empty when none). */
  allowedMoves: z.array(ApprovalStatus),
  /** Fields the reader may change with PATCH. */
  editableFields: z.array(z.string()),
  /** Whether the reader may record a missing material as supplied. */
  canSupply: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type ApprovalItem = z.infer<typeof ApprovalItem>;

export const StartBlocker = z.object({
  itemId: Id,
  name: z.string(),
  kind: z.enum(['open', 'gaps']),
  text: z.string(),
});
export type StartBlocker = z.infer<typeof StartBlocker>;

export const ProjectApprovals = z.object({
  projectId: Id,
  projectName: z.string(),
  today: z.string(),
  /** Whether the reader may generate the checklist, add and remove items and assign agents. */
  canManage: z.boolean(),
  items: z.array(ApprovalItem),
  blockers: z.array(StartBlocker),
  schedule: z.object({
    earliestStartOn: z.string().nullable(),
    criticalChain: z.array(Id),
    items: z.array(z.object({ id: Id, startOn: z.string(), finishOn: z.string(), boundBy: Id.nullable() })),
  }),
});
export type ProjectApprovals = z.infer<typeof ProjectApprovals>;

export const GenerateApprovals = z
  .object({ route: ApprovalRoute.describe('立项方式：审批、核准或备案') })
  .strict();
export type GenerateApprovals = z.infer<typeof GenerateApprovals>;

export const AddApprovalItem = z
  .object({
    procedureId: Id.optional().describe('从目录添加'),
    name: requiredText(60).optional().describe('自定义手续名称'),
    departmentId: Id.nullable().optional(),
    committedDays: WorkingDays.optional(),
    statutoryDays: WorkingDays.optional(),
    requiredBeforeStart: z.boolean().optional(),
    dependsOn: z.array(ProcedureCode).max(20).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.procedureId) !== Boolean(v.name), {
    message: '请从目录选择手续，或填写自定义手续名称（二选一）',
    path: ['procedureId'],
  });
export type AddApprovalItem = z.infer<typeof AddApprovalItem>;

export const UpdateApprovalItem = z
  .object({
    version: Version,
    departmentId: Id.nullable().optional(),
    committedDays: WorkingDays.optional(),
    requiredBeforeStart: z.boolean().optional(),
    dependsOn: z.array(ProcedureCode).max(20).optional(),
    agentUserId: Id.nullable().optional().describe('帮办代办人'),
    handlerName: text(40).nullable().optional().describe('部门经办人'),
    materialsReadyOn: IsoDate.nullable().optional().describe('材料齐备日期'),
    submittedOn: IsoDate.nullable().optional().describe('申报日期'),
    approvalNumber: text(60).nullable().optional().describe('批复文号'),
    note: text(500).nullable().optional(),
  })
  .strict();
export type UpdateApprovalItem = z.infer<typeof UpdateApprovalItem>;

export const MoveApprovalItem = z
  .object({
    version: Version,
    to: ApprovalStatus.describe('目标状态'),
    on: IsoDate.describe('发生日期'),
    reason: text(500).optional().describe('退回、不需办理、重新打开时必填'),
    approvalNumber: text(60).optional().describe('批复文号'),
    missingMaterials: z
      .array(
        z
          .object({
            name: requiredText(100).describe('缺少的材料'),
            promisedDays: WorkingDays.optional().describe('承诺补齐工作日，缺省按本辖区默认'),
          })
          .strict(),
      )
      .max(30)
      .optional()
      .describe('容缺受理时缺少的材料'),
  })
  .strict();
export type MoveApprovalItem = z.infer<typeof MoveApprovalItem>;

export const SupplyMaterialParams = z.object({ id: Id, materialId: Id });
export const SupplyApprovalMaterial = z
  .object({
    version: Version,
    on: IsoDate.describe('补齐日期'),
    fileId: Id.nullable().optional().describe('已上传的项目文件'),
    note: text(200).nullable().optional(),
  })
  .strict();
export type SupplyApprovalMaterial = z.infer<typeof SupplyApprovalMaterial>;

export const ApprovalItemQuery = PageQuery.extend({
  view: z
    .enum(['agent', 'department', 'all'])
    .default('all')
    .describe('agent：我帮办的；department：本部门审批的；all：辖区内全部'),
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('只看未办结'),
  colour: ApprovalColour.optional(),
  regionCode: z.string().max(20).optional(),
  regionSelf: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看直属于所选区划的项目（不含下级）'),
  departmentId: z
    .union([Id, z.literal('none')])
    .optional()
    .describe('审批部门；none：未指定部门'),
  gaps: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看容缺受理（材料未补齐）'),
  approvedYear: z.coerce.number().int().min(2000).max(2100).optional().describe('只看该年批复的'),
  tag: z.string().max(30).optional().describe('项目标签'),
  projectClass: z.string().max(30).optional().describe('项目分类'),
  constructionType: z.enum(constructionTypes).optional().describe('new 新建 / continuing 续建'),
  size: z.enum(sizeFilterKeys).optional().describe('投资规模（总投资）'),
}).strict();
export type ApprovalItemQuery = z.infer<typeof ApprovalItemQuery>;

export const ApprovalItemRow = ApprovalItem.omit({ materials: true }).extend({
  projectName: z.string(),
  regionName: z.string(),
  /** The date that matters most now: a 容缺 promise, the conversion limit or the committed limit. */
  dueOn: z.string().nullable(),
  missingMaterials: z.number().int(),
});
export type ApprovalItemRow = z.infer<typeof ApprovalItemRow>;
export const ApprovalItemList = z.object({ data: z.array(ApprovalItemRow), page: PageInfo });

export const ApprovalAgent = z.object({ id: Id, displayName: z.string(), organisationName: z.string() });
export const ApprovalAgentList = z.object({ data: z.array(ApprovalAgent) });

const Durations = {
  count: z.number().int(),
  averageWorkingDays: z.number().nullable(),
  medianWorkingDays: z.number().nullable(),
  averageCalendarDays: z.number().nullable(),
  medianCalendarDays: z.number().nullable(),
};
const GroupDurations = z.object({
  key: z.string(),
  name: z.string(),
  onTime: z.number().int(),
  ...Durations,
});

/** 审批用时 over one period: per procedure, per department, and each project's whole span. */
export const ApprovalPeriodStatistics = z.object({
  from: z.string(),
  to: z.string(),
  ...Durations,
  byProcedure: z.array(GroupDurations),
  byDepartment: z.array(GroupDurations),
  projects: z.array(
    z.object({
      projectId: Id,
      projectName: z.string(),
      firstAcceptedOn: z.string(),
      lastApprovedOn: z.string(),
      workingDays: z.number().int(),
      calendarDays: z.number().int(),
    }),
  ),
  span: z.object(Durations),
});
export type ApprovalPeriodStatistics = z.infer<typeof ApprovalPeriodStatistics>;

export const ApprovalStatisticsQuery = z
  .object({
    from: IsoDate.describe('统计期起（含），按批复日期'),
    to: IsoDate.describe('统计期止（含）'),
    compareFrom: IsoDate.optional().describe('对比期起'),
    compareTo: IsoDate.optional().describe('对比期止'),
    regionCode: z.string().max(20).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: '起始日期不能晚于截止日期', path: ['to'] })
  .refine((q) => Boolean(q.compareFrom) === Boolean(q.compareTo), {
    message: '对比期的起止日期应同时填写',
    path: ['compareTo'],
  })
  .refine((q) => !q.compareFrom || !q.compareTo || q.compareFrom <= q.compareTo, {
    message: '对比期起始日期不能晚于截止日期',
    path: ['compareTo'],
  });
export type ApprovalStatisticsQuery = z.infer<typeof ApprovalStatisticsQuery>;

export const ApprovalStatistics = z.object({
  period: ApprovalPeriodStatistics,
  compare: ApprovalPeriodStatistics.nullable(),
});
export type ApprovalStatistics = z.infer<typeof ApprovalStatistics>;

/** 前期手续 figures of a region or department in the cockpit (see domain `approvalFigures`). */
export const ApprovalFigures = z.object({
  open: z.number().int().describe('未办结'),
  gapsOpen: z.number().int().describe('容缺受理未补齐'),
  yellow: z.number().int().describe('过半（黄）'),
  red: z.number().int().describe('临期（红）'),
  overdue: z.number().int().describe('超期'),
  approvedThisYear: z.number().int().describe('本年已批复'),
  averageWorkingDays: z.number().nullable().describe('本年已批复的平均用时（工作日）'),
});
export type ApprovalFigures = z.infer<typeof ApprovalFigures>;

/** The approvals module's endpoints. */
export const approvalsEndpoints = {
  getApprovalCatalogue: endpoint({
    method: 'GET',
    path: '/api/approval-procedures',
    summary: '前期手续目录（本辖区或上级辖区的目录）',
    tag: 'approvals',
    query: ApprovalCatalogueQuery,
    response: ApprovalCatalogue,
  }),
  createApprovalProcedure: endpoint({
    method: 'POST',
    path: '/api/approval-procedures',
    summary: '新增目录手续',
    tag: 'approvals',
    body: CreateApprovalProcedure,
    response: ApprovalProcedure,
  }),
  updateApprovalProcedure: endpoint({
    method: 'PATCH',
    path: '/api/approval-procedures/:id',
    summary: '修改目录手续（时限、部门、前置、适用范围、停用）',
    tag: 'approvals',
    params: IdParams,
    body: UpdateApprovalProcedure,
    response: ApprovalProcedure,
  }),
  loadApprovalPreset: endpoint({
    method: 'POST',
    path: '/api/approval-procedures/load-preset',
    summary: '为辖区载入标准手续目录',
    tag: 'approvals',
    body: LoadApprovalPreset,
    response: ApprovalCatalogue,
  }),
  getProjectApprovals: endpoint({
    method: 'GET',
    path: '/api/projects/:id/approvals',
    summary: '项目前期手续清单、开工条件与关键路径',
    tag: 'approvals',
    params: IdParams,
    response: ProjectApprovals,
  }),
  generateProjectApprovals: endpoint({
    method: 'POST',
    path: '/api/projects/:id/approvals/generate',
    summary: '按立项方式和项目领域从目录生成手续清单',
    tag: 'approvals',
    params: IdParams,
    body: GenerateApprovals,
    response: ProjectApprovals,
  }),
  addProjectApproval: endpoint({
    method: 'POST',
    path: '/api/projects/:id/approvals',
    summary: '向项目清单添加一项手续',
    tag: 'approvals',
    params: IdParams,
    body: AddApprovalItem,
    response: ProjectApprovals,
  }),
  updateApprovalItem: endpoint({
    method: 'PATCH',
    path: '/api/approval-items/:id',
    summary: '修改手续事项（帮办代办人、经办人、日期、文号、时限）',
    tag: 'approvals',
    params: IdParams,
    body: UpdateApprovalItem,
    response: ApprovalItem,
  }),
  moveApprovalItem: endpoint({
    method: 'POST',
    path: '/api/approval-items/:id/moves',
    summary: '手续状态变更（受理、容缺受理、批复、退回、不需办理）',
    tag: 'approvals',
    params: IdParams,
    body: MoveApprovalItem,
    response: ApprovalItem,
  }),
  supplyApprovalMaterial: endpoint({
    method: 'POST',
    path: '/api/approval-items/:id/materials/:materialId/supply',
    summary: '补齐一项容缺材料',
    tag: 'approvals',
    params: SupplyMaterialParams,
    body: SupplyApprovalMaterial,
    response: ApprovalItem,
  }),
  listApprovalItems: endpoint({
    method: 'GET',
    path: '/api/approval-items',
    summary: '手续事项列表（我帮办的、本部门审批的、辖区全部），按到期日排序',
    tag: 'approvals',
    query: ApprovalItemQuery,
    response: ApprovalItemList,
  }),
  getApprovalStatistics: endpoint({
    method: 'GET',
    path: '/api/approval-statistics',
    summary: '审批用时统计：各手续、各部门平均与中位用时，项目全流程用时，两期对比',
    tag: 'approvals',
    query: ApprovalStatisticsQuery,
    response: ApprovalStatistics,
  }),
  listApprovalAgents: endpoint({
    method: 'GET',
    path: '/api/approval-agents',
    summary: '可指派的帮办代办人（本辖区的服务专员）',
    tag: 'approvals',
    response: ApprovalAgentList,
  }),
} as const;
