import {
  escalationHandlerKinds,
  escalationNoticeKinds,
  escalationPresetIds,
  problemActions,
  problemStatuses,
} from '@tuijin/domain';
import { z } from 'zod';
import { ApprovalColour, ApprovalStatus } from './approvals.contract';
import { Id, Ok, PageInfo, PageQuery, QueryBoolean, requiredText, Timestamp, text, Version } from './common';
import { CodeParams, endpoint, IdParams } from './endpoint';
import {
  IssueProblemLetter,
  MarkProblemLetterSent,
  ProblemAttachmentList,
  ProblemAttachmentParams,
  ProblemLetter,
  ProblemLetterList,
  ProblemLetterParams,
  ReplyProblemLetter,
} from './problem-letters.contract';

export const ProblemStatus = z.enum(problemStatuses);
export const ProblemAction = z.enum(problemActions);
export const problemChannels = ['app', 'serviceOfficer', 'hotline', 'meeting'] as const;
export const ProblemChannel = z.enum(problemChannels);
export const EscalationHandlerKind = z.enum(escalationHandlerKinds);
export const EscalationPresetId = z.enum(escalationPresetIds);

const limitWorkingDays = z
  .number({ message: '时限应为 1–250 个工作日' })
  .int({ message: '时限应为整数个工作日' })
  .min(1, { message: '时限至少 1 个工作日' })
  .max(250, { message: '时限最多 250 个工作日' });

/**
 * A caller's phone number: a mainland mobile (1[3-9] and 9 more digits) or a landline with its area
 * code (0 + 2–3 digits, a hyphen optional) and a 7–8 digit number, optionally an extension after
 * `-`, `转` or `ext`. Spaces are ignored. The web form checks the same pattern before sending.
 */
export const phoneNumberPattern = /^(?:1[3-9]\d{9}|0\d{2,3}-?[1-9]\d{6,7}(?:(?:-|转|ext\.?)\d{1,6})?)$/i;

/** Bounds of a problem's description (问题描述), in characters after trimming. */
export const problemDescriptionLength = { min: 5, max: 2000 } as const;

const PhoneNumber = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(
    z.string().max(30, { message: '不能超过 30 个字符' }).regex(phoneNumberPattern, {
      message:
        '电话号码格式不正确：手机号为 11 位（1 开头），固定电话须带区号，如 0593-2876543 或 0593-2876543-801',
    }),
  );

/** 登记问题: the project, category (问题分类 dictionary), description and request, and how it came in. */
export const RaiseProblem = z
  .object({
    projectId: Id.describe('项目'),
    category: requiredText(30).describe('问题分类（问题分类字典中的名称）'),
    description: requiredText(problemDescriptionLength.max)
      .pipe(
        z.string().min(problemDescriptionLength.min, {
          message: `问题描述至少 ${problemDescriptionLength.min} 个字，请写清楚问题是什么`,
        }),
      )
      .describe('问题描述（5–2000 字）'),
    request: text(1000).default('').describe('诉求：希望解决什么'),
    channel: ProblemChannel.default('app').describe(
      '来源：app 业主在线提交，serviceOfficer 服务专员代报，hotline 热线来电，meeting 调度会',
    ),
    callerName: text(50).nullable().default(null).describe('来电人（热线）'),
    callerPhone: PhoneNumber.nullable()
      .default(null)
      .describe('来电号码（热线）：手机号 1[3-9] 开头 11 位，或带区号的固定电话（可带分机）'),
    approvalItemId: Id.nullable()
      .default(null)
      .describe('所涉前期手续事项（须为本项目清单中的事项；每个事项同时只能有一个未办结的问题）'),
  })
  .strict();
export type RaiseProblem = z.infer<typeof RaiseProblem>;

/** Moves that need only the version and an optional note (start, confirm, write off). */
export const ProblemStep = z
  .object({ version: Version, note: text(1000).nullable().default(null).describe('备注') })
  .strict();
export type ProblemStep = z.infer<typeof ProblemStep>;

/** Moves that need a reason (reject, unsatisfied, reopen, escalate by hand). */
export const ProblemReason = z
  .object({ version: Version, reason: requiredText(1000).describe('原因') })
  .strict();
export type ProblemReason = z.infer<typeof ProblemReason>;

export const AnswerProblem = z
  .object({ version: Version, answer: requiredText(4000).describe('答复：办理结果和依据') })
  .strict();
export type AnswerProblem = z.infer<typeof AnswerProblem>;

