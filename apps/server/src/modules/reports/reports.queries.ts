import type { ProjectReportYear, ReportForm, ReviewQueuePage, ReviewQueueQuery } from '@tuijin/contracts';
import {
  AppError,
  addDecimals,
  authorize,
  chinaDate,
  completedYearToDate,
  isReportingDeadlineProvisional,
  negativeAmountAllowed,
  reportingPeriod,
  reportWindowState,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, count, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  monthlyReportEvents,
  monthlyReports,
  organisations,
  projectFiles,
  projects,
  regions,
} from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';
import { rosterOnSiteOf } from '../workforce';
import { photoEvidenceReader } from './photo-evidence';
import {
  approvedMonths,
  currentMonth,
  earlierActualStart,
  loadPlan,
  loadReport,
  loadReportProject,
  previousReport,
  type ReportProject,
  type ReportRow,
} from './report-context';
import { reviewScope } from './report-scope';
import { reportingDeadlineResolver, resolveReportingRule } from './reporting-calendars';
import { money, moneyOrNull, presentReport, reportsFor } from './reports.presenter';

/** Photos and events of some reports, grouped by report id. */
async function photosAndEvents(db: Queryable, reportIds: string[]) {
  const photos = new Map<string, (typeof projectFiles.$inferSelect)[]>();
  const events = new Map<string, (typeof monthlyReportEvents.$inferSelect)[]>();
  if (reportIds.length === 0) return { photos, events };
  const fileRows = await db
    .select()
    .from(projectFiles)
    .where(and(inArray(projectFiles.monthlyReportId, reportIds), isNull(projectFiles.deletedAt)))
    .orderBy(asc(projectFiles.uploadedAt));
  for (const f of fileRows) photos.set(f.monthlyReportId!, [...(photos.get(f.monthlyReportId!) ?? []), f]);
  const eventRows = await db
    .select()
    .from(monthlyReportEvents)
    .where(inArray(monthlyReportEvents.reportId, reportIds))
    .orderBy(asc(monthlyReportEvents.id));
  for (const e of eventRows) events.set(e.reportId, [...(events.get(e.reportId) ?? []), e]);
  return { photos, events };
}

/** One report with its computed totals, photos and events, for a project already loaded in scope. */
export async function presentOne(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  project: ReportProject,
  report: ReportRow,
) {
  const plan = await loadPlan(ctx.db, project.id, report.year);
  const approved = await approvedMonths(ctx.db, project.id, report.year);
  const { photos, events } = await photosAndEvents(ctx.db, [report.id]);
  return presentReport(ctx, project, report, {
    approvedBeforeWanYuan: sumDecimals(
      approved.filter((a) => a.month < report.month),
      (a) => a.completedWanYuan,
    ),
    priorCompletedWanYuan: plan?.priorCompletedWanYuan ?? null,
    photos: photos.get(report.id) ?? [],
    events: events.get(report.id) ?? [],
    evidence: await photoEvidenceReader(ctx, project),
  });
}

/** A report the actor may see (its project in their scope), else NOT_FOUND. */
export async function getMonthlyReport(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, id: string) {
  authorize(ctx.actor, 'project.read');
  const { report, project } = await loadReport(ctx, id);
  return presentOne(ctx, project, report);
}

/**
 * A project's reports of one year, month by month up to the current month: each month's deadline,
 * whether it is missing (due, deadline passed, absent or still draft), the report with its events,
 * and the approved year-to-date and since-start after that month.
 */
export async function listProjectReports(
  ctx: Ctx,
  projectId: string,
  year: number,
): Promise<ProjectReportYear> {
  authorize(ctx.actor, 'project.read');
  const project = await loadReportProject(ctx, projectId);
  const plan = await loadPlan(ctx.db, projectId, year);
  const rows = await ctx.db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.year, year)))
    .orderBy(asc(monthlyReports.month));
  const { photos, events } = await photosAndEvents(
    ctx.db,
    rows.map((r) => r.id),
  );
  const deadlines = await reportingDeadlineResolver(ctx.db);
  const evidence = await photoEvidenceReader(ctx, project);
  const [thisYear, thisMonth] = currentMonth(ctx);
  const lastMonth = year < thisYear ? 12 : year === thisYear ? thisMonth : 0;
  const isDue = plan !== undefined && project.stage !== 'dropped';
  const prior = plan?.priorCompletedWanYuan ?? '0';
  const today = chinaDate(ctx.clock.now());
  const amounts = rows.map((r) => ({ ...r, year }));
  const months: ProjectReportYear['months'] = [];
  for (let month = 1; month <= Math.max(lastMonth, rows.at(-1)?.month ?? 0); month += 1) {
    const report = rows.find((r) => r.month === month) ?? null;
    const approvedBefore = completedYearToDate(amounts, { year, month: month - 1 });
    const dueOn = deadlines.dueOn(report, project.regionPath, year, month);
    const timeliness = deadlines.timeliness(report, project.regionPath, year, month, today);
    const presented = report
      ? presentReport(ctx, project, report, {
          approvedBeforeWanYuan: approvedBefore,
          priorCompletedWanYuan: plan?.priorCompletedWanYuan ?? null,
          photos: photos.get(report.id) ?? [],
          events: events.get(report.id) ?? [],
          evidence,
        })
      : null;
    const approvedSoFar = completedYearToDate(amounts, { year, month });
    months.push({
      month,
      dueOn,
      isMissing: isDue && timeliness === 'missing',
      report: presented,
      ytdApprovedWanYuan: approvedSoFar,
      sinceStartApprovedWanYuan: addDecimals([prior, approvedSoFar]),
    });
  }
  return {
    projectId: project.id,
    projectName: project.name,
    year,
    isDue,
    plannedInvestmentWanYuan: moneyOrNull(plan?.plannedInvestmentWanYuan ?? null),
    priorCompletedWanYuan: moneyOrNull(plan?.priorCompletedWanYuan ?? null),
    totalInvestmentWanYuan: moneyOrNull(project.totalInvestmentWanYuan),
    months,
    canSubmit: isDue && reportsFor(ctx, project),
  };
}

