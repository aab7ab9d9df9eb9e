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
  result: z
    .enum(['success', 'failure'])
    .describe('success 成功；failure 被拒绝的尝试（登录失败、锁定、拒绝访问）或未通过的校验'),
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
  checked: z.number().int().describe('已校验的记录数'),
  intact: z.boolean().describe('哈希链、检查点与链尾均完整'),
  firstBrokenId: z.string().nullable().describe('第一条链接不符的记录编号'),
  truncated: z.boolean().describe('检查点记下的链尾已不存在（最新记录被删除）'),
  missingHeads: z
    .array(
      z.object({
        checkpointId: z.string(),
        checkpointAt: z.string(),
        chain: z.number().int(),
        lastId: z.string(),
        count: z.number().int(),
      }),
    )
    .describe('不再存在或不符的链尾'),
  brokenCheckpoint: z.object({ id: z.string(), at: z.string() }).nullable().describe('签名不符的检查点'),
  checkpoints: z.number().int(),
  lastCheckpointAt: z.string().nullable(),
  checkpointWritten: z.boolean().describe('本次校验完整，已记下新的检查点'),
});

export const AuditRetention = z.object({
  days: z.number().int().describe('审计日志保留天数（不少于 180 天）'),
  minDays: z.number().int(),
  version: z.number().int(),
  archivedThrough: z.string().nullable().describe('已导出归档（连续覆盖）至此时间'),
  lastPurgeAt: z.string().nullable(),
});
export type AuditRetention = z.infer<typeof AuditRetention>;

export const UpdateAuditRetention = z
  .object({
    days: z.number().int().min(1).max(36_500).describe('保留天数，不少于 180'),
    version: z.number().int().min(0),
  })
  .strict();
export type UpdateAuditRetention = z.infer<typeof UpdateAuditRetention>;

export const AuditExportQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).describe('起始时间（含）'),
    to: z.iso.datetime({ offset: true }).describe('截止时间（不含）'),
  })
  .strict();
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

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
  getAuditRetention: endpoint({
    method: 'GET',
    path: '/api/audit-retention',
    summary: '审计日志保留期与归档情况',
    tag: 'audit',
    response: AuditRetention,
  }),
  updateAuditRetention: endpoint({
    method: 'PUT',
    path: '/api/audit-retention',
    summary: '设置审计日志保留期（审计管理员，不少于 180 天）',
    tag: 'audit',
    body: UpdateAuditRetention,
    response: AuditRetention,
  }),
} as const;
