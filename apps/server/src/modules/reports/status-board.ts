import type { StatusBoard, StatusBoardQuery, StatusBoardRow } from '@tuijin/contracts';
import { AppError, authorize, chinaDate, pathInSubtree } from '@tuijin/domain';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { annualPlans, monthlyReports, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { reportingDeadlineResolver } from './reporting-calendars';
import { resolveReportingPeriod } from './reporting-period';
import { moneyOrNull } from './reports.presenter';

/**
 * The month's reporting picture for a region subtree (default: the actor's jurisdiction), over the
 * projects the actor may see: every due project (a plan for the year, not dropped) with its report
 * status, deadline, late and missing, all decided by the reports module's one
 * `reportingDeadlineResolver` (missing: absent or still draft once the deadline has passed), and the
 * counts over all of them. The counts are over the whole set; rows are paged. Without a month, the
 * region's current reporting month (`resolveReportingPeriod`).
 */
export async function getReportStatusBoard(ctx: Ctx, asked: StatusBoardQuery): Promise<StatusBoard> {
  authorize(ctx.actor, 'project.read');
  let regionPath = ctx.actor.regionPath;
  if (asked.regionCode) {
    const [region] = await ctx.db.select().from(regions).where(eq(regions.code, asked.regionCode));
    const visible =
      region &&
      (pathInSubtree(region.path, ctx.actor.regionPath) || pathInSubtree(ctx.actor.regionPath, region.path));
    if (!visible) throw new AppError('NOT_FOUND', '区划不存在或不在本辖区');
    regionPath = region.path;
  }
  const query =
    asked.year !== undefined && asked.month !== undefined
      ? { ...asked, year: asked.year, month: asked.month }
      : { ...asked, ...pickMonth(await resolveReportingPeriod(ctx, regionPath)) };
  const filters = [eq(annualPlans.year, query.year), ne(projects.stage, 'dropped'), projectScope(ctx.actor)];
  if (asked.regionCode) filters.push(inRegionSubtree(projects.regionPath, regionPath));
  const rows = await ctx.db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      regionCode: projects.regionCode,
      regionName: regions.name,
      regionPath: projects.regionPath,
      reportId: monthlyReports.id,
      status: monthlyReports.status,
      dueOn: monthlyReports.dueOn,
      late: monthlyReports.late,
      submittedAt: monthlyReports.submittedAt,
      completedWanYuan: monthlyReports.completedWanYuan,
    })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(
      monthlyReports,
      and(
        eq(monthlyReports.projectId, projects.id),
        eq(monthlyReports.year, query.year),
        eq(monthlyReports.month, query.month),
      ),
    )
    .where(and(...filters))
    .orderBy(asc(projects.regionPath), asc(projects.name));
  const deadlines = await reportingDeadlineResolver(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const counts = {
    due: 0,
    absent: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
    late: 0,
    missing: 0,
    onTime: 0,
  };
  const all: StatusBoardRow[] = rows.map((row) => {
    const status = row.status ?? 'absent';
    const report =
      row.dueOn === null ? null : { submittedAt: row.submittedAt, dueOn: row.dueOn, late: row.late ?? false };
    const dueOn = deadlines.dueOn(report, row.regionPath, query.year, query.month);
    const timeliness = deadlines.timeliness(report, row.regionPath, query.year, query.month, today);
    const late = timeliness === 'late';
    const missing = timeliness === 'missing';
    counts.due += 1;
    counts[status] += 1;
    if (late) counts.late += 1;
    if (missing) counts.missing += 1;
    if (timeliness === 'onTime') counts.onTime += 1;
    return {
      projectId: row.projectId,
      projectName: row.projectName,
      regionCode: row.regionCode,
      regionName: row.regionName,
      reportId: row.reportId,
      status,
      dueOn,
      isDueOnProvisional: deadlines.isDueOnProvisional(report, row.regionPath, query.year, query.month),
      late,
      missing,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      completedWanYuan: moneyOrNull(row.completedWanYuan),
    };
  });
  const wanted = query.status;
  const filtered = !wanted
    ? all
    : all.filter((r) =>
        wanted === 'late' ? r.late : wanted === 'missing' ? r.missing : r.status === wanted,
      );
  const start = (query.page - 1) * query.pageSize;
  return {
    year: query.year,
    month: query.month,
    counts,
    data: filtered.slice(start, start + query.pageSize),
    page: { total: filtered.length, page: query.page, pageSize: query.pageSize },
  };
}

const pickMonth = ({ year, month }: { year: number; month: number }) => ({ year, month });