/** 交办/改派: the office hands the problem to an organisation, optionally with a new limit. */
export const RouteProblem = z
  .object({
    version: Version,
    handlerOrganisationId: Id.describe('承办单位'),
    limitWorkingDays: limitWorkingDays.nullable().default(null).describe('办理时限（工作日），空则沿用规则'),
    note: text(1000).nullable().default(null),
  })
  .strict();
export type RouteProblem = z.infer<typeof RouteProblem>;

export const ProblemEvent = z.object({
  action: z
    .string()
    .describe('raise, route, start, answer, confirm, unsatisfied, writeOff, reject, reopen, escalate'),
  fromStatus: ProblemStatus.nullable(),
  toStatus: ProblemStatus,
  fromLevel: z.number().int().nullable(),
  toLevel: z.number().int(),
  handlerOrganisationName: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  at: Timestamp,
});

export const Problem = z.object({
  id: Id,
  referenceNumber: z.string().describe('问题编号，如 WT-350902-2026-000123（含区划代码，全系统唯一）'),
  legacyReferenceNumber: z
    .string()
    .nullable()
    .describe('启用新编号前的旧编号（如 WT-2026-000123），按旧编号仍可查到'),
  projectId: Id,
  projectName: z.string(),
  regionCode: z.string(),
  category: z.string(),
  description: z.string(),
  request: z.string(),
  channel: ProblemChannel,
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  raisedByName: z.string(),
  raisedAt: Timestamp,
  status: ProblemStatus,
  level: z.number().int(),
  levelName: z.string().nullable().describe('当前层级名称（本辖区提级层级）'),
  levelStartedOn: z.string(),
  dueOn: z.string().describe('办理期限 YYYY-MM-DD'),
  isDueOnProvisional: z
    .boolean()
    .describe('暂定：期限跨入尚未录入法定节假日安排的年份，按周末和固定日期节日推算，录入后重算'),
  isOverdue: z.boolean(),
  overdueDays: z.number().int().nullable().describe('逾期天数（自然日）；未逾期为空'),
  handlerOrganisationId: Id.nullable(),
  handlerOrganisationName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  answeredByName: z.string().nullable(),
  confirmedAt: Timestamp.nullable(),
  writtenOffAt: Timestamp.nullable(),
  rejectReason: z.string().nullable(),
  classId: Id.nullable(),
  approvalItemId: Id.nullable().describe('所涉前期手续事项'),
  version: z.number().int(),
  /** The moves the caller may make now, so the web app never re-derives roles. */
  actions: z.array(ProblemAction),
});
export type Problem = z.infer<typeof Problem>;

/** The approval item a problem is about, as its project's 前期手续 tab shows it. */
export const ProblemApprovalItem = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  status: ApprovalStatus,
  colour: ApprovalColour.describe('时限颜色'),
  dueOn: z.string().nullable().describe('承诺时限的最后一个工作日'),
  nextPromiseOn: z.string().nullable().describe('最早的未补齐容缺材料承诺日期'),
});
export type ProblemApprovalItem = z.infer<typeof ProblemApprovalItem>;

