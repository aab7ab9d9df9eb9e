import {
  AppError,
  chinaDate,
  isSystemActor,
  negativeAmountAllowed,
  type ProjectStage,
  type ReportAmountFields,
  type ReportCheckInput,
  type ReportingPeriodDates,
  type ReportingRule,
  type ReportWindowState,
  reportFieldMessage,
  reportFieldProblems,
  reportingPeriod,
  reportWindowState,
} from '@tuijin/domain';
import { and, desc, eq, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { annualPlans, monthlyReports, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { loadHolidayCalendar } from '../calendar';
import { correctionScope, reviewScope } from './report-scope';
import { resolveReportingRule } from './reporting-calendars';

/** The message of a report someone else changed first (a stale version). */
export const staleReport = '月报已被他人修改，请刷新后重试';

export type PlanRow = typeof annualPlans.$inferSelect;
export type ReportRow = typeof monthlyReports.$inferSelect;

/** A project as the report use cases need it, with whether the actor may review / correct its reports. */
export async function loadReportProject(ctx: Pick<Ctx, 'db' | 'actor'>, projectId: string) {
  const [row] = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      code: projects.code,
      regionCode: projects.regionCode,
      regionName: regions.name,
      regionPath: projects.regionPath,
      ownerOrganisationId: projects.ownerOrganisationId,
      stage: projects.stage,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      longitude: projects.longitude,
      latitude: projects.latitude,
      inReviewScope: sql<boolean>`(${reviewScope(ctx.actor)})`,
      inCorrectionScope: sql<boolean>`(${correctionScope(ctx.actor)})`,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(eq(projects.id, projectId), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return { ...row, stage: row.stage as ProjectStage };
}
export type ReportProject = Awaited<ReturnType<typeof loadReportProject>>;

/** The project's plan for a year, if any. */
export async function loadPlan(db: Queryable, projectId: string, year: number): Promise<PlanRow | undefined> {
  const [plan] = await db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, year)));
  return plan;
}

/**
 * The plan of a month a report may be written for: the month has begun, and the project is due
 * that year (an annual plan, not dropped). Refused with the field at fault otherwise.
 */
export async function planOfReportableMonth(
  ctx: Pick<Ctx, 'clock'>,
  db: Queryable,
  project: ReportProject,
  year: number,
  month: number,
): Promise<PlanRow> {
  const [thisYear, thisMonth] = currentMonth(ctx);
  if (year * 12 + month > thisYear * 12 + thisMonth)
    throw new AppError('VALIDATION_FAILED', `${year} 年 ${month} 月尚未开始，不能填报`, [
      { path: 'month', message: '不能填报未来月份' },
    ]);
  const plan = await loadPlan(db, project.id, year);
  if (!plan || project.stage === 'dropped')
    throw new AppError('VALIDATION_FAILED', `该项目没有 ${year} 年度计划（或已淘汰），无需报送月报`, [
      { path: 'year', message: '没有年度计划' },
    ]);
  return plan;
}

/** A project's report of (year, month), if any, locked for the rest of the writing transaction. */
export async function lockMonthReport(
  tx: Queryable,
  projectId: string,
  year: number,
  month: number,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        eq(monthlyReports.year, year),
        eq(monthlyReports.month, month),
      ),
    )
    .for('update');
  return row;
}

/** A report by id on a project the actor can see, else NOT_FOUND. */
export async function loadReport(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [report] = await ctx.db.select().from(monthlyReports).where(eq(monthlyReports.id, id));
  if (!report) throw new AppError('NOT_FOUND');
  const project = await loadReportProject(ctx, report.projectId);
  return { report, project };
}

/** The month (1–12) today falls in, in China, as [year, month]. */
export function currentMonth(ctx: Pick<Ctx, 'clock'>): [number, number] {
  const today = chinaDate(ctx.clock.now());
  return [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
}

/** A month's window for a project's region: the rule, the dates, and where today stands. */
export interface ReportWindowFacts {
  rule: ReportingRule;
  period: ReportingPeriodDates;
  state: ReportWindowState;
  today: string;
}

/** The reporting window of (year, month) for a region path, by its calendar and the holiday calendar. */
export async function reportWindow(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  regionPath: string,
  year: number,
  month: number,
): Promise<ReportWindowFacts> {
  const { rule } = await resolveReportingRule(ctx.db, regionPath);
  const period = reportingPeriod(rule, year, month, await loadHolidayCalendar(ctx.db));
  const today = chinaDate(ctx.clock.now());
  return { rule, period, state: reportWindowState(period, today), today };
}

/** Approved reports of a project's year: month and amount. */
export async function approvedMonths(db: Queryable, projectId: string, year: number) {
  return db
    .select({ month: monthlyReports.month, completedWanYuan: monthlyReports.completedWanYuan })
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        eq(monthlyReports.year, year),
        eq(monthlyReports.status, 'approved'),
      ),
    );
}

