import type { Actor } from '../policies/actor';
import { can } from '../policies/authorize';

/**
 * The sections of a person's workbench (首页), in the order the page shows them: what is due for
 * them, by what their roles do.
 */
export const workbenchSectionKeys = [
  'reportsToFill',
  'statusBoard',
  'reportsToReview',
  'problemsToConfirm',
  'problemsToHandle',
  'lettersToReply',
  'tasksToHandle',
  'findingsToRectify',
  'problemsAwaitingOffice',
  'problemsOverdue',
  'problemsOnMyProjects',
  'warnings',
  'redProjects',
  'holidayCalendar',
  'lockedUsers',
  'auditChain',
  'auditEvents',
  'notifications',
] as const;
export type WorkbenchSectionKey = (typeof workbenchSectionKeys)[number];

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);

/**
 * 工作台分区: which to-do sections an actor's workbench holds, the union over their roles —
 * owners fill reports (report.submit), confirm answers to their problems (problem.raise) and watch
 * the colours of their projects; departments review reports, handle problems and answer letters;
 * offices see the status board, reviews, problems waiting for them (to route, to write off), overdue ones, and red projects;
 * leaders their projects' warnings and problems; the system and security admins locked accounts
 * (the system admin also the holiday calendar); the audit admin the chain and the recent
 * security events (a supervisor the recent events of their jurisdiction). Everyone has their
 * unread notifications. An owner unit answers the letters on its lagging projects (shown while it
 * has some to answer, like the tasks). Whoever works 交办事项 for their unit (dispatchTask.handle) has the open tasks
 * of the unit; the server leaves that section out while the unit has none. Source: issue 12 item
 * 14, issue 15.
 */
export function workbenchSectionsFor(actor: Actor): WorkbenchSectionKey[] {
  const office = has(actor, 'office_staff');
  const wanted = new Set<WorkbenchSectionKey>(['notifications']);
  if (can(actor, 'report.submit')) wanted.add('reportsToFill');
  if (office) wanted.add('statusBoard');
  if (can(actor, 'report.review')) wanted.add('reportsToReview');
  if (can(actor, 'problem.raise') && !office) wanted.add('problemsToConfirm');
  if (can(actor, 'problem.handle')) {
    wanted.add('problemsToHandle');
    wanted.add('lettersToReply');
  }
  // An owner unit answers the letters on its lagging projects; shown while it has some to answer.
  if (can(actor, 'report.submit')) wanted.add('lettersToReply');
  if (can(actor, 'dispatchTask.handle')) wanted.add('tasksToHandle');
  // An owner unit rectifies the inspection findings on its projects; shown while some wait.
  if (can(actor, 'inspection.reply')) wanted.add('findingsToRectify');
  if (can(actor, 'problem.route')) wanted.add('problemsAwaitingOffice');
  if (office || has(actor, 'supervisor')) wanted.add('problemsOverdue');
  if (has(actor, 'leader')) wanted.add('problemsOnMyProjects');
  if (can(actor, 'warning.read')) wanted.add(office || has(actor, 'supervisor') ? 'redProjects' : 'warnings');
  if (can(actor, 'calendar.manage')) wanted.add('holidayCalendar');
  if (can(actor, 'user.manage') || can(actor, 'user.grantAdminRole')) wanted.add('lockedUsers');
  if (has(actor, 'audit_admin')) wanted.add('auditChain');
  if (can(actor, 'audit.read')) wanted.add('auditEvents');
  return workbenchSectionKeys.filter((key) => wanted.has(key));
}

/**
 * Calendar days from `today` to `dueOn` (both `YYYY-MM-DD`, China dates): 0 on the day, negative
 * once it has passed (−2: two days overdue). The workbench's "剩 N 天 / 逾期 N 天".
 */
export function daysLeft(today: string, dueOn: string): number {
  const day = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  return Math.round((day(dueOn) - day(today)) / 86_400_000);
}
