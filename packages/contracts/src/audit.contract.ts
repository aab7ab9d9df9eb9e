import { z } from 'zod';
import { PageQuery, paged, text } from './common';
import { endpoint } from './endpoint';

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().describe('操作人用户名（登录失败时为输入的用户名）'),
  actorDisplayName: z.string().nullable().describe('操作人姓名'),
  action: z.string().describe('点分动作名，如 user.create、auth.login.failed'),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  entityName: z.string().nullable().describe('对象名称（项目名称、用户姓名、单位、区划…）；无法解析时为空'),
  result: z.enum(['success', 'failure']).describe('success 成功；failure 被拒绝的尝试（登录失败、锁定）'),
  regionCode: z.string().nullable(),
  ip: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = paged(AuditEvent);

export const AuditQuery = PageQuery.extend({
  actor: text(64).optional().describe('操作人用户名或姓名（包含匹配）'),
  action: text(64).optional().describe('动作：完整动作名精确匹配；以点结尾为前缀匹配，如 auth.'),
  entityType: text(32).optional(),
  entityId: text(64).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('起始时间'),
  to: z.iso.datetime({ offset: true }).optional().describe('截止时间'),
  result: z.enum(['success', 'failure']).optional().describe('结果：success 成功；failure 失败'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditVerification = z.object({
  checked: z.number().int(),
  intact: z.boolean(),
  firstBrokenId: z.string().nullable(),
});

/** The audit module's endpoints (the server registers them, the client calls them). */
export const auditEndpoints = {
  findAuditEvents: endpoint({
    method: 'GET',
    path: '/api/audit-events',
    summary: '审计日志',
    tag: 'audit',
    query: AuditQuery,
    response: AuditPage,
  }),
  verifyAuditChain: endpoint({
    method: 'GET',
    path: '/api/audit-events/verification',
    summary: '校验审计日志哈希链',
    tag: 'audit',
    response: AuditVerification,
  }),
} as const;