export const ProblemDetail = Problem.extend({
  events: z.array(ProblemEvent),
  approvalItem: ProblemApprovalItem.nullable(),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

export const problemViews = ['all', 'handling', 'raised', 'leading'] as const;
export const ProblemQuery = PageQuery.extend({
  view: z
    .enum(problemViews)
    .default('all')
    .describe('all 可见的全部，handling 本单位承办，raised 本人/本单位提出，leading 本人挂钩的项目'),
  status: ProblemStatus.optional(),
  level: z.coerce.number().int().min(1).max(20).optional(),
  category: text(30).optional(),
  projectId: Id.optional(),
  approvalItemId: Id.optional().describe('只看涉及该前期手续事项的问题'),
  approvalLinked: QueryBoolean.optional().describe('只看涉及前期手续事项的问题'),
  open: QueryBoolean.optional().describe('只看未办结（未销号、未驳回）'),
  regionCode: text(20).optional().describe('只看该区划及下级'),
  overdue: QueryBoolean.optional().describe('只看逾期未办结'),
  referenceNumber: text(40)
    .optional()
    .describe('按问题编号查找（新编号或旧编号 WT-2026-000123，只在可见范围内）'),
});
export type ProblemQuery = z.infer<typeof ProblemQuery>;

export const ProblemPage = z.object({ data: z.array(Problem), page: PageInfo });
export type ProblemPage = z.infer<typeof ProblemPage>;

/** 问题看板: counts by status and level (office board). */
export const ProblemBoard = z.object({
  cells: z.array(z.object({ status: ProblemStatus, level: z.number().int(), count: z.number().int() })),
  overdue: z.number().int(),
});
export type ProblemBoard = z.infer<typeof ProblemBoard>;

export const problemStatisticsDimensions = ['category', 'region', 'department', 'level'] as const;
export const ProblemStatisticsQuery = z.object({
  by: z.enum(problemStatisticsDimensions).default('category').describe('按分类、区划、承办部门或层级'),
  regionCode: text(20).optional(),
  from: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional().describe('提出日期起（含）'),
  to: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional().describe('提出日期止（含）'),
});
export type ProblemStatisticsQuery = z.infer<typeof ProblemStatisticsQuery>;

const Figures = z.object({
  received: z.number().int().describe('受理数（驳回的不计）'),
  solved: z.number().int().describe('已销号数'),
  overdue: z.number().int().describe('逾期未办结数'),
  resolutionRate: z.object({
    numerator: z.string(),
    denominator: z.string(),
    percent: z.string().nullable(),
  }),
  totalDaysToSolve: z.string(),
  averageDaysToSolve: z.string().nullable(),
});
export const ProblemStatistics = z.object({
  by: z.enum(problemStatisticsDimensions),
  rows: z.array(z.object({ key: z.string(), label: z.string(), figures: Figures })),
  total: Figures,
});
export type ProblemStatistics = z.infer<typeof ProblemStatistics>;

export const EscalationLevel = z.object({
  level: z.number().int().min(1),
  name: requiredText(50),
  handlerKind: EscalationHandlerKind,
  handlerOrganisationId: Id.nullable().default(null),
  limitWorkingDays,
});
export const EscalationLadder = z.object({
  regionCode: z.string(),
  /** The region whose ladder applies (this one or the nearest ancestor); null when none. */
  ladderRegionCode: z.string().nullable(),
  name: z.string().nullable(),
  preset: z.string().nullable(),
  version: z.number().int().nullable(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      name: z.string(),
      handlerKind: EscalationHandlerKind,
      handlerOrganisationId: Id.nullable(),
      limitWorkingDays: z.number().int(),
    }),
  ),
});
export type EscalationLadder = z.infer<typeof EscalationLadder>;

export const SetEscalationLadder = z
  .object({
    name: requiredText(50),
    version: Version.nullable().default(null).describe('修改已有层级时的版本号；新建为空'),
    levels: z.array(EscalationLevel.strict()).min(1, { message: '至少需要一个层级' }).max(10),
  })
  .strict();
export type SetEscalationLadder = z.infer<typeof SetEscalationLadder>;

export const ApplyEscalationPreset = z
  .object({ preset: EscalationPresetId, version: Version.nullable().default(null) })
  .strict();
export type ApplyEscalationPreset = z.infer<typeof ApplyEscalationPreset>;

export const RoutingRule = z.object({
  id: Id,
  regionCode: z.string(),
  category: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
  limitWorkingDays: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;
export const RoutingRuleList = z.object({ data: z.array(RoutingRule) });

export const CreateRoutingRule = z
  .object({
    regionCode: requiredText(20).describe('适用区划（含下级）'),
    category: text(30).nullable().default(null).describe('问题分类；空则适用全部分类'),
    departmentId: Id.describe('承办部门'),
    limitWorkingDays,
  })
  .strict();
export type CreateRoutingRule = z.infer<typeof CreateRoutingRule>;

export const CreateProblemClass = z
  .object({
    name: requiredText(100).describe('类名，如“同类用地报批问题”'),
    problemIds: z.array(Id).min(2, { message: '至少关联两个问题' }).max(200),
  })
  .strict();
export type CreateProblemClass = z.infer<typeof CreateProblemClass>;

export const AnswerProblemClass = z
  .object({ answer: requiredText(4000).describe('一次答复，适用于本类全部未办结问题') })
  .strict();

export const ProblemClass = z.object({
  id: Id,
  name: z.string(),
  regionCode: z.string(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  problems: z.array(Problem),
});
export type ProblemClass = z.infer<typeof ProblemClass>;

export const EscalationNoticeKind = z.enum(escalationNoticeKinds);

/** 提级任务失败清单: a problem the escalation job could not process, retried on every run. */
export const EscalationFailure = z.object({
  problemId: Id,
  referenceNumber: z.string(),
  reason: z.string().describe('失败原因'),
  attempts: z.number().int().describe('连续失败次数'),
  firstFailedAt: Timestamp,
  lastFailedAt: Timestamp,
});
export const EscalationFailureList = z.object({ data: z.array(EscalationFailure) });
export type EscalationFailureList = z.infer<typeof EscalationFailureList>;

/** 交办对象: a department or office a problem may be handed to (本级、上级或下级; never an owner). */
export const ProblemHandlerCandidate = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['department', 'office']),
  sector: z.string().nullable(),
  regionCode: z.string(),
});
export const ProblemHandlerCandidateList = z.object({ data: z.array(ProblemHandlerCandidate) });
export type ProblemHandlerCandidateList = z.infer<typeof ProblemHandlerCandidateList>;

