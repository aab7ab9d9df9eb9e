import { zhCN } from '../../i18n/zh-CN';

/** The audit actions the log has labels for, in their dotted form (`auth.login.failed`). */
export const labelledAuditActions: string[] = Object.keys(zhCN.auditActions).map((key) =>
  key.replaceAll('_', '.'),
);

/** The module prefixes offered first in the action filter (prefix match: `auth.` finds every sign-in event). */
export const auditActionPrefixes: string[] = [
  ...new Set(labelledAuditActions.map((action) => `${action.split('.')[0] ?? action}.`)),
];

/** Entity types the log records, offered as suggestions in the filter. */
export const auditEntityTypes: string[] = Object.keys(zhCN.entityTypes);
