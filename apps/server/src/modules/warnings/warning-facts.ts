import {
  completedYearToDate,
  cumulativePlanToMonth,
  monthKey,
  type ReportTimeliness,
  stageAsOfMonth,
  type WarningDimension,
  type WarningFacts,
  type WarningPeriod,
} from '@tuijin/domain';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { impliedStageSql, isOverdueProblemSql } from '../../db/rules';
import { annualPlans, monthlyReports, problems, projects, regions, warningGraces } from '../../db/schema';
import { overdueApprovalCounts } from '../approvals';
import { overdueNodeCounts } from '../milestones';
import { latestStatisticsFigures } from '../reconciliation';
import { reportingDeadlineResolver } from '../reports';

/** Stages a warning applies to: being prepared or under construction (not conceived, done or dropped). */
export const warnedStages = ['preparing', 'started', 'underway'] as const;

/** A project the rules evaluate, with its facts for the month (graces not yet applied). */
export interface ProjectFacts {
  projectId: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  facts: WarningFacts;
}

/** The last day of a month, YYYY-MM-DD. */
export const monthEnd = (p: WarningPeriod) => {
  const last = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${monthKey(p)}-${String(last).padStart(2, '0')}`;
};

/**
 * Loads what the warning rules read for every project matched by `where` (a SQL filter over
 * `projects`: the caller's scope, or a region subtree for the job) at the end of `period`, judged
 * on `today` (China date): the year's plan (planned start month, amount, split), approved reports
 * up to the month (year-to-date by month, 入统), the project's actual start date, each month's report
 * timeliness by the reports module's one deadline rule, and open problems, approval items and
 * milestone nodes past their dates at the month's end (or today, if earlier), and the latest 入统
 * figure imported for the year up to the month (三数比对). Only projects on the year's plan that are being prepared or built at
 * the month's end by the library's `impliedStage` are warned (the cockpit counts the same set: a
 * 前期 project that starts next year has no plan this year and no colour).
 */
export async function loadWarningFacts(
  db: Queryable,
  where: SQL,
  period: WarningPeriod,
  today: string,
): Promise<ProjectFacts[]> {
  const stage = impliedStageSql(stageAsOfMonth(period.year, period.month, today));
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      regionName: regions.name,
      regionPath: projects.regionPath,
      stage,
      actualStartOn: projects.actualStartOn,
      plan: {
        planned: annualPlans.plannedInvestmentWanYuan,
        plansStart: annualPlans.plansStart,
        startMonth: annualPlans.startMonth,
        splitKind: annualPlans.splitKind,
        split: annualPlans.splitWanYuan,
      },
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, period.year)))
    .where(
      and(
        where,
        sql`${stage} in (${sql.join(
          warnedStages.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(projects.regionPath, projects.name);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const upTo = sql`(${monthlyReports.year} < ${period.year} or (${monthlyReports.year} = ${period.year} and ${monthlyReports.month} <= ${period.month}))`;
  const [reports, starts, overdue, resolver] = await Promise.all([
    db
      .select({
        projectId: monthlyReports.projectId,
        month: monthlyReports.month,
        completed: monthlyReports.completedWanYuan,
        status: monthlyReports.status,
        submittedAt: monthlyReports.submittedAt,
        dueOn: monthlyReports.dueOn,
        late: monthlyReports.late,
      })
      .from(monthlyReports)
      .where(
        and(
          inArray(monthlyReports.projectId, ids),
          eq(monthlyReports.year, period.year),
          sql`${monthlyReports.month} <= ${period.month}`,
        ),
      ),
    db
      .select({
        projectId: monthlyReports.projectId,
        inStatistics: sql<boolean>`coalesce(bool_or(${monthlyReports.inStatistics}), false)`,
      })
      .from(monthlyReports)
      .where(and(inArray(monthlyReports.projectId, ids), eq(monthlyReports.status, 'approved'), upTo))
      .groupBy(monthlyReports.projectId),
    db
      .select({ projectId: problems.projectId, n: sql<number>`count(*)::int` })
      .from(problems)
      .where(
        and(
          inArray(problems.projectId, ids),
          isOverdueProblemSql(monthEnd(period) < today ? monthEnd(period) : today),
          sql`${problems.raisedAt} < ${`${monthEnd(period)}T16:00:00Z`}::timestamptz`,
        ),
      )
      .groupBy(problems.projectId),
    reportingDeadlineResolver(db),
  ]);
  const asOf = monthEnd(period) < today ? monthEnd(period) : today;
  const [overdueApprovals, overdueNodes, statistics] = await Promise.all([
    overdueApprovalCounts(db, ids, asOf),
    overdueNodeCounts(db, ids, asOf),
    latestStatisticsFigures(db, ids, period.year, period.month),
  ]);
  const reportsOf = new Map<string, typeof reports>();
  for (const r of reports) reportsOf.set(r.projectId, [...(reportsOf.get(r.projectId) ?? []), r]);
  const startOf = new Map(starts.map((s) => [s.projectId, s]));
  const overdueOf = new Map(overdue.map((o) => [o.projectId, Number(o.n)]));
  return rows.map((row) => {
    const own = reportsOf.get(row.id) ?? [];
    const ytdByMonth: string[] = [];
    const cumulativePlanByMonth: string[] = [];
    const reportByMonth: ReportTimeliness[] = [];
    const amounts = own.map((r) => ({ ...r, year: period.year, completedWanYuan: r.completed }));
    for (let m = 1; m <= period.month; m++) {
      const report = own.find((r) => r.month === m) ?? null;
      ytdByMonth.push(completedYearToDate(amounts, { year: period.year, month: m }));
      cumulativePlanByMonth.push(
        row.plan
          ? cumulativePlanToMonth(
              {
                plannedInvestmentWanYuan: row.plan.planned,
                splitKind: row.plan.splitKind,
                splitWanYuan: row.plan.split,
              },
              m,
            )
          : '0',
      );
      reportByMonth.push(resolver.timeliness(report, row.regionPath, period.year, m, today));
    }
    const start = startOf.get(row.id);
    const actualStartOn =
      row.actualStartOn && row.actualStartOn <= monthEnd(period) ? row.actualStartOn : null;
    return {
      projectId: row.id,
      projectName: row.name,
      regionCode: row.regionCode,
      regionName: row.regionName,
      regionPath: row.regionPath,
      facts: {
        plannedStart:
          row.plan?.plansStart && row.plan.startMonth
            ? { year: period.year, month: row.plan.startMonth }
            : null,
        actualStartOn,
        inStatistics: start?.inStatistics ?? false,
        plannedWanYuan: row.plan?.planned ?? null,
        ytdByMonth,
        cumulativePlanByMonth,
        reportByMonth,
        overdueProblems: overdueOf.get(row.id) ?? 0,
        overdueApprovals: overdueApprovals.get(row.id) ?? 0,
        overdueMilestones: overdueNodes.get(row.id) ?? 0,
        statisticsFigure: statistics.get(row.id) ?? null,
        excused: [],
      },
    };
  });
}

/** The dimensions excused (正当理由, not revoked) for each project in `ids` in a month. */
export async function excusedDimensions(
  db: Queryable,
  ids: readonly string[],
  month: string,
): Promise<Map<string, WarningDimension[]>> {
  const excused = new Map<string, WarningDimension[]>();
  if (ids.length === 0) return excused;
  const graces = await db
    .select({ projectId: warningGraces.projectId, dimension: warningGraces.dimension })
    .from(warningGraces)
    .where(
      and(
        inArray(warningGraces.projectId, [...ids]),
        isNull(warningGraces.revokedAt),
        sql`${warningGraces.fromMonth} <= ${month}`,
        sql`(${warningGraces.toMonth} is null or ${warningGraces.toMonth} >= ${month})`,
      ),
    );
  for (const g of graces)
    excused.set(g.projectId, [...(excused.get(g.projectId) ?? []), g.dimension as WarningDimension]);
  return excused;
}
