import { addWorkingDays, type HolidayCalendar, workingDaysBetween } from '../calendar/working-days';
import { AppError } from '../errors';
import { type ApprovalStatus, isAcceptedApprovalStatus } from './approval-status';

/** What the schedule reads of a checklist item. */
export interface ScheduleItem {
  id: string;
  code: string;
  name: string;
  status: ApprovalStatus;
  committedDays: number;
  /** Codes of the procedures this one waits for (only those on the same checklist count). */
  dependsOn: readonly string[];
  requiredBeforeStart: boolean;
  acceptedOn: string | null;
  approvedOn: string | null;
}

export interface ScheduledItem {
  id: string;
  /** When the item can start (today, or when the last procedure it waits for is expected). */
  startOn: string;
  /** When its approval is expected: the approval date once approved. */
  finishOn: string;
  /** The item this one waits for longest (its predecessor on the critical chain), if any. */
  boundBy: string | null;
}

export interface ApprovalSchedule {
  items: ScheduledItem[];
  /**
   * The earliest date the project can start (开工): the working day after the last procedure required
   * before start is expected, or today when none is open. Null when the checklist has no required item.
   */
  earliestStartOn: string | null;
  /** The critical chain: the required items that set the earliest start, first to last. */
  criticalChain: string[];
}

/** Orders items so each comes after those it depends on; a cycle is VALIDATION_FAILED naming it. */
export function dependencyOrder<T extends { code: string; name: string; dependsOn: readonly string[] }>(
  items: readonly T[],
  /** What the items are, for the message (手续, 节点). */
  what = '手续',
): T[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: T, trail: string[]) => {
    const seen = state.get(item.code);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(item.name)), item.name].join(' → ');
      throw new AppError('VALIDATION_FAILED', `${what}的前置关系形成循环：${cycle}`, [
        { path: 'dependsOn', message: `循环：${cycle}` },
      ]);
    }
    state.set(item.code, 'visiting');
    for (const code of item.dependsOn) {
      const before = byCode.get(code);
      if (before) visit(before, [...trail, item.name]);
    }
    state.set(item.code, 'done');
    ordered.push(item);
  };
  for (const item of items) visit(item, []);
  return ordered;
}

/**
 * Parallel approval and the critical path. Items with no dependency between them run at the same
 * time. An approved item finished on its approval date; an accepted one finishes its remaining
 * committed working days from today (today when already past its limit); one not accepted yet starts
 * when the last procedure it waits for is expected (or today) and takes its whole committed limit.
 * Items marked 不需办理 are left out, and so are their arrows.
 */
export function approvalSchedule(
  items: readonly ScheduleItem[],
  today: string,
  calendar: HolidayCalendar,
): ApprovalSchedule {
  const live = items.filter((item) => item.status !== 'not_needed');
  const finished = new Map<string, ScheduledItem>();
  const byCode = new Map(live.map((item) => [item.code, item]));
  for (const item of dependencyOrder(live)) {
    let scheduled: ScheduledItem;
    if (item.status === 'approved' && item.approvedOn) {
      scheduled = {
        id: item.id,
        startOn: item.acceptedOn ?? item.approvedOn,
        finishOn: item.approvedOn,
        boundBy: null,
      };
    } else if (isAcceptedApprovalStatus(item.status) && item.acceptedOn) {
      const used = workingDaysBetween(item.acceptedOn, today, calendar);
      const remaining = Math.max(item.committedDays - used, 0);
      scheduled = {
        id: item.id,
        startOn: item.acceptedOn,
        finishOn: addWorkingDays(today, remaining, calendar),
        boundBy: null,
      };
    } else {
      let startOn = today;
      let boundBy: string | null = null;
      for (const code of item.dependsOn) {
        const before = byCode.get(code);
        const done = before ? finished.get(before.code) : undefined;
        if (done && done.finishOn > startOn) {
          startOn = done.finishOn;
          boundBy = done.id;
        }
      }
      scheduled = {
        id: item.id,
        startOn,
        finishOn: addWorkingDays(startOn, item.committedDays, calendar),
        boundBy,
      };
    }
    finished.set(item.code, scheduled);
  }
  const scheduledItems = live.map((item) => finished.get(item.code)!);
  const required = live.filter((item) => item.requiredBeforeStart);
  if (required.length === 0) return { items: scheduledItems, earliestStartOn: null, criticalChain: [] };
  const open = required.filter((item) => item.status !== 'approved');
  if (open.length === 0) return { items: scheduledItems, earliestStartOn: today, criticalChain: [] };
  let last = finished.get(open[0]!.code)!;
  for (const item of open.slice(1)) {
    const candidate = finished.get(item.code)!;
    if (candidate.finishOn > last.finishOn) last = candidate;
  }
  const byId = new Map(scheduledItems.map((s) => [s.id, s]));
  const chain: string[] = [];
  for (let at: ScheduledItem | undefined = last; at; at = at.boundBy ? byId.get(at.boundBy) : undefined)
    chain.unshift(at.id);
  const lastFinish = last.finishOn < today ? today : last.finishOn;
  return {
    items: scheduledItems,
    earliestStartOn: addWorkingDays(lastFinish, 1, calendar),
    criticalChain: chain,
  };
}
