import type { MapPoints, MapQuery, MapRegions, MapRegionsQuery, MapTile } from '@tuijin/contracts';
import { authorize, can, monthKey, planCompletionRate } from '@tuijin/domain';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { queryRows } from '../../db/rows';
import { completedYearToDateSql, impliedStageSql, stageToday } from '../../db/rules';
import { projects, regions } from '../../db/schema';
import { decimal } from '../../lib/decimal-column';
import { inRegionSubtree } from '../../lib/scope';
import { filteredProjectIds } from '../projects';
import { resolveRegionView } from '../regions';
import { resolveReportingPeriod } from '../reports';
import { currentWarnings, defaultWarningMonth } from '../warnings';

/** The most points one map answers; a province's whole library fits, the largest first. */
export const maxMapPoints = 20_000;

/**
 * 挂图作战 points: every project the project list would show for these filters (the same scope and
 * WHERE clause) that has coordinates, largest investment first, plus how many match and how many
 * of them are located, each with last month's warning colour when the reader may see warnings
 * (null where a project has none computed).
 */
export async function findMapPoints(ctx: Ctx, query: MapQuery): Promise<MapPoints> {
  authorize(ctx.actor, 'project.read');
  const { ids } = await filteredProjectIds(ctx.db, ctx.actor, query, ctx.clock.now());
  const inList = inArray(projects.id, ids);
  const located = and(isNotNull(projects.longitude), isNotNull(projects.latitude));
  const [counts] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      located: sql<number>`(count(*) filter (where ${located}))::int`,
    })
    .from(projects)
    .where(inList);
  const rows = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      code: projects.code,
      stage: impliedStageSql(stageToday(ctx.clock.now())),
      regionCode: projects.regionCode,
      regionName: regions.name,
      regionPath: projects.regionPath,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      longitude: projects.longitude,
      latitude: projects.latitude,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(inList, located))
    .orderBy(desc(projects.totalInvestmentWanYuan), asc(projects.id))
    .limit(maxMapPoints + 1);
  const mayReadWarnings = can(ctx.actor, 'warning.read');
  const colours = new Map<string, MapPoints['data'][number]['warningColour']>();
  if (mayReadWarnings) {
    const month = monthKey(defaultWarningMonth(ctx.clock.now()));
    for (const w of await currentWarnings(ctx.db, ctx.actor, month)) colours.set(w.projectId, w.colour);
  }
  return {
    data: rows.slice(0, maxMapPoints).map((row) => ({
      ...row,
      totalInvestmentWanYuan: decimal(row.totalInvestmentWanYuan),
      longitude: Number(row.longitude),
      latitude: Number(row.latitude),
      warningColour: colours.get(row.id) ?? null,
    })),
    count: Number(counts?.count ?? 0),
    located: Number(counts?.located ?? 0),
    isTruncated: rows.length > maxMapPoints,
    colourSources: { warning: mayReadWarnings },
  };
}

interface FigureRow {
  key: string | null;
  is_total: boolean;
  project_count: number | string;
  located: number | string;
  total_investment: string;
  planned: string;
  ytd: string;
  lng: number | string | null;
  lat: number | string | null;
}

function figuresOf(row: FigureRow | undefined) {
  const planned = decimal(row?.planned ?? '0');
  const ytd = decimal(row?.ytd ?? '0');
  return {
    projectCount: Number(row?.project_count ?? 0),
    locatedCount: Number(row?.located ?? 0),
    totalInvestmentWanYuan: decimal(row?.total_investment ?? '0'),
    plannedWanYuan: planned,
    completedYtdWanYuan: ytd,
    planCompletionRate: planCompletionRate({ completedYtdWanYuan: ytd, plannedWanYuan: planned }),
  };
}

/**
 * Figures per child region of the map's root (the `region` filter, else the actor's own region; a
 * region without children is its own single tile), for shading: the project count, total
 * investment and located count of the projects the list shows for these filters, and — over those
 * with an annual plan for the year, as the cockpit counts them — the adjusted plan, the year-to-date
 * completed from approved reports to the month and the plan completion rate (the domain's
 * `planCompletionRate` over the sums), by default to the current reporting month. A project placed on the root itself falls in a 本级 tile.
 * The total is over the root's subtree, so the tiles add up to it.
 */
export async function getMapRegions(ctx: Ctx, query: MapRegionsQuery): Promise<MapRegions> {
  authorize(ctx.actor, 'project.read');
  const place = await resolveRegionView(ctx.db, ctx.actor, query.region);
  // Without a period: the current reporting month (the cockpit's and the screen's), a whole past year.
  const current = await resolveReportingPeriod(ctx, place.region.path);
  const year = query.year ?? current.year;
  const month = query.month ?? (year === current.year ? current.month : 12);
  const { ids } = await filteredProjectIds(ctx.db, ctx.actor, query, ctx.clock.now());
  const { region, children } = place;
  const isLeaf = children.length === 0;
  const depth = region.path.split('.').length;
  const childPath = sql`array_to_string((string_to_array(p.region_path, '.'))[1:${depth + 1}::int], '.')`;
  const member = isLeaf
    ? sql`select ${region.code}::text as key, p.* from p`
    : sql`select c.code as key, p.* from p join regions c on c.path = ${childPath} and c.parent_code = ${region.code}
        union all
        select ${`${region.code}:self`}::text, p.* from p where p.region_code = ${region.code}`;
  const aggregates = sql`count(m.id)::int as project_count,
    (count(m.id) filter (where m.longitude is not null and m.latitude is not null))::int as located,
    coalesce(sum(m.total_investment_wan_yuan), 0)::text as total_investment,
    coalesce(sum(m.planned), 0)::text as planned,
    coalesce(sum(m.ytd), 0)::text as ytd,
    avg(m.longitude)::float8 as lng, avg(m.latitude)::float8 as lat`;
  const rows = await queryRows<FigureRow>(
    ctx.db,
    sql`with p as (
        select projects.id, projects.region_code, projects.region_path, projects.total_investment_wan_yuan,
          projects.longitude, projects.latitude, a.planned_investment_wan_yuan as planned,
          case when a.project_id is null then null
            else ${completedYearToDateSql(sql`projects.id`, { year, month })} end as ytd
        from ${projects}
        left join annual_plans a on a.project_id = projects.id and a.year = ${year}::int
        where ${inArray(projects.id, ids)} and ${inRegionSubtree(projects.regionPath, region.path)}
      ),
      m as (${member})
      select m.key, false as is_total, ${aggregates} from m group by m.key
      union all
      select null, true, ${aggregates} from p m`,
  );
  const byKey = new Map(rows.filter((r) => !r.is_total).map((r) => [r.key, r]));
  const centre = (row: FigureRow | undefined): [number, number] | null =>
    row && row.lng !== null && row.lat !== null ? [Number(row.lng), Number(row.lat)] : null;
  const tileOf = (r: typeof region, key: string, kind: MapTile['kind']): MapTile => {
    const row = byKey.get(key);
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      path: r.path,
      kind,
      sortOrder: r.sortOrder,
      centre: centre(row),
      ...figuresOf(row),
    };
  };
  const tiles = isLeaf
    ? [tileOf(region, region.code, 'region')]
    : children.map((child) => tileOf(child, child.code, 'region'));
  if (!isLeaf && byKey.has(`${region.code}:self`))
    tiles.push(tileOf(region, `${region.code}:self`, 'regionSelf'));
  return {
    root: { code: region.code, name: region.name, level: region.level },
    year,
    month,
    tiles,
    total: figuresOf(rows.find((r) => r.is_total)),
  };
}
