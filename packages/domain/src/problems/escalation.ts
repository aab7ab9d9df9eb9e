import type { HolidayCalendar } from '../calendar/working-days';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days';
import { AppError } from '../errors';
import { chinaDate } from '../reports/reporting-calendar';
import { type ProblemDue, problemDue } from './due-date';
import { isOpenProblem, type ProblemStatus } from './problem-status';

/** Who handles a level: the routed department, a service officer, a linked leader, the office, a meeting. */
export const escalationHandlerKinds = [
  'department',
  'serviceOfficer',
  'leader',
  'office',
  'meeting',
] as const;
export type EscalationHandlerKind = (typeof escalationHandlerKinds)[number];

/** One rung of a ladder: its order (1 = first), name, who handles it, and its time limit. */
export interface EscalationLevel {
  level: number;
  name: string;
  handlerKind: EscalationHandlerKind;
  limitWorkingDays: number;
}

/** A jurisdiction's escalation ladder (问题提级): ordered levels, level 1 first. */
export interface EscalationLadder {
  levels: readonly EscalationLevel[];
}

export const escalationPresetIds = ['luohe', 'huian321'] as const;
export type EscalationPresetId = (typeof escalationPresetIds)[number];

/**
 * The published ladders. Luohe (漯河) five levels: chief service officer → county weekly meeting →
 * city department special session → city weekly meeting → city party-government joint meeting.
 * Hui'an (惠安) "321": the responsible department dispatches three times a month, the linked leader
 * twice, the county head once — so roughly 10, 15 and 20 working days. Source: DOMAIN.md.
 */
export const escalationPresets: Record<EscalationPresetId, { name: string; levels: EscalationLevel[] }> = {
  luohe: {
    name: '漯河五级问题解决机制',
    levels: [
      { level: 1, name: '首席服务官协调', handlerKind: 'serviceOfficer', limitWorkingDays: 5 },
      { level: 2, name: '县区周例会', handlerKind: 'meeting', limitWorkingDays: 5 },
      { level: 3, name: '市直部门专题会', handlerKind: 'department', limitWorkingDays: 10 },
      { level: 4, name: '市周例会', handlerKind: 'meeting', limitWorkingDays: 5 },
      { level: 5, name: '市委市政府联席会议', handlerKind: 'meeting', limitWorkingDays: 10 },
    ],
  },
  huian321: {
    name: '惠安“321”问题解决机制',
    levels: [
      { level: 1, name: '责任部门协调（每月3次）', handlerKind: 'department', limitWorkingDays: 10 },
      { level: 2, name: '挂钩领导协调（每月2次）', handlerKind: 'leader', limitWorkingDays: 15 },
      { level: 3, name: '县长协调（每月1次）', handlerKind: 'meeting', limitWorkingDays: 20 },
    ],
  },
};

/**
 * A ladder's levels must be numbered 1, 2, 3… in order, each named, with a limit of 1–250 working
 * days. Answers the problems found (path + message), empty when valid.
 */
export function ladderProblems(levels: readonly EscalationLevel[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (levels.length === 0) problems.push({ path: 'levels', message: '至少需要一个层级' });
  levels.forEach((level, i) => {
    if (level.level !== i + 1)
      problems.push({ path: `levels.${i}.level`, message: `第 ${i + 1} 个层级的序号应为 ${i + 1}` });
    if (level.name.trim() === '') problems.push({ path: `levels.${i}.name`, message: '层级名称必填' });
    if (
      !Number.isInteger(level.limitWorkingDays) ||
      level.limitWorkingDays < 1 ||
      level.limitWorkingDays > 250
    )
      problems.push({ path: `levels.${i}.limitWorkingDays`, message: '时限应为 1–250 个工作日' });
  });
  return problems;
}

/** The escalation notices: at half and three quarters of a level's limit, and at breach. */
export const escalationNoticeKinds = ['half', 'threeQuarters', 'breach'] as const;
export type EscalationNoticeKind = (typeof escalationNoticeKinds)[number];

/** What the escalation rule needs to know about a problem. */
export interface EscalatingProblem {
  status: ProblemStatus;
  level: number;
  /** The China date the current level started (raised, routed or escalated). */
  levelStartedOn: string;
  /** The last day of the current level's limit. */
  dueOn: string;
}

export interface EscalationNotice {
  kind: EscalationNoticeKind;
  level: number;
  /** The day the notice became due. */
  on: string;
}

export interface EscalationDecision {
  /** Every notice of the current level due by `asOf` (the job records each once). */
  notices: EscalationNotice[];
  /** On breach with a level above: the level to move to, its start and its due date. */
  moveTo: ({ level: number } & ProblemDue) | null;
}

/**
 * The escalation rule. For an open problem (raised, accepted, in progress) at level L with limit N
 * working days (from `levelStartedOn` to `dueOn`), the handler is noticed on the ⌈N/2⌉-th and the
 * ⌈3N/4⌉-th working day after the level started; the level is breached on the first working day
 * after `dueOn` (the due day itself is still in time), when a breach notice is due and the problem
 * moves up one level if the ladder has one, starting that day with the next level's limit. Notices
 * and the move are answered for the China date of `asOf`; an answered, closed or rejected problem
 * gets nothing. Pure: the scheduled job records each notice once and applies the move.
 */
export function nextEscalation(
  problem: EscalatingProblem,
  ladder: EscalationLadder,
  calendar: HolidayCalendar,
  asOf: Date,
): EscalationDecision {
  if (!isOpenProblem(problem.status)) return { notices: [], moveTo: null };
  const today = chinaDate(asOf);
  const limit = Math.max(1, workingDaysBetween(problem.levelStartedOn, problem.dueOn, calendar));
  const marks: [EscalationNoticeKind, string][] = [
    ['half', addWorkingDays(problem.levelStartedOn, Math.ceil(limit / 2), calendar)],
    ['threeQuarters', addWorkingDays(problem.levelStartedOn, Math.ceil((limit * 3) / 4), calendar)],
    ['breach', addWorkingDays(problem.dueOn, 1, calendar)],
  ];
  const notices = marks
    .filter(([, on]) => on <= today)
    .map(([kind, on]) => ({ kind, level: problem.level, on }));
  const breached = notices.some((n) => n.kind === 'breach');
  const next = ladder.levels.find((l) => l.level === problem.level + 1);
  if (!breached || !next) return { notices, moveTo: null };
  return { notices, moveTo: { level: next.level, ...problemDue(today, next.limitWorkingDays, calendar) } };
}

/**
 * A move up by hand (with a reason, by the office): the next level, starting `today`, with its
 * limit. At the top of the ladder (or with no ladder) it is INVALID_TRANSITION.
 */
export function manualEscalation(
  level: number,
  ladder: EscalationLadder | null,
  calendar: HolidayCalendar,
  today: string,
): { level: number } & ProblemDue {
  const next = ladder?.levels.find((l) => l.level === level + 1);
  if (!next)
    throw new AppError(
      'INVALID_TRANSITION',
      ladder ? `问题已在最高层级（第 ${level} 级），不能再提级` : '本辖区尚未配置问题提级层级，不能提级',
    );
  return { level: next.level, ...problemDue(today, next.limitWorkingDays, calendar) };
}
