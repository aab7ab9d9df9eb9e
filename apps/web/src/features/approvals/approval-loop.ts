import type { ApprovalItem, Problem } from '@tuijin/contracts';

/** The 容缺 materials of an item whose promise has passed while they are still missing. */
export function brokenPromises(item: Pick<ApprovalItem, 'materials'>) {
  return item.materials.filter((material) => material.overdue && material.suppliedOn === null);
}

/** Open problems grouped by the approval item they are about, oldest due date first. */
export function problemsByItem(problems: readonly Problem[]): Map<string, Problem[]> {
  const byItem = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (!problem.approvalItemId) continue;
    byItem.set(problem.approvalItemId, [...(byItem.get(problem.approvalItemId) ?? []), problem]);
  }
  for (const list of byItem.values()) list.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return byItem;
}

/**
 * 转为问题 is offered to the office running the checklist when a promise is broken and no problem
 * about the item is open yet (the server refuses a second one anyway, naming it).
 */
export function mayRaiseFromBrokenPromise(
  item: Pick<ApprovalItem, 'materials' | 'status'>,
  canManage: boolean,
  openProblems: readonly Problem[],
): boolean {
  return (
    canManage &&
    item.status === 'accepted_with_gaps' &&
    brokenPromises(item).length > 0 &&
    openProblems.length === 0
  );
}

/** The category a problem about an approval item is raised under (问题分类 dictionary). */
export const approvalProblemCategory = '审批';
