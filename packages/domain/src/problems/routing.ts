import type { HolidayCalendar } from '../calendar/working-days';
import { pathInSubtree } from '../policies/jurisdiction';
import { problemDue } from './due-date';

/** Default 问题分类 (the `problemCategory` dictionary's starting entries). Source: DOMAIN.md. */
export const defaultProblemCategories = [
  '用地',
  '征迁',
  '资金',
  '审批',
  '用工',
  '建材',
  '能耗指标',
  '环保',
  '水电路气',
  '其他',
] as const;

/** Working days a handler gets when no rule says otherwise (the fallback to the region's office). */
export const defaultProblemLimitWorkingDays = 5;

/**
 * One routing rule (交办规则): problems of `category` (null: any) on projects in the subtree of
 * `regionPath` go to `departmentId`, to be answered within `limitWorkingDays` working days.
 */
export interface ProblemRoutingRule {
  id: string;
  regionPath: string;
  category: string | null;
  departmentId: string;
  limitWorkingDays: number;
}

/** Where a problem goes and by when: the handler organisation, the rule that chose it (null: fallback). */
export interface ProblemRoute {
  handlerOrganisationId: string;
  ruleId: string | null;
  limitWorkingDays: number;
  dueOn: string;
  /** 暂定: the due date was counted through a year whose holiday arrangement is not entered. */
  isDueOnProvisional: boolean;
}

const depth = (path: string) => path.split('.').length;

/**
 * 秒推: picks the handler of a new problem. A rule applies when the project lies in its region's
 * subtree and its category is the problem's or empty (any). The most specific applicable rule
 * wins: the deepest region first (a county's rule beats its city's), then a named category over
 * "any"; ties go to the rule listed first. With no rule the problem goes to `fallback` (the office
 * of the project's region) with its limit (the ladder's first level), else
 * {@link defaultProblemLimitWorkingDays}. The due date counts
 * working days from the day it was raised (that day itself not counted), with 调休.
 */
export function chooseProblemRoute(
  rules: readonly ProblemRoutingRule[],
  problem: { category: string; regionPath: string; raisedOn: string },
  fallback: { organisationId: string; limitWorkingDays?: number | null },
  calendar: HolidayCalendar,
): ProblemRoute {
  let best: ProblemRoutingRule | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (!pathInSubtree(problem.regionPath, rule.regionPath)) continue;
    if (rule.category !== null && rule.category !== problem.category) continue;
    const score = depth(rule.regionPath) * 2 + (rule.category === null ? 0 : 1);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  const limitWorkingDays =
    best?.limitWorkingDays ?? fallback.limitWorkingDays ?? defaultProblemLimitWorkingDays;
  const due = problemDue(problem.raisedOn, limitWorkingDays, calendar);
  return {
    handlerOrganisationId: best?.departmentId ?? fallback.organisationId,
    ruleId: best?.id ?? null,
    limitWorkingDays,
    dueOn: due.dueOn,
    isDueOnProvisional: due.isDueOnProvisional,
  };
}

/** The kinds of organisation a problem may be handed to (交办): a line department or an office. */
export const problemHandlerKinds = ['department', 'office'] as const;

/**
 * Whether an organisation may handle (承办) a problem on a project in `projectRegionPath`: an active
 * department or office (never an owner company or another unit) whose region is the project's,
 * above it (the city's 住建局 for a county project) or below it — never a sibling region's.
 * The server refuses any other handler with a 400; the 交办 list offers exactly these.
 */
export function isProblemHandlerCandidate(
  organisation: { kind: string; isActive: boolean; regionPath: string },
  projectRegionPath: string,
): boolean {
  return (
    organisation.isActive &&
    (problemHandlerKinds as readonly string[]).includes(organisation.kind) &&
    (pathInSubtree(projectRegionPath, organisation.regionPath) ||
      pathInSubtree(organisation.regionPath, projectRegionPath))
  );
}
