import { problemLetterKinds, problemLetterStatuses } from '@tuijin/domain';
import { z } from 'zod';
import { Id, requiredText, Timestamp, Version } from './common';

export const ProblemLetterKind = z.enum(problemLetterKinds);
export const ProblemLetterStatus = z.enum(problemLetterStatuses);
export type ProblemLetterKind = z.infer<typeof ProblemLetterKind>;
export type ProblemLetterStatus = z.infer<typeof ProblemLetterStatus>;

/** 发函: a 提醒函 or 督办单 on an overdue problem, to its handler organisation. */
export const IssueProblemLetter = z
  .object({
    kind: ProblemLetterKind.nullable()
      .default(null)
      .describe('reminder 提醒函，supervision 督办单；空则首函为提醒函、其后为督办单'),
    demandedAction: requiredText(1000).describe('督办事项：要求承办单位做什么'),
    replyWorkingDays: z
      .number({ message: '回复时限应为 1–30 个工作日' })
      .int({ message: '回复时限应为整数个工作日' })
      .min(1, { message: '回复时限至少 1 个工作日' })
      .max(30, { message: '回复时限最多 30 个工作日' })
      .default(5)
      .describe('回复时限（工作日，节假日与调休按日历计算）'),
  })
  .strict();
export type IssueProblemLetter = z.infer<typeof IssueProblemLetter>;

export const MarkProblemLetterSent = z.object({ version: Version }).strict();
export type MarkProblemLetterSent = z.infer<typeof MarkProblemLetterSent>;

export const ReplyProblemLetter = z
  .object({ version: Version, reply: requiredText(4000).describe('回复：落实情况') })
  .strict();
export type ReplyProblemLetter = z.infer<typeof ReplyProblemLetter>;

export const ProblemLetter = z.object({
  id: Id,
  problemId: Id,
  kind: ProblemLetterKind,
  serial: z.string().describe('函件编号，如 督办〔2026〕12号'),
  issuerOrganisationName: z.string(),
  recipientOrganisationId: Id,
  recipientOrganisationName: z.string(),
  originalDueOn: z.string(),
  daysOverdue: z.number().int(),
  demandedAction: z.string(),
  replyDueOn: z.string(),
  isReplyDueOnProvisional: z.boolean().describe('暂定：回复期限跨入尚未录入法定节假日安排的年份，录入后重算'),
  status: ProblemLetterStatus,
  issuedByName: z.string(),
  issuedAt: Timestamp,
  sentAt: Timestamp.nullable(),
  replyText: z.string().nullable(),
  repliedAt: Timestamp.nullable(),
  repliedByName: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do with it now. */
  canMarkSent: z.boolean(),
  canReply: z.boolean(),
});
export type ProblemLetter = z.infer<typeof ProblemLetter>;

export const ProblemLetterList = z.object({
  data: z.array(ProblemLetter),
  /** Whether the caller may issue a letter on this problem now (an office, the problem overdue). */
  canIssue: z.boolean(),
  /** The kind a new letter defaults to. */
  nextKind: ProblemLetterKind,
});
export type ProblemLetterList = z.infer<typeof ProblemLetterList>;

export const ProblemLetterParams = z.object({ id: Id, letterId: Id });
export const ProblemAttachmentParams = z.object({ id: Id, attachmentId: Id });

export const ProblemAttachment = z.object({
  id: Id,
  problemId: Id,
  kind: z.enum(['photo', 'document']),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string(),
  uploadedAt: Timestamp,
  canDelete: z.boolean(),
});
export type ProblemAttachment = z.infer<typeof ProblemAttachment>;
export const ProblemAttachmentList = z.object({
  data: z.array(ProblemAttachment),
  /** Whether the caller may attach files to this problem. */
  canUpload: z.boolean(),
});
export type ProblemAttachmentList = z.infer<typeof ProblemAttachmentList>;
