import type { Reconciliation, ReconciliationQuery, ReconciliationRow } from '@tuijin/contracts';
import {
  AppError,
  addDecimals,
  formatDecimal,
  parseDecimal,
  pathInSubtree,
  type ReconciliationFlag,
  reconcile,
  reconciliationFlags,
} from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, regions, statisticsFigures, statisticsImports } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';
import { fundsPaidByProject } from '../funds';
import { approvedYearToDateByProject, resolveReportingPeriod } from '../reports';
import { effectiveReconciliationSettings } from './reconciliation-settings';

const normal = (value: string | null | undefined) =>
  value == null ? null : formatDecimal(parseDecimal(value));
const magnitude = (value: string | null) => {
  if (value === null) return -1n;
  const scaled = parseDecimal(value);
  return scaled < 0n ? -scaled : scaled;
};

/**
 * 三数比对 of a month in a jurisdiction: for each project the actor may see with any of the three
 * figures — 自报 (approved reports, 1–N 月), 入统 (the statistics bureau's imported figure for the
 * month) and 资金 (special funds paid from 1 January to the month's end) — the gap and the flags
 * under the region's thresholds; flagged rows first, largest gap first. The month defaults to the
 * region's current reporting month.
 */
export async function getReconciliation(ctx: Ctx, query: ReconciliationQuery): Promise<Reconciliation> {
  const region = await regionByCode(ctx.db, query.regionCode ?? ctx.actor.regionCode);
  if (!pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  const current = await resolveReportingPeriod(ctx, region.path);
  const year = Number(query.year ?? current.year);
  const month = Number(query.month ?? (query.year ? 12 : current.month));
  const flaggedOnly = query.flaggedOnly === 'true';
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

  const [{ settings }, reported, paid, figures, imports] = await Promise.all([
    effectiveReconciliationSettings(ctx.db, region.path),
    approvedYearToDateByProject(ctx.db, { regionPath: region.path, year, month }),
    fundsPaidByProject(ctx.db, { regionPath: region.path, from: `${year}-01-01`, to: monthEnd }),
    ctx.db
      .select({ projectId: statisticsFigures.projectId, value: statisticsFigures.yearToDateWanYuan })
      .from(statisticsFigures)
      .innerJoin(projects, eq(projects.id, statisticsFigures.projectId))
      .where(
        and(
          eq(statisticsFigures.year, year),
          eq(statisticsFigures.month, month),
          inRegionSubtree(projects.regionPath, region.path),
        ),
      ),
    ctx.db
      .select({
        id: statisticsImports.id,
        regionCode: statisticsImports.regionCode,
        regionPath: regions.path,
        fileName: statisticsImports.fileName,
        rowCount: statisticsImports.rowCount,
        importedByName: statisticsImports.importedByName,
        importedAt: statisticsImports.createdAt,
      })
      .from(statisticsImports)
      .innerJoin(regions, eq(regions.code, statisticsImports.regionCode))
      .where(and(eq(statisticsImports.year, year), eq(statisticsImports.month, month)))
      .orderBy(asc(statisticsImports.createdAt)),
  ]);
  const statisticsOf = new Map(figures.map((f) => [f.projectId, f.value]));
  const ids = [...new Set([...reported.keys(), ...paid.keys(), ...statisticsOf.keys()])];
  const visible =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            id: projects.id,
            name: projects.name,
            code: projects.code,
            regionPath: projects.regionPath,
            regionName: regions.name,
          })
          .from(projects)
          .innerJoin(regions, eq(regions.code, projects.regionCode))
          .where(and(inArray(projects.id, ids), projectScope(ctx.actor)));
  // An import covers the projects of its region's subtree; the listing shows those that touch the asked region.
  const relevantImports = imports.filter(
    (i) => pathInSubtree(i.regionPath, region.path) || ancestorPaths(region.path).includes(i.regionPath),
  );
  const covered = (projectPath: string) =>
    relevantImports.some((i) => pathInSubtree(projectPath, i.regionPath));

  const all: ReconciliationRow[] = visible.map((p) => {
    const figuresOfProject = {
      reportedWanYuan: normal(reported.get(p.id)) ?? '0',
      statisticsWanYuan: normal(statisticsOf.get(p.id)),
      fundsPaidWanYuan: normal(paid.get(p.id)) ?? '0',
      statisticsImported: covered(p.regionPath),
    };
    const result = reconcile(figuresOfProject, settings);
    return {
      projectId: p.id,
      projectName: p.name,
      projectCode: p.code,
      regionName: p.regionName,
      reportedWanYuan: figuresOfProject.reportedWanYuan,
      statisticsWanYuan: figuresOfProject.statisticsWanYuan,
      fundsPaidWanYuan: figuresOfProject.fundsPaidWanYuan,
      ...result,
    };
  });
  all.sort(
    (a, b) =>
      Number(b.flags.length > 0) - Number(a.flags.length > 0) ||
      (magnitude(b.gapWanYuan) > magnitude(a.gapWanYuan)
        ? 1
        : magnitude(b.gapWanYuan) < magnitude(a.gapWanYuan)
          ? -1
          : 0) ||
      a.projectName.localeCompare(b.projectName, 'zh-CN'),
  );
  const flagged = all.filter((r) => r.flags.length > 0);
  const byFlag = Object.fromEntries(
    reconciliationFlags.map((flag) => [flag, all.filter((r) => r.flags.includes(flag)).length]),
  ) as Record<ReconciliationFlag, number>;
  return {
    regionCode: region.code,
    regionName: region.name,
    year,
    month,
    settings,
    imports: relevantImports.map((i) => ({
      id: i.id,
      regionCode: i.regionCode,
      fileName: i.fileName,
      rowCount: i.rowCount,
      importedByName: i.importedByName,
      importedAt: i.importedAt.toISOString(),
    })),
    totals: {
      projects: all.length,
      flagged: flagged.length,
      reportedWanYuan: addDecimals(all.map((r) => r.reportedWanYuan)),
      statisticsWanYuan: addDecimals(all.map((r) => r.statisticsWanYuan ?? '0')),
      fundsPaidWanYuan: addDecimals(all.map((r) => r.fundsPaidWanYuan)),
      byFlag,
    },
    rows: flaggedOnly ? flagged : all,
  };
}