/** The problems module's endpoints (the server registers them, the client calls them). */
export const problemsEndpoints = {
  raiseProblem: endpoint({
    method: 'POST',
    path: '/api/problems',
    summary: '登记问题（即时按规则交办承办单位，返回问题编号）',
    tag: 'problems',
    body: RaiseProblem,
    response: ProblemDetail,
  }),
  findProblems: endpoint({
    method: 'GET',
    path: '/api/problems',
    summary: '问题列表（本人承办/提出/挂钩，或辖区内全部；可按状态、层级、逾期筛选）',
    tag: 'problems',
    query: ProblemQuery,
    response: ProblemPage,
  }),
  getProblemBoard: endpoint({
    method: 'GET',
    path: '/api/problems/board',
    summary: '问题看板：按状态和层级计数，逾期数',
    tag: 'problems',
    response: ProblemBoard,
  }),
  getProblemStatistics: endpoint({
    method: 'GET',
    path: '/api/problems/statistics',
    summary: '问题统计：受理、解决、逾期、解决率、平均办结天数（按分类、区划、部门或层级）',
    tag: 'problems',
    query: ProblemStatisticsQuery,
    response: ProblemStatistics,
  }),
  getProblem: endpoint({
    method: 'GET',
    path: '/api/problems/:id',
    summary: '问题详情及办理记录',
    tag: 'problems',
    params: IdParams,
    response: ProblemDetail,
  }),
  routeProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/route',
    summary: '交办或改派承办单位（重点办）',
    tag: 'problems',
    params: IdParams,
    body: RouteProblem,
    response: ProblemDetail,
  }),
  startProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/start',
    summary: '承办单位开始办理',
    tag: 'problems',
    params: IdParams,
    body: ProblemStep,
    response: ProblemDetail,
  }),
  answerProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/answer',
    summary: '承办单位答复',
    tag: 'problems',
    params: IdParams,
    body: AnswerProblem,
    response: ProblemDetail,
  }),
  confirmProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/confirm',
    summary: '提出人确认满意',
    tag: 'problems',
    params: IdParams,
    body: ProblemStep,
    response: ProblemDetail,
  }),
  rejectAnswer: endpoint({
    method: 'POST',
    path: '/api/problems/:id/unsatisfied',
    summary: '提出人评价不满意，退回办理（须填写原因）',
    tag: 'problems',
    params: IdParams,
    body: ProblemReason,
    response: ProblemDetail,
  }),
  writeOffProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/write-off',
    summary: '销号（重点办）',
    tag: 'problems',
    params: IdParams,
    body: ProblemStep,
    response: ProblemDetail,
  }),
  rejectProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/reject',
    summary: '驳回：不属于问题（须填写原因）',
    tag: 'problems',
    params: IdParams,
    body: ProblemReason,
    response: ProblemDetail,
  }),
  reopenProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/reopen',
    summary: '重新打开已销号或已驳回的问题（须填写原因）',
    tag: 'problems',
    params: IdParams,
    body: ProblemReason,
    response: ProblemDetail,
  }),
  escalateProblem: endpoint({
    method: 'POST',
    path: '/api/problems/:id/escalate',
    summary: '手动提级（须填写原因）',
    tag: 'problems',
    params: IdParams,
    body: ProblemReason,
    response: ProblemDetail,
  }),
  listProblemLetters: endpoint({
    method: 'GET',
    path: '/api/problems/:id/letters',
    summary: '问题的提醒函、督办单（含能否再发函）',
    tag: 'problems',
    params: IdParams,
    response: ProblemLetterList,
  }),
  issueProblemLetter: endpoint({
    method: 'POST',
    path: '/api/problems/:id/letters',
    summary: '对逾期问题向承办单位发提醒函或督办单（重点办）',
    tag: 'problems',
    params: IdParams,
    body: IssueProblemLetter,
    response: ProblemLetter,
  }),
  markProblemLetterSent: endpoint({
    method: 'POST',
    path: '/api/problems/:id/letters/:letterId/sent',
    summary: '登记函件已送达（重点办）',
    tag: 'problems',
    params: ProblemLetterParams,
    body: MarkProblemLetterSent,
    response: ProblemLetter,
  }),
  replyProblemLetter: endpoint({
    method: 'POST',
    path: '/api/problems/:id/letters/:letterId/reply',
    summary: '承办单位回复函件',
    tag: 'problems',
    params: ProblemLetterParams,
    body: ReplyProblemLetter,
    response: ProblemLetter,
  }),
  listProblemAttachments: endpoint({
    method: 'GET',
    path: '/api/problems/:id/attachments',
    summary: '问题附件（材料、照片、办理佐证）',
    tag: 'problems',
    params: IdParams,
    response: ProblemAttachmentList,
  }),
  deleteProblemAttachment: endpoint({
    method: 'DELETE',
    path: '/api/problems/:id/attachments/:attachmentId',
    summary: '删除问题附件（上传人或重点办）',
    tag: 'problems',
    params: ProblemAttachmentParams,
    response: Ok,
  }),
  createProblemClass: endpoint({
    method: 'POST',
    path: '/api/problem-classes',
    summary: '把同类问题归为一类（解决一个、打通一类）',
    tag: 'problems',
    body: CreateProblemClass,
    response: ProblemClass,
  }),
  getProblemClass: endpoint({
    method: 'GET',
    path: '/api/problem-classes/:id',
    summary: '问题类及其成员',
    tag: 'problems',
    params: IdParams,
    response: ProblemClass,
  }),
  answerProblemClass: endpoint({
    method: 'POST',
    path: '/api/problem-classes/:id/answer',
    summary: '一次答复本类全部未办结问题',
    tag: 'problems',
    params: IdParams,
    body: AnswerProblemClass,
    response: ProblemClass,
  }),
  listProblemHandlerCandidates: endpoint({
    method: 'GET',
    path: '/api/problems/:id/handler-candidates',
    summary: '可交办的单位：项目所在辖区本级、上级和下级的行业部门和重点办（不含业主单位）',
    tag: 'problems',
    params: IdParams,
    response: ProblemHandlerCandidateList,
  }),
  listEscalationFailures: endpoint({
    method: 'GET',
    path: '/api/problem-escalation-failures',
    summary: '提级任务未能处理的问题（原因、次数；每次运行重试）',
    tag: 'problems',
    response: EscalationFailureList,
  }),
  getEscalationLadder: endpoint({
    method: 'GET',
    path: '/api/escalation-ladders/:code',
    summary: '区划适用的问题提级层级（本级或最近上级）',
    tag: 'problems',
    params: CodeParams,
    response: EscalationLadder,
  }),
  setEscalationLadder: endpoint({
    method: 'PUT',
    path: '/api/escalation-ladders/:code',
    summary: '设置本区划的问题提级层级',
    tag: 'problems',
    params: CodeParams,
    body: SetEscalationLadder,
    response: EscalationLadder,
  }),
  applyEscalationPreset: endpoint({
    method: 'POST',
    path: '/api/escalation-ladders/:code/preset',
    summary: '套用预设提级层级（漯河五级、惠安“321”）',
    tag: 'problems',
    params: CodeParams,
    body: ApplyEscalationPreset,
    response: EscalationLadder,
  }),
  listRoutingRules: endpoint({
    method: 'GET',
    path: '/api/problem-routing-rules',
    summary: '问题交办规则（本辖区）',
    tag: 'problems',
    response: RoutingRuleList,
  }),
  createRoutingRule: endpoint({
    method: 'POST',
    path: '/api/problem-routing-rules',
    summary: '新增问题交办规则（分类 + 区划 → 承办部门 + 时限）',
    tag: 'problems',
    body: CreateRoutingRule,
    response: RoutingRule,
  }),
  deleteRoutingRule: endpoint({
    method: 'DELETE',
    path: '/api/problem-routing-rules/:id',
    summary: '删除问题交办规则',
    tag: 'problems',
    params: IdParams,
    response: Ok,
  }),
} as const;
