import {
  addWorkingDays,
  type HolidayCalendar,
  workingDaysBetween,
  workingDeadline,
} from '../calendar/working-days';
import { AppError } from '../errors';

/**
 * 交办事项: what a meeting decided someone must do by a date. assigned (已交办) → in_progress (办理中) →
 * reported_done (已报办结) → verified (已核销); the office may send a report back (退回, again in
 * progress) and cancel (撤销) a task the meeting withdrew.
 */
export const taskStatuses = [
  'assigned',
  'in_progress',
  'reported_done',
  'verified',
  'sent_back',
  'cancelled',
] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskActions = ['start', 'reportDone', 'verify', 'sendBack', 'cancel'] as const;
export type TaskAction = (typeof taskActions)[number];

/**
 * The lifecycle as a table: for each action, the statuses it may start from and the status it
 * leaves. The responsible unit starts and reports done (also straight from assigned, for a task done
 * the same day); the office verifies or sends back with a reason; a sent-back task is worked again
 * (start) or reported done again; the office cancels any task not yet verified.
 */
export const taskTransitions: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  start: { from: ['assigned', 'sent_back'], to: 'in_progress' },
  reportDone: { from: ['assigned', 'in_progress', 'sent_back'], to: 'reported_done' },
  verify: { from: ['reported_done'], to: 'verified' },
  sendBack: { from: ['reported_done'], to: 'sent_back' },
  cancel: { from: ['assigned', 'in_progress', 'reported_done', 'sent_back'], to: 'cancelled' },
};

/** Statuses in which the responsible unit still owes the work: the clock runs and it can be overdue. */
export const openTaskStatuses = [
  'assigned',
  'in_progress',
  'sent_back',
] as const satisfies readonly TaskStatus[];

export const isOpenTask = (status: TaskStatus) =>
  (openTaskStatuses as readonly TaskStatus[]).includes(status);

/** zh-CN names, for errors and the CLI (the web has its own i18n). */
export const taskStatusNames: Record<TaskStatus, string> = {
  assigned: '已交办',
  in_progress: '办理中',
  reported_done: '已报办结',
  verified: '已核销',
  sent_back: '已退回',
  cancelled: '已撤销',
};

export const taskActionNames: Record<TaskAction, string> = {
  start: '开始办理',
  reportDone: '报办结',
  verify: '核销',
  sendBack: '退回',
  cancel: '撤销',
};

/** The status `action` leaves, or INVALID_TRANSITION naming the task's status and the action. */
export function nextTaskStatus(status: TaskStatus, action: TaskAction): TaskStatus {
  const transition = taskTransitions[action];
  if (!transition.from.includes(status))
    throw new AppError(
      'INVALID_TRANSITION',
      `交办事项${taskStatusNames[status]}，不能${taskActionNames[action]}`,
      [{ path: 'action', message: `当前状态“${taskStatusNames[status]}”不能${taskActionNames[action]}` }],
    );
  return transition.to;
}

/** The reminder a task is due at: half its working days gone, three quarters, the due day, overdue. */
export type TaskReminderStage = 'half' | 'threeQuarters' | 'due' | 'overdue';

/** A task's deadline: `limitWorkingDays` working days after the day it was assigned. */
export const taskDueOn = (assignedOn: string, limitWorkingDays: number, calendar: HolidayCalendar) =>
  addWorkingDays(assignedOn, limitWorkingDays, calendar);

/**
 * A task's deadline with its 暂定 mark: provisional when the count read a day of a year whose holiday
 * arrangement is not entered (weekends and fixed-date holidays only); recomputed once it is.
 */
export function taskDue(
  assignedOn: string,
  limitWorkingDays: number,
  calendar: HolidayCalendar,
): { dueOn: string; isDueOnProvisional: boolean } {
  const due = workingDeadline(assignedOn, limitWorkingDays, calendar);
  return { dueOn: due.on, isDueOnProvisional: due.isProvisional };
}

/**
 * Where an open task's clock stands on `today`: null before half its working days have passed, then
 * 'half' (≥ 50 %), 'threeQuarters' (≥ 75 %), 'due' (the due day itself) and 'overdue' after it. The
 * reminder job sends each stage once.
 */
export function taskReminderStage(
  assignedOn: string,
  dueOn: string,
  today: string,
  calendar: HolidayCalendar,
): TaskReminderStage | null {
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'due';
  const total = workingDaysBetween(assignedOn, dueOn, calendar);
  if (total === 0) return null;
  const elapsed = workingDaysBetween(assignedOn, today, calendar);
  if (elapsed * 4 >= total * 3) return 'threeQuarters';
  if (elapsed * 2 >= total) return 'half';
  return null;
}
