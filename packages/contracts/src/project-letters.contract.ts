import { projectLetterReasons, warningColours } from '@tuijin/domain';
import { z } from 'zod';
import { Id, requiredText, Timestamp, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { ProblemLetterKind, ProblemLetterStatus } from './problem-letters.contract';

export const ProjectLetterReason = z.enum(projectLetterReasons);
export type ProjectLetterReason = z.infer<typeof ProjectLetterReason>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** 发函: a 提醒函 or 督办单 on a lagging project, to its owner unit (or a department). */
export const IssueProjectLetter = z
  .object({
    kind: ProblemLetterKind.nullable()
      .default(null)
      .describe('reminder 提醒函，supervision 督办单；空则本年首函为提醒函、其后为督办单'),
    reason: ProjectLetterReason.describe(
      '滞后原因：red 红色预警，yellow 黄色预警，behindSchedule 低于序时进度，milestoneOverdue 节点逾期，notStarted 计划开工未开工，other 其他',
    ),
    recipientOrganisationId: Id.nullable().default(null).describe('收函单位；空则为项目业主单位'),
    demandedAction: requiredText(1000).describe('督办事项：要求收函单位做什么'),
    replyWorkingDays: z
      .number({ message: '回复时限应为 1–30 个工作日' })
      .int({ message: '回复时限应为整数个工作日' })
      .min(1, { message: '回复时限至少 1 个工作日' })
      .max(30, { message: '回复时限最多 30 个工作日' })
      .default(5)
      .describe('回复时限（工作日，节假日与调休按日历计算）'),
  })
  .strict();
export type IssueProjectLetter = z.infer<typeof IssueProjectLetter>;

export const ProjectLetterStep = z.object({ version: Version }).strict();
export type ProjectLetterStep = z.infer<typeof ProjectLetterStep>;

export const ReplyProjectLetter = z
  .object({ version: Version, reply: requiredText(4000).describe('回复：整改落实情况') })
  .strict();
export type ReplyProjectLetter = z.infer<typeof ReplyProjectLetter>;

/** The figures the letter quotes, as they stood when issued. */
export const ProjectLetterFacts = z.object({
  month: z.string().describe('最近报送月份 YYYY-MM'),
  colour: z.enum(warningColours).nullable(),
  plannedWanYuan: z.string().nullable(),
  completedWanYuan: z.string().nullable(),
  completionPercent: z.string().nullable(),
  timePercent: z.string().nullable().describe('序时进度 %'),
  overdueMilestones: z.number().int(),
  plannedStartMonth: z.string().nullable(),
  actualStartOn: z.string().nullable(),
});
export type ProjectLetterFacts = z.infer<typeof ProjectLetterFacts>;

export const ProjectLetter = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  kind: ProblemLetterKind,
  serial: z.string().describe('函件编号，如 提醒〔2026〕3号'),
  issuerOrganisationName: z.string(),
  recipientOrganisationId: Id,
  recipientOrganisationName: z.string(),
  reason: ProjectLetterReason,
  facts: ProjectLetterFacts,
  demandedAction: z.string(),
  replyDueOn: z.string(),
  isReplyDueOnProvisional: z.boolean(),
  status: ProblemLetterStatus,
  issuedByName: z.string(),
  issuedAt: Timestamp,
  sentAt: Timestamp.nullable(),
  replyText: z.string().nullable(),
  repliedAt: Timestamp.nullable(),
  repliedByName: z.string().nullable(),
  version: z.number().int(),
  canMarkSent: z.boolean(),
  canReply: z.boolean(),
});
export type ProjectLetter = z.infer<typeof ProjectLetter>;

export const ProjectLetterList = z.object({
  data: z.array(ProjectLetter),
  /** Whether the caller may issue a letter on this project (an office over its region). */
  canIssue: z.boolean(),
  /** The kind a new letter defaults to (this year's first on the project: 提醒函). */
  nextKind: ProblemLetterKind,
  /** Recipients the office may choose: the owner unit first, then the responsible department. */
  recipients: z.array(z.object({ id: Id, name: z.string() })),
});
export type ProjectLetterList = z.infer<typeof ProjectLetterList>;

