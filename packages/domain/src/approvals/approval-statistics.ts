import { type HolidayCalendar, workingDaysBetween } from '../calendar/working-days';
import { type ApprovalStatus, isOpenApprovalStatus } from './approval-status';
import type { ApprovalColour } from './approval-timing';

/** One approved item as the statistics read it. */
export interface ApprovedItem {
  projectId: string;
  projectName: string;
  code: string;
  name: string;
  departmentName: string | null;
  committedDays: number;
  acceptedOn: string;
  approvedOn: string;
}

/** Average and median of a set of durations (working and calendar days), one decimal. */
export interface Durations {
  count: number;
  averageWorkingDays: number | null;
  medianWorkingDays: number | null;
  averageCalendarDays: number | null;
  medianCalendarDays: number | null;
}

export interface GroupDurations extends Durations {
  key: string;
  name: string;
  /** Approved within the committed limit. */
  onTime: number;
}

/** 全流程: from a project's first acceptance to its construction permit (or last approval before start). */
export interface ProjectSpan {
  projectId: string;
  projectName: string;
  firstAcceptedOn: string;
  lastApprovedOn: string;
  workingDays: number;
  calendarDays: number;
}

export interface ApprovalStatistics extends Durations {
  byProcedure: GroupDurations[];
  byDepartment: GroupDurations[];
  projects: ProjectSpan[];
  /** The whole spans of the projects (first acceptance → permit), averaged: Luohe's 66 → 38 figure. */
  span: Durations;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const average = (values: readonly number[]) =>
  values.length === 0 ? null : round1(values.reduce((sum, v) => sum + v, 0) / values.length);
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round1((sorted[middle - 1]! + sorted[middle]!) / 2);
}

const msPerDay = 86_400_000;
/** Calendar days from one date to another (the first not counted, like working days). */
export const calendarDaysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);

function durations(pairs: readonly { working: number; calendar: number }[]): Durations {
  return {
    count: pairs.length,
    averageWorkingDays: average(pairs.map((p) => p.working)),
    medianWorkingDays: median(pairs.map((p) => p.working)),
    averageCalendarDays: average(pairs.map((p) => p.calendar)),
    medianCalendarDays: median(pairs.map((p) => p.calendar)),
  };
}

function grouped(
  items: readonly (ApprovedItem & { working: number; calendar: number })[],
  keyOf: (item: ApprovedItem) => { key: string; name: string },
): GroupDurations[] {
  const groups = new Map<string, { name: string; rows: (typeof items)[number][] }>();
  for (const item of items) {
    const { key, name } = keyOf(item);
    const group = groups.get(key) ?? { name, rows: [] };
    group.rows.push(item);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, { name, rows }]) => ({
      key,
      name,
      ...durations(rows),
      onTime: rows.filter((r) => r.working <= r.committedDays).length,
    }))
    .sort(
      (a, b) =>
        (b.averageWorkingDays ?? 0) - (a.averageWorkingDays ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
    );
}

/**
 * 审批用时统计 over the items approved in a period: per procedure and per department, average and
 * median in working days (on the shared calendar) and calendar days, with how many kept the committed
 * limit; and per project the whole span from its first acceptance to the approval that closed its
 * procedures (`spanEnds` says which: the construction permit's), for the projects whose span closed
 * in the period (`closedSpans`: the projects' items, all of them, approved or not).
 */
export function approvalStatistics(
  approved: readonly ApprovedItem[],
  closedSpans: readonly ProjectSpan[],
  calendar: HolidayCalendar,
): ApprovalStatistics {
  const measured = approved.map((item) => ({
    ...item,
    working: workingDaysBetween(item.acceptedOn, item.approvedOn, calendar),
    calendar: calendarDaysBetween(item.acceptedOn, item.approvedOn),
  }));
  return {
    ...durations(measured),
    byProcedure: grouped(measured, (item) => ({ key: item.code, name: item.name })),
    byDepartment: grouped(measured, (item) => ({
      key: item.departmentName ?? '',
      name: item.departmentName ?? '（未指定部门）',
    })),
    projects: [...closedSpans].sort((a, b) => a.lastApprovedOn.localeCompare(b.lastApprovedOn)),
    span: durations(closedSpans.map((s) => ({ working: s.workingDays, calendar: s.calendarDays }))),
  };
}

/** The procedure whose approval closes a project's span: the construction permit. */
export const spanClosingCode = 'shigong-xuke';

/**
 * A project's whole span, when its construction permit is approved: from the earliest acceptance of
 * any of its items to the permit's approval. Null while the permit is not approved.
 */
export function projectSpan(
  project: { projectId: string; projectName: string },
  items: readonly { code: string; acceptedOn: string | null; approvedOn: string | null }[],
  calendar: HolidayCalendar,
): ProjectSpan | null {
  const permit = items.find((i) => i.code === spanClosingCode);
  if (!permit?.approvedOn) return null;
  const firstAcceptedOn = items
    .map((i) => i.acceptedOn)
    .filter((d): d is string => d !== null)
    .sort()[0];
  if (!firstAcceptedOn) return null;
  return {
    ...project,
    firstAcceptedOn,
    lastApprovedOn: permit.approvedOn,
    workingDays: workingDaysBetween(firstAcceptedOn, permit.approvedOn, calendar),
    calendarDays: calendarDaysBetween(firstAcceptedOn, permit.approvedOn),
  };
}

/** What the cockpit's figures read of one item: its status, its clock's colour today, its days used. */
export interface FigureItem {
  status: ApprovalStatus;
  colour: ApprovalColour;
  approvedOn: string | null;
  /** Working days from acceptance to approval (approved items; null when never accepted). */
  elapsedDays: number | null;
}

/** 前期手续 figures of a region or department (驾驶舱): see `approvalFigures`. */
export interface ApprovalFigures {
  open: number;
  gapsOpen: number;
  yellow: number;
  red: number;
  overdue: number;
  approvedThisYear: number;
  averageWorkingDays: number | null;
}

/**
 * The cockpit's approval figures over a set of items: open (neither 已批复 nor 不需办理), 容缺 open
 * (容缺受理 still missing materials), the open ones by colour today (yellow past 50 %, red past 90 % or
 * with a broken promise, overdue past the limit), those approved in `year`, and the average working
 * days (acceptance to approval, one decimal) of those approved in `year` that were accepted.
 */
export function approvalFigures(items: readonly FigureItem[], year: number): ApprovalFigures {
  const open = items.filter((i) => isOpenApprovalStatus(i.status));
  const approved = items.filter((i) => i.status === 'approved' && i.approvedOn?.startsWith(`${year}-`));
  return {
    open: open.length,
    gapsOpen: open.filter((i) => i.status === 'accepted_with_gaps').length,
    yellow: open.filter((i) => i.colour === 'yellow').length,
    red: open.filter((i) => i.colour === 'red').length,
    overdue: open.filter((i) => i.colour === 'overdue').length,
    approvedThisYear: approved.length,
    averageWorkingDays: average(approved.flatMap((i) => (i.elapsedDays === null ? [] : [i.elapsedDays]))),
  };
}