const before = (year: number, month: number): SQL =>
  or(lt(monthlyReports.year, year), and(eq(monthlyReports.year, year), lt(monthlyReports.month, month)))!;

/** Last month's report of a project (any status), if there is one. */
export async function previousReport(db: Queryable, projectId: string, year: number, month: number) {
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const [row] = await db
    .select()
    .from(monthlyReports)
    .where(
      and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.year, y), eq(monthlyReports.month, m)),
    );
  return row;
}

/** The actual start date carried by the project's latest earlier report, if any. */
export async function earlierActualStart(db: Queryable, projectId: string, year: number, month: number) {
  const [row] = await db
    .select({ on: monthlyReports.actualStartOn })
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        before(year, month),
        isNotNull(monthlyReports.actualStartOn),
      ),
    )
    .orderBy(desc(monthlyReports.year), desc(monthlyReports.month))
    .limit(1);
  return row?.on ?? null;
}

/** The typed fields the checks read. */
export interface CheckedFields {
  completedWanYuan: string;
  statisticsWanYuan: string | null;
  progress: string;
  actualStartOn: string | null;
}

/**
 * Everything the submission checks need about a report of (year, month) and its project, from one
 * read of the project's reports up to that year (newest first): the approved amounts of the last
 * twelve months before it, last month's progress, the year's approved months and the latest
 * earlier actual start.
 */
export async function checkInput(
  db: Queryable,
  project: ReportProject,
  plan: PlanRow | undefined,
  year: number,
  month: number,
  fields: CheckedFields,
  correctedFromWanYuan: string | null,
): Promise<ReportCheckInput> {
  const rows = await db
    .select({
      year: monthlyReports.year,
      month: monthlyReports.month,
      status: monthlyReports.status,
      completedWanYuan: monthlyReports.completedWanYuan,
      progress: monthlyReports.progress,
      actualStartOn: monthlyReports.actualStartOn,
    })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.projectId, project.id), lte(monthlyReports.year, year)))
    .orderBy(desc(monthlyReports.year), desc(monthlyReports.month));
  const earlier = rows.filter((r) => r.year < year || r.month < month);
  const [lastYear, lastMonth] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const last = rows.find((r) => r.year === lastYear && r.month === lastMonth);
  return {
    month,
    ...fields,
    totalInvestmentWanYuan: project.totalInvestmentWanYuan,
    priorCompletedWanYuan: plan?.priorCompletedWanYuan ?? null,
    approvedMonths: rows
      .filter((r) => r.year === year && r.status === 'approved')
      .map((r) => ({ month: r.month, completedWanYuan: r.completedWanYuan })),
    history: earlier
      .filter((r) => r.status === 'approved')
      .slice(0, 12)
      .map((r) => r.completedWanYuan)
      .reverse(),
    lastMonthProgress: last ? last.progress : null,
    correctedFromWanYuan,
    projectStage: project.stage,
    plannedToStartThisMonth: Boolean(plan?.plansStart && plan.startMonth === month),
    earlierActualStartOn: earlier.find((r) => r.actualStartOn !== null)?.actualStartOn ?? null,
  };
}

/** Refuses a stale version (someone else changed the report since it was read). */
export function assertVersion(report: ReportRow, version: number | null): void {
  if (report.version !== version) throw new AppError('CONFLICT', staleReport);
}

/** Only the project's owner unit reports on it (the system actor, for demo data and the CLI, too). */
export function assertOwner(ctx: Pick<Ctx, 'actor'>, project: ReportProject): void {
  if (isSystemActor(ctx.actor)) return;
  if (project.ownerOrganisationId !== ctx.actor.organisationId)
    throw new AppError('FORBIDDEN', '只有项目业主单位可以填报月报');
}

/**
 * Refuses a report's amount fields before anything is stored, with the form's own rule (domain
 * `reportFieldProblems`): the month's amount present and not negative unless the region's calendar
 * only warns on negatives, and 已入统 carrying the 入统 amount. Details name each field.
 */
export function assertReportFields(
  fields: ReportAmountFields,
  blockingChecks: ReportingRule['blockingChecks'],
) {
  const problems = reportFieldProblems(fields, { allowNegative: negativeAmountAllowed(blockingChecks) });
  if (problems.length === 0) return;
  const details = problems.map((p) => ({ path: p.field, message: reportFieldMessage(p) }));
  throw new AppError('VALIDATION_FAILED', details.map((d) => d.message).join('；'), details);
}