/** 函件台账: letters on problems and on projects of my jurisdiction. */
export const LetterQuery = z
  .object({
    from: IsoDate.optional().describe('发函日期起'),
    to: IsoDate.optional().describe('发函日期止'),
    kind: ProblemLetterKind.optional(),
    recipient: z.string().max(100).optional().describe('收函单位名称（包含）'),
    subject: z.enum(['problem', 'project']).optional().describe('problem 问题函件，project 项目函件'),
  })
  .strict();
export type LetterQuery = z.infer<typeof LetterQuery>;

export const LetterEntry = z.object({
  id: Id,
  subject: z.enum(['problem', 'project']),
  /** Where the letter lives in the app (the problem or the project page). */
  link: z.string(),
  projectId: Id,
  projectName: z.string(),
  problemReferenceNumber: z.string().nullable(),
  kind: ProblemLetterKind,
  serial: z.string(),
  reason: ProjectLetterReason.nullable(),
  issuerOrganisationName: z.string(),
  recipientOrganisationName: z.string(),
  issuedOn: z.string(),
  replyDueOn: z.string(),
  status: ProblemLetterStatus,
  isReplyOverdue: z.boolean(),
});
export type LetterEntry = z.infer<typeof LetterEntry>;
export const LetterLedger = z.object({ data: z.array(LetterEntry) });
export type LetterLedger = z.infer<typeof LetterLedger>;

export const LetterSummaryQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认本年') })
  .strict();
export const LetterSummary = z.object({
  year: z.number().int(),
  total: z.number().int(),
  byKind: z.object({ reminder: z.number().int(), supervision: z.number().int() }),
  bySubject: z.object({ problem: z.number().int(), project: z.number().int() }),
  byMonth: z.array(z.number().int()),
  byQuarter: z.array(z.number().int()),
  byRecipient: z.array(z.object({ recipientOrganisationName: z.string(), count: z.number().int() })),
  replied: z.number().int(),
  overdueReply: z.number().int(),
});
export type LetterSummary = z.infer<typeof LetterSummary>;

export const ProjectLetterParams = z.object({ id: Id });

export const projectLettersEndpoints = {
  listProjectLetters: endpoint({
    method: 'GET',
    path: '/api/projects/:id/letters',
    summary: '项目的提醒函、督办单（含能否发函）',
    tag: 'project-letters',
    params: IdParams,
    response: ProjectLetterList,
  }),
  issueProjectLetter: endpoint({
    method: 'POST',
    path: '/api/projects/:id/letters',
    summary: '对滞后项目发提醒函或督办单（重点办）',
    tag: 'project-letters',
    params: IdParams,
    body: IssueProjectLetter,
    response: ProjectLetter,
  }),
  markProjectLetterSent: endpoint({
    method: 'POST',
    path: '/api/project-letters/:id/sent',
    summary: '登记项目函件已送达（重点办）',
    tag: 'project-letters',
    params: ProjectLetterParams,
    body: ProjectLetterStep,
    response: ProjectLetter,
  }),
  replyProjectLetter: endpoint({
    method: 'POST',
    path: '/api/project-letters/:id/reply',
    summary: '收函单位回复项目函件',
    tag: 'project-letters',
    params: ProjectLetterParams,
    body: ReplyProjectLetter,
    response: ProjectLetter,
  }),
  listLetters: endpoint({
    method: 'GET',
    path: '/api/letters',
    summary: '函件台账：本辖区问题函件与项目函件',
    tag: 'project-letters',
    query: LetterQuery,
    response: LetterLedger,
  }),
  letterSummary: endpoint({
    method: 'GET',
    path: '/api/letters/summary',
    summary: '函件统计：按类型、月份、季度、收函单位，已回复与逾期未复',
    tag: 'project-letters',
    query: LetterSummaryQuery,
    response: LetterSummary,
  }),
} as const;
