import { type ApprovalStatus, approvalStatusNames, isOpenApprovalStatus } from './approval-status';

/** What the start gate reads of a checklist item. */
export interface GateItem {
  id: string;
  name: string;
  status: ApprovalStatus;
  requiredBeforeStart: boolean;
  /** Names of its 容缺 materials not supplied yet. */
  missingMaterials: readonly string[];
}

export interface StartBlocker {
  itemId: string;
  name: string;
  /** `open`: a procedure required before start is not approved; `gaps`: a 容缺 promise is unfulfilled. */
  kind: 'open' | 'gaps';
  /** One line saying what blocks, e.g. “施工许可（已受理）” or “环评：容缺材料未补齐（专家评审意见）”. */
  text: string;
}

/**
 * What keeps a project from moving to 新开工: every procedure required before start that is not
 * approved (or marked not needed), and every item with a 容缺 material still missing — a promise
 * unfulfilled blocks even on an item not required before start.
 */
export function startBlockers(items: readonly GateItem[]): StartBlocker[] {
  const blockers: StartBlocker[] = [];
  for (const item of items) {
    if (item.missingMaterials.length > 0)
      blockers.push({
        itemId: item.id,
        name: item.name,
        kind: 'gaps',
        text: `${item.name}：容缺材料未补齐（${item.missingMaterials.join('、')}）`,
      });
    else if (item.requiredBeforeStart && isOpenApprovalStatus(item.status))
      blockers.push({
        itemId: item.id,
        name: item.name,
        kind: 'open',
        text: `${item.name}（${approvalStatusNames[item.status]}）`,
      });
  }
  return blockers;
}

/** The refusal's message: the blockers named one by one. */
export function startBlockedMessage(blockers: readonly StartBlocker[]): string {
  return `项目尚不能转为新开工，以下开工前手续未办结：${blockers.map((b) => b.text).join('；')}。如确需开工，可由重点办填写理由后强制变更`;
}
