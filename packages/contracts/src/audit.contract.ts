import { z } from 'zod';
import { PageQuery, paged, text } from './common';

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().describe('操作人用户名（登录失败时为输入的用户名）'),
  actorDisplayName: z.string().nullable().describe('操作人姓名'),
  action: z.string().describe('点分动作名，如 user.create、auth.login.failed'),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  ip: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = paged(AuditEvent);

export const AuditQuery = PageQuery.extend({
  actor: text(64).optional().describe('操作人用户名'),
  action: text(64).optional().describe('动作（前缀匹配，如 auth.）'),
  entityType: text(32).optional(),
  entityId: text(64).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('起始时间'),
  to: z.iso.datetime({ offset: true }).optional().describe('截止时间'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditVerification = z.object({
  checked: z.number().int(),
  intact: z.boolean(),
  firstBrokenId: z.string().nullable(),
});