/**
 * What the report form shows beside its fields: the plan, the approved totals before this month,
 * last month's progress text, an earlier start date, the window and the existing report.
 */
export async function getReportForm(
  ctx: Ctx,
  projectId: string,
  year: number,
  month: number,
): Promise<ReportForm> {
  authorize(ctx.actor, 'project.read');
  const project = await loadReportProject(ctx, projectId);
  const plan = await loadPlan(ctx.db, projectId, year);
  const approvedBefore = sumDecimals(
    (await approvedMonths(ctx.db, projectId, year)).filter((a) => a.month < month),
    (a) => a.completedWanYuan,
  );
  const [existing] = await ctx.db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        eq(monthlyReports.year, year),
        eq(monthlyReports.month, month),
      ),
    );
  const last = await previousReport(ctx.db, projectId, year, month);
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const today = chinaDate(ctx.clock.now());
  // The earlier of the two ISO dates (a month not over counts up to today).
  const [rosterDay] = [today, monthEnd].sort();
  const roster = await rosterOnSiteOf(ctx.db, projectId, rosterDay as string);
  let window: ReportForm['window'] = null;
  let windowProblem: string | null = null;
  const { rule } = await resolveReportingRule(ctx.db, project.regionPath);
  try {
    const calendar = await loadHolidayCalendar(ctx.db);
    const period = reportingPeriod(rule, year, month, calendar);
    window = {
      ...period,
      lateAllowed: rule.lateAllowed,
      isProvisional: isReportingDeadlineProvisional(rule, year, month, calendar),
      state: reportWindowState(period, today),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    windowProblem = error.message;
  }
  return {
    projectId: project.id,
    projectName: project.name,
    projectStage: project.stage,
    year,
    month,
    totalInvestmentWanYuan: moneyOrNull(project.totalInvestmentWanYuan),
    plan: plan
      ? {
          plannedInvestmentWanYuan: money(plan.plannedInvestmentWanYuan),
          priorCompletedWanYuan: moneyOrNull(plan.priorCompletedWanYuan),
          status: plan.status,
          plansStart: plan.plansStart,
          startMonth: plan.startMonth,
          plansCompletion: plan.plansCompletion,
          completionMonth: plan.completionMonth,
          plansOperation: plan.plansOperation,
          operationMonth: plan.operationMonth,
          goals: plan.goals,
          splitKind: plan.splitKind,
          splitWanYuan: plan.splitWanYuan?.map(money) ?? null,
        }
      : null,
    ytdBeforeWanYuan: approvedBefore,
    sinceStartBeforeWanYuan: addDecimals([plan?.priorCompletedWanYuan ?? '0', approvedBefore]),
    lastMonthProgress: last?.progress ?? null,
    earlierActualStartOn: await earlierActualStart(ctx.db, projectId, year, month),
    window,
    windowProblem,
    report: existing ? await presentOne(ctx, project, existing) : null,
    roster,
    negativeAllowed: negativeAmountAllowed(rule.blockingChecks),
    canSubmit: plan !== undefined && project.stage !== 'dropped' && reportsFor(ctx, project),
  };
}

const department = organisations;

/** Submitted reports waiting for the actor's review (their review scope), oldest submission first. */
export async function findReviewQueue(ctx: Ctx, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  authorize(ctx.actor, 'report.review');
  const filters: SQL[] = [eq(monthlyReports.status, 'submitted'), reviewScope(ctx.actor)];
  if (query.year !== undefined) filters.push(eq(monthlyReports.year, query.year));
  if (query.month !== undefined) filters.push(eq(monthlyReports.month, query.month));
  if (query.regionCode) {
    const [region] = await ctx.db.select().from(regions).where(eq(regions.code, query.regionCode));
    if (!region) throw new AppError('NOT_FOUND', '区划不存在或不在本辖区');
    filters.push(inRegionSubtree(projects.regionPath, region.path));
  }
  const where = and(...filters);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(where);
  const rows = await ctx.db
    .select({
      id: monthlyReports.id,
      projectId: projects.id,
      projectName: projects.name,
      regionCode: projects.regionCode,
      regionName: regions.name,
      departmentName: department.name,
      year: monthlyReports.year,
      month: monthlyReports.month,
      completedWanYuan: monthlyReports.completedWanYuan,
      submittedAt: monthlyReports.submittedAt,
      dueOn: monthlyReports.dueOn,
      late: monthlyReports.late,
      findings: monthlyReports.findings,
      version: monthlyReports.version,
    })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(department, eq(department.id, projects.responsibleDepartmentId))
    .where(where)
    .orderBy(asc(monthlyReports.submittedAt), asc(monthlyReports.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    data: rows.map(({ findings, ...row }) => ({
      ...row,
      completedWanYuan: money(row.completedWanYuan),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      warningCount: (findings as { severity: string }[]).filter((f) => f.severity === 'warn').length,
    })),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}
