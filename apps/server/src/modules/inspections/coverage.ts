import type { InspectionCoverage, InspectionCoverageQuery } from '@tuijin/contracts';
import {
  authorize,
  can,
  chinaDate,
  coverageRate,
  inspectedSiteStages,
  inspectionPeriodOf,
} from '@tuijin/domain';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { inspectionFindings, inspections, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';

/** The child region a path falls in (its first path segment below the root), or the root itself. */
const childOf = (path: string, rootPath: string, children: readonly { path: string }[]) =>
  children.find((c) => path === c.path || path.startsWith(`${c.path}.`))?.path ?? rootPath;

/**
 * 督查覆盖: over a day or an ISO week, per child region of the region viewed (default the actor's
 * own; a region without children is its own one row): the sites under construction (新开工 and 在建) the reader may see, how many of them were
 * inspected, the rate, inspections and findings raised; the total; and the sites not inspected. A
 * total is the sum over what the reader may see.
 */
export async function getInspectionCoverage(
  ctx: Ctx,
  query: InspectionCoverageQuery,
): Promise<InspectionCoverage> {
  authorize(ctx.actor, 'inspection.read');
  const view = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const period = inspectionPeriodOf(query.period ?? 'day', query.on ?? chinaDate(ctx.clock.now()));
  const root = view.region.path;
  const scope = and(projectScope(ctx.actor), inRegionSubtree(projects.regionPath, root));
  const sites = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionPath: projects.regionPath,
      regionName: regions.name,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(scope, inArray(projects.stage, [...inspectedSiteStages])))
    .orderBy(asc(projects.regionPath), asc(projects.name));
  const done = await ctx.db
    .select({ id: inspections.id, projectId: inspections.projectId, regionPath: inspections.regionPath })
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(and(scope, gte(inspections.inspectedOn, period.start), lte(inspections.inspectedOn, period.end)));
  const found = await ctx.db
    .select({ regionPath: inspectionFindings.regionPath })
    .from(inspectionFindings)
    .innerJoin(projects, eq(projects.id, inspectionFindings.projectId))
    .where(
      and(scope, gte(inspectionFindings.foundOn, period.start), lte(inspectionFindings.foundOn, period.end)),
    );
  const inspectedIds = new Set(done.map((d) => d.projectId));
  const counts = (match: (path: string) => boolean) => {
    const regionSites = sites.filter((s) => match(s.regionPath));
    const inspected = regionSites.filter((s) => inspectedIds.has(s.id)).length;
    return {
      sites: regionSites.length,
      inspected,
      rate: coverageRate(inspected, regionSites.length),
      inspections: done.filter((d) => match(d.regionPath)).length,
      findings: found.filter((f) => match(f.regionPath)).length,
    };
  };
  // A county without child regions shows itself as its one row.
  const rows =
    view.children.length === 0
      ? [{ regionCode: view.region.code, regionName: view.region.name, ...counts(() => true) }]
      : view.children.map((child) => ({
          regionCode: child.code,
          regionName: child.name,
          ...counts((path) => childOf(path, root, view.children) === child.path),
        }));
  return {
    period: period.period,
    start: period.start,
    end: period.end,
    regionCode: view.region.code,
    regionName: view.region.name,
    rows,
    total: counts(() => true),
    notInspected: sites
      .filter((s) => !inspectedIds.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, regionName: s.regionName })),
    canRecord: can(ctx.actor, 'inspection.record'),
  };
}

/** The day's inspection figures of one region (a child or the total). */
export interface InspectionDayRegionFigures {
  regionCode: string;
  regionName: string;
  inspections: number;
  sitesInspected: number;
  findingsRaised: number;
  findingsClosed: number;
  findingsOpen: number;
  findingsOverdue: number;
}

/**
 * 一日一督查 figures of a region on a day, per child region and in total, for the daily bulletin (no
 * reader: the bulletin is the region office's own): inspections done that day, distinct sites
 * inspected, findings raised that day, closed that day, open at the day's end (raised by then, not
 * closed by then) and overdue at the day's end (open then, its deadline before the day, and not
 * answered by then — a reply still under review is not overdue).
 */
export async function inspectionDayFigures(
  db: Queryable,
  regionPath: string,
  onDate: string,
): Promise<{ onDate: string; rows: InspectionDayRegionFigures[]; total: InspectionDayRegionFigures }> {
  const [root] = await db.select().from(regions).where(eq(regions.path, regionPath));
  const children = await db
    .select()
    .from(regions)
    .where(eq(regions.parentCode, root?.code ?? ''))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
  const groups = [
    ...children.map((c) => ({ code: c.code, name: c.name, path: c.path })),
    { code: root?.code ?? '', name: root?.name ?? '', path: regionPath },
  ];
  const figures = await Promise.all(
    groups.map(async (g) => {
      const within = (column: Parameters<typeof inRegionSubtree>[0]) => inRegionSubtree(column, g.path);
      const [done] = await db
        .select({
          inspections: sql<number>`count(*)::int`,
          sites: sql<number>`count(distinct ${inspections.projectId})::int`,
        })
        .from(inspections)
        .where(and(within(inspections.regionPath), eq(inspections.inspectedOn, onDate)));
      const [f] = await db
        .select({
          raised: sql<number>`coalesce(sum(case when ${inspectionFindings.foundOn} = ${onDate} then 1 else 0 end), 0)::int`,
          closed: sql<number>`coalesce(sum(case when ${inspectionFindings.closedOn} = ${onDate} then 1 else 0 end), 0)::int`,
          open: sql<number>`coalesce(sum(case when ${inspectionFindings.foundOn} <= ${onDate} and (${inspectionFindings.closedOn} is null or ${inspectionFindings.closedOn} > ${onDate}) then 1 else 0 end), 0)::int`,
          overdue: sql<number>`coalesce(sum(case when ${inspectionFindings.foundOn} <= ${onDate}
            and (${inspectionFindings.closedOn} is null or ${inspectionFindings.closedOn} > ${onDate})
            and ${inspectionFindings.deadlineOn} < ${onDate}
            and (${inspectionFindings.status} in ('open', 'returned') or ${inspectionFindings.repliedOn} > ${onDate})
            then 1 else 0 end), 0)::int`,
        })
        .from(inspectionFindings)
        .where(within(inspectionFindings.regionPath));
      return {
        regionCode: g.code,
        regionName: g.name,
        inspections: Number(done?.inspections ?? 0),
        sitesInspected: Number(done?.sites ?? 0),
        findingsRaised: Number(f?.raised ?? 0),
        findingsClosed: Number(f?.closed ?? 0),
        findingsOpen: Number(f?.open ?? 0),
        findingsOverdue: Number(f?.overdue ?? 0),
      };
    }),
  );
  return { onDate, rows: figures.slice(0, -1), total: figures.at(-1)! };
}
