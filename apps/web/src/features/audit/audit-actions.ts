import { zhCN } from '../../i18n/zh-CN';

/** Record types the log names, offered in the filter by their labels. */
export const auditEntityTypes: string[] = Object.keys(zhCN.entityTypes);
