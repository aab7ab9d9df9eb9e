import { AppError } from '../errors';

/**
 * 问题状态: raised (登记) → accepted (已交办, routed to a handler) → in_progress (办理中) → answered
 * (已答复) → confirmed (提出人满意) → written_off (已销号). Rejected (不属于问题) is the other end.
 */
export const problemStatuses = [
  'raised',
  'accepted',
  'in_progress',
  'answered',
  'confirmed',
  'written_off',
  'rejected',
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** What can be done to a problem; also the `problem_events.action` vocabulary (with `raise`). */
export const problemActions = [
  'route',
  'start',
  'answer',
  'confirm',
  'unsatisfied',
  'writeOff',
  'reject',
  'reopen',
  'escalate',
] as const;
export type ProblemAction = (typeof problemActions)[number];

/** Statuses in which a problem is still waiting for its handler: the escalation clock runs. */
export const openProblemStatuses = [
  'raised',
  'accepted',
  'in_progress',
] as const satisfies readonly ProblemStatus[];

/**
 * Statuses of a problem not closed yet (neither written off nor rejected): what an approval item shows
 * as its problems, and what keeps a second problem on the same item from being raised.
 */
export const unresolvedProblemStatuses = [
  'raised',
  'accepted',
  'in_progress',
  'answered',
  'confirmed',
] as const satisfies readonly ProblemStatus[];

/** Whether the handler still owes an answer (the escalation clock runs and it can be overdue). */
export const isOpenProblem = (status: ProblemStatus) =>
  (openProblemStatuses as readonly ProblemStatus[]).includes(status);

/**
 * The lifecycle as a table: for each action, the statuses it may start from and the status it
 * leaves (null: unchanged). Routing (and re-routing by the office) hands an open problem to a
 * handler afresh; the handler starts and answers; the raiser confirms (satisfied) or sends it back
 * (unsatisfied → in progress); the office writes a confirmed problem off (销号), rejects one that is
 * not a problem (with a reason), and reopens a written-off or rejected one. Escalation moves an open
 * problem up the ladder without changing its status. Source: DOMAIN.md "Blocking problems".
 */
export const problemTransitions: Record<
  ProblemAction,
  { from: readonly ProblemStatus[]; to: ProblemStatus | null }
> = {
  route: { from: ['raised', 'accepted', 'in_progress'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  answer: { from: ['accepted', 'in_progress'], to: 'answered' },
  confirm: { from: ['answered'], to: 'confirmed' },
  unsatisfied: { from: ['answered'], to: 'in_progress' },
  writeOff: { from: ['confirmed'], to: 'written_off' },
  reject: { from: ['raised', 'accepted', 'in_progress'], to: 'rejected' },
  reopen: { from: ['written_off', 'rejected'], to: 'in_progress' },
  escalate: { from: ['raised', 'accepted', 'in_progress'], to: null },
};

/** zh-CN names of the statuses, for errors and the CLI. */
export const problemStatusNames: Record<ProblemStatus, string> = {
  raised: '已登记',
  accepted: '已交办',
  in_progress: '办理中',
  answered: '已答复',
  confirmed: '已确认',
  written_off: '已销号',
  rejected: '已驳回',
};

/** zh-CN names of the actions. */
export const problemActionNames: Record<ProblemAction, string> = {
  route: '交办',
  start: '开始办理',
  answer: '答复',
  confirm: '确认满意',
  unsatisfied: '评价不满意',
  writeOff: '销号',
  reject: '驳回',
  reopen: '重新打开',
  escalate: '提级',
};

/** Whether `action` may be taken on a problem in `status`. */
export function canTransitionProblem(status: ProblemStatus, action: ProblemAction): boolean {
  return problemTransitions[action].from.includes(status);
}

/**
 * The status a problem is left in by `action`; an illegal move is INVALID_TRANSITION naming the
 * current status, the action and the statuses it is allowed from.
 */
export function transitionProblem(status: ProblemStatus, action: ProblemAction): ProblemStatus {
  if (!canTransitionProblem(status, action)) {
    const allowed = problemTransitions[action].from.map((s) => `“${problemStatusNames[s]}”`).join('、');
    throw new AppError(
      'INVALID_TRANSITION',
      `问题当前状态为“${problemStatusNames[status]}”，不能${problemActionNames[action]}（仅${allowed}状态可以）`,
    );
  }
  return problemTransitions[action].to ?? status;
}

/**
 * 逾期 (overdue): a problem the handler still owes an answer on (open) whose due date is before
 * `today` (YYYY-MM-DD, China time) — due today is not yet overdue. The server's SQL twin is
 * `db/rules/overdue-problem.ts`; `overdueProblemCases` is the table both are tested on.
 */
export const isOverdueProblem = (status: ProblemStatus, dueOn: string, today: string) =>
  isOpenProblem(status) && dueOn < today;

/**
 * 逾期天数: calendar days a problem is past its due date (`YYYY-MM-DD` dates in China time) — from
 * the day after `dueOn` to `today` — while the handler still owes an answer; null when it is not
 * overdue (answered, closed, or not yet due). The overdue list sorts by it, most overdue first.
 */
export function problemOverdueDays(status: ProblemStatus, dueOn: string, today: string): number | null {
  if (!isOverdueProblem(status, dueOn, today)) return null;
  const day = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  return Math.round((day(today) - day(dueOn)) / 86_400_000);
}
