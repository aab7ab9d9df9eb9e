import type {
  CockpitDimension,
  CockpitMeasure,
  CockpitProjectPage,
  CockpitProjectsQuery,
  CockpitQuery,
  CockpitRollup,
  CockpitRow,
  CockpitSeries,
  CockpitSeriesQuery,
} from '@tuijin/contracts';
import {
  authorize,
  chinaDate,
  compareDecimals,
  constructionTypes,
  defaultProjectClasses,
  isBehindTimeProgress,
  planCompletionRate,
  projectStages,
  sizeBandKeys,
  stageAsOfMonth,
  timeProgress,
} from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { queryRows } from '../../db/rows';
import { behindTimeProgressSql, impliedStageSql } from '../../db/rules';
import { projects } from '../../db/schema';
import { decimal } from '../../lib/decimal-column';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { sizeBandKeySql } from '../../lib/size-band-sql';
import type { RegionRow } from '../regions';
import { presentFigures } from './cockpit.presenter';
import { type AggregateRow, aggregateColumns, cockpitBaseSql, cockpitFilterSql } from './cockpit-base';
import { categoryMembershipSql } from './cockpit-category';
import { canReadKeptRollup, keptRollupGroups } from './cockpit-kept';
import { type CockpitRegion, reportingDeadlines, resolveCockpitRegion } from './cockpit-regions';
import { cockpitCurveSql, cumulativeCurves } from './cockpit-series';

const regionRef = (r: RegionRow) => ({ code: r.code, name: r.name, level: r.level });

/**
 * Which group(s) each base row `b` belongs to under a dimension: (key, label, kind, sort, b.*).
 * Region: the chosen region's children (each with its subtree; children with no project still
 * appear) plus the region itself (本级) for projects placed directly on it; at a leaf, the projects.
 * Level, batch and tag can overlap (a project on several lists, with several tags), so their rows
 * do not add up to the total. 项目分类 comes by priority. 新建/续建 and the 投资规模 bands (by total investment) are disjoint and
 * come in their fixed order. 分类汇总 (category) mixes tags, 新建/续建 and the size thresholds; it overlaps.
 */
function membershipSql(dimension: CockpitDimension, place: CockpitRegion, year: number): SQL {
  const { region, children } = place;
  switch (dimension) {
    case 'region': {
      if (children.length === 0)
        return sql`select b.id::text as key, b.name as label, 'project' as kind, 0 as sort, b.* from base b`;
      // The child a project falls under is the first (depth + 1) codes of its path: a hash join, not LIKE per pair.
      const depth = region.path.split('.').length;
      const childPath = sql`array_to_string((string_to_array(b.region_path, '.'))[1:${depth + 1}::int], '.')`;
      return sql`select c.code as key, c.name as label, 'region' as kind, c.sort_order as sort, b.*
          from regions c left join base b on ${childPath} = c.path
          where c.parent_code = ${region.code}
        union all
        select ${region.code}, ${region.name}, 'regionSelf', -1, b.* from base b where b.region_code = ${region.code}`;
    }
    case 'level':
      return sql`select lv as key, lv as label, 'value' as kind, 0 as sort, b.* from base b cross join unnest(b.levels) lv`;
    case 'domain':
      return sql`select b.domain as key, b.domain as label, 'value' as kind, 0 as sort, b.* from base b`;
    case 'industry':
      return sql`select coalesce(b.industry, '') as key, coalesce(b.industry, '') as label,
        case when b.industry is null then 'none' else 'value' end as kind, 0 as sort, b.* from base b`;
    case 'department':
      return sql`select coalesce(o.id::text, '') as key, coalesce(o.name, '') as label,
        case when o.id is null then 'none' else 'value' end as kind, 0 as sort, b.*
        from base b left join organisations o on o.id = b.responsible_department_id`;
    case 'leader':
      return sql`select coalesce(u.id::text, '') as key, coalesce(u.display_name, '') as label,
        case when u.id is null then 'none' else 'value' end as kind, 0 as sort, b.*
        from base b left join users u on u.id = b.leader_user_id`;
    case 'tag':
      return sql`select tg as key, tg as label, 'value' as kind, 0 as sort, b.* from base b cross join unnest(b.tags) tg
        union all
        select '', '', 'none', 1000, b.* from base b where cardinality(b.tags) = 0`;
    case 'projectClass':
      // By priority: the default classes in their order (产业链类, 基础设施类, 急需民生类), a class
      // the jurisdiction added after them, unclassified projects last.
      return sql`select coalesce(b.project_class, '') as key, coalesce(b.project_class, '') as label,
        case when b.project_class is null then 'none' else 'value' end as kind,
        case when b.project_class is null then 1000
          else coalesce(array_position(${orderArray(defaultProjectClasses)}, b.project_class), 500) end as sort,
        b.* from base b`;
    case 'constructionType':
      return sql`select b.construction_type as key, b.construction_type as label, 'value' as kind,
        array_position(${orderArray(constructionTypes)}, b.construction_type) as sort, b.* from base b`;
    case 'sizeBand': {
      const band = sizeBandKeySql(sql`b.total_investment_wan_yuan`);
      return sql`select ${band} as key, ${band} as label, 'value' as kind,
        array_position(${orderArray(sizeBandKeys)}, ${band}) as sort, b.* from base b`;
    }
    case 'category':
      return categoryMembershipSql();
    case 'batch': {
      const batchesOfYear = sql`project_batches pb join batches bt on bt.id = pb.batch_id
        join batch_schemes bs on bs.id = bt.scheme_id and bs.year = ${year}::int`;
      return sql`select bt.id::text as key, bs.name || ' · ' || bt.name as label, 'value' as kind, bt.sort_order as sort, b.*
          from base b join ${batchesOfYear} on pb.project_id = b.id
        union all
        select '', '', 'none', 1000, b.* from base b
          where not exists (select 1 from ${batchesOfYear} where pb.project_id = b.id)`;
    }
  }
}

/** A text array literal of fixed keys, for ordering rows by a domain list. */
const orderArray = (keys: readonly string[]) =>
  sql`array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;

/** Dimensions whose rows come in a fixed order (not by plan size). */
const orderedDimensions: readonly CockpitDimension[] = [
  'region',
  'batch',
  'projectClass',
  'constructionType',
  'sizeBand',
];
/** Dimensions whose groups can overlap, so the rows do not add up to the total. */
const overlappingDimensions: readonly CockpitDimension[] = ['level', 'batch', 'tag', 'category'];

interface GroupRow extends AggregateRow {
  is_total: boolean;
  key: string | null;
  label: string | null;
  kind: CockpitRow['kind'] | null;
  sort: number | string | null;
}

async function loadPlace(ctx: Ctx, query: { year: number; month: number; region?: string | undefined }) {
  const place = await resolveCockpitRegion(ctx.db, ctx.actor, query.region);
  const deadlines = await reportingDeadlines(
    ctx.db,
    place.region.path,
    query.year,
    query.month,
    chinaDate(ctx.clock.now()),
  );
  return { place, deadlines };
}

/**
 * 驾驶舱汇总: every indicator for (year, month, basis) grouped by one dimension, plus the total, in
 * one aggregate query scoped by `projectScope`, the chosen region's subtree and the project filters
 * (tag, 新建/续建, 投资规模). Additive measures
 * are summed in SQL; rates are recomputed from the summed numerators and denominators by the
 * domain's indicator functions, so a region's figure equals the sum over its children.
 */
export async function getCockpitRollup(
  ctx: Ctx,
  query: CockpitQuery,
  options: { keptSums?: boolean } = {},
): Promise<CockpitRollup> {
  authorize(ctx.actor, 'cockpit.read');
  const { place, deadlines } = await loadPlace(ctx, query);
  const today = chinaDate(ctx.clock.now());
  const rows =
    options.keptSums !== false && canReadKeptRollup(ctx.actor, query, place, today)
      ? await keptRows(ctx, place, query, deadlines.passedRegionCodes, today)
      : await baseRows(ctx, place, query, deadlines.passedRegionCodes, today);
  return presentRollup(query, place, deadlines.rootDeadline, rows);
}

/** The rollup's groups from the kept region sums, labelled as the per-project path labels them. */
async function keptRows(
  ctx: Ctx,
  place: CockpitRegion,
  query: CockpitQuery,
  passedRegionCodes: readonly string[],
  today: string,
): Promise<GroupRow[]> {
  const groups = await keptRollupGroups(ctx.db, place, query, passedRegionCodes, today);
  return groups.map(({ key, row }) => {
    const child = place.children.find((c) => c.code === key);
    if (key === null) return { ...row, is_total: true, key: null, label: null, kind: null, sort: null };
    if (child)
      return { ...row, is_total: false, key, label: child.name, kind: 'region', sort: child.sortOrder };
    return { ...row, is_total: false, key, label: place.region.name, kind: 'regionSelf', sort: -1 };
  });
}

/** The rollup's groups aggregated from the per-project base (any dimension, filters, scope). */
async function baseRows(
  ctx: Ctx,
  place: CockpitRegion,
  query: CockpitQuery,
  passedRegionCodes: readonly string[],
  today: string,
): Promise<GroupRow[]> {
  const base = cockpitBaseSql(ctx.actor, place.region.path, query, passedRegionCodes, today, query);
  return queryRows<GroupRow>(
    ctx.db,
    sql`with base as (${base}),
      member as (${membershipSql(query.dimension, place, query.year)}),
      grouped as (
        select b.key, min(b.label) as label, min(b.kind) as kind, min(b.sort) as sort, ${aggregateColumns}
        from member b group by b.key
      )
      select false as is_total, g.* from grouped g
      union all
      select true as is_total, null, null, null, null, ${aggregateColumns} from base b`,
  );
}

function presentRollup(
  query: CockpitQuery,
  place: CockpitRegion,
  deadlineOn: string | null,
  rows: readonly GroupRow[],
): CockpitRollup {
  const total = rows.find((r) => r.is_total);
  const groups = rows
    .filter((r) => !r.is_total)
    .map((r) => ({
      key: r.key ?? '',
      label: r.label ?? '',
      kind: r.kind ?? 'value',
      sort: Number(r.sort ?? 0),
      planned: decimal(r.planned),
      figures: presentFigures(r, query.year, query.month),
    }));
  const byPlan = !orderedDimensions.includes(query.dimension);
  groups.sort((a, b) => {
    if ((a.kind === 'none') !== (b.kind === 'none')) return a.kind === 'none' ? 1 : -1;
    // 分类汇总: tags, then 新建/续建, then the thresholds; tags among themselves by plan.
    if (query.dimension === 'category' && a.sort !== b.sort) return a.sort - b.sort;
    if (byPlan || a.kind === 'project')
      return compareDecimals(b.planned, a.planned) || a.label.localeCompare(b.label);
    return a.sort - b.sort || a.key.localeCompare(b.key);
  });
  return {
    year: query.year,
    month: query.month,
    basis: query.basis,
    dimension: query.dimension,
    region: regionRef(place.region),
    breadcrumb: place.breadcrumb.map(regionRef),
    isLeaf: place.children.length === 0,
    isAdditive: !overlappingDimensions.includes(query.dimension),
    deadlineOn,
    total: presentFigures(total!, query.year, query.month),
    rows: groups.map(({ key, label, kind, figures }) => ({ key, label, kind, figures })),
  };
}

/** The per-project condition behind each drill-down measure (rows `b` of the base). */
function measureSql(measure: CockpitMeasure, month: number): SQL {
  switch (measure) {
    case 'all':
      return sql`true`;
    case 'due':
      return sql`b.is_due`;
    case 'behind':
      return behindTimeProgressSql(sql`b.ytd`, sql`b.planned`, month);
    case 'plannedToStart':
      return sql`b.plans_start`;
    case 'started':
      return sql`b.started`;
    case 'notStarted':
      return sql`b.plans_start and not b.started`;
    case 'plannedToComplete':
      return sql`b.plans_completion`;
    case 'completed':
      return sql`b.completed`;
    case 'notCompleted':
      return sql`b.plans_completion and not b.completed`;
    case 'plannedToOperate':
      return sql`b.plans_operation`;
    case 'operating':
      return sql`b.operating`;
    case 'notOperating':
      return sql`b.plans_operation and not b.operating`;
    case 'onTime':
      return sql`b.is_due and b.on_time_m`;
    case 'late':
      return sql`b.is_due and b.late_m`;
    case 'missing':
      return sql`b.is_due and b.missing_m`;
    case 'inStatistics':
      return sql`b.is_due and b.in_stat_m`;
    case 'notInStatistics':
      return sql`b.is_due and not b.in_stat_m`;
    case 'warningRed':
      return sql`b.warning_colour = 'red'`;
    case 'warningYellow':
      return sql`b.warning_colour = 'yellow'`;
    case 'warningGreen':
      return sql`b.warning_colour = 'green'`;
  }
}

interface ProjectRow {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  stage: string;
  planned: string;
  cum_plan: string;
  ytd: string;
  plans_start: boolean;
  started: boolean;
  plans_completion: boolean;
  completed: boolean;
  plans_operation: boolean;
  operating: boolean;
  status_m: string;
  late_m: boolean;
  missing_m: boolean;
  in_stat_m: boolean;
  warning_colour: 'red' | 'yellow' | 'green' | null;
  total: number | string;
}

/**
 * 明细: the projects behind one number of the rollup — the same base rows, restricted to one group
 * (`key` as the rollup row answered it; none = the total) and one measure (e.g. planned to start
 * but not started), with each project's own values.
 */
export async function listCockpitProjects(
  ctx: Ctx,
  query: CockpitProjectsQuery,
): Promise<CockpitProjectPage> {
  authorize(ctx.actor, 'cockpit.read');
  const { place, deadlines } = await loadPlace(ctx, query);
  const base = cockpitBaseSql(
    ctx.actor,
    place.region.path,
    query,
    deadlines.passedRegionCodes,
    chinaDate(ctx.clock.now()),
    query,
  );
  const inGroup =
    query.key === undefined ? sql`true` : sql`b.id in (select m.id from member m where m.key = ${query.key})`;
  const offset = (query.page - 1) * query.pageSize;
  const rows = await queryRows<ProjectRow>(
    ctx.db,
    sql`with base as (${base}),
      member as (${membershipSql(query.dimension, place, query.year)})
      select b.id, b.name, b.region_code, rg.name as region_name, b.stage, b.planned::text, b.cum_plan::text,
        b.ytd::text, b.plans_start, b.started, b.plans_completion, b.completed, b.plans_operation, b.operating,
        b.status_m, b.is_due and b.late_m as late_m, b.is_due and b.missing_m as missing_m,
        b.is_due and b.in_stat_m as in_stat_m, b.warning_colour, count(*) over () as total
      from base b join regions rg on rg.code = b.region_code
      where ${inGroup} and ${measureSql(query.measure, query.month)}
      order by b.planned desc, b.name, b.id
      limit ${query.pageSize}::int offset ${offset}::int`,
  );
  const time = timeProgress({ year: query.year, asOfMonth: query.month });
  return {
    data: rows.map((r) => {
      const completion = planCompletionRate({
        completedYtdWanYuan: decimal(r.ytd),
        plannedWanYuan: decimal(r.planned),
      });
      return {
        id: r.id,
        name: r.name,
        regionCode: r.region_code,
        regionName: r.region_name,
        stage: r.stage,
        plannedWanYuan: decimal(r.planned),
        cumulativePlanWanYuan: decimal(r.cum_plan),
        completedYtdWanYuan: decimal(r.ytd),
        planCompletionRate: { formula: 'planCompletionRate' as const, ...completion },
        isBehind: isBehindTimeProgress(completion.percent, time.percent ?? '0'),
        plansStart: r.plans_start,
        isStarted: r.started,
        plansCompletion: r.plans_completion,
        isCompleted: r.completed,
        plansOperation: r.plans_operation,
        isOperating: r.operating,
        reportStatus: r.status_m as CockpitProjectPage['data'][number]['reportStatus'],
        isLate: r.late_m,
        isMissing: r.missing_m,
        inStatistics: r.in_stat_m,
        warningColour: r.warning_colour,
      };
    }),
    page: { total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize },
  };
}

/**
 * 曲线与漏斗: for months 1..12 the cumulative plan on both bases (baseline: frozen plans only) and the
 * approved year-to-date up to `month` (projects with a plan for the year, as the rollup counts
 * them); and the project library of the region by stage, in lifecycle order. The curve is one
 * statement that reads each plan once and each approved report once, answering one row of
 * per-month sums (no plan × month rows, no sort); the running sums are added exactly here.
 */
export async function getCockpitSeries(ctx: Ctx, query: CockpitSeriesQuery): Promise<CockpitSeries> {
  authorize(ctx.actor, 'cockpit.read');
  const place = await resolveCockpitRegion(ctx.db, ctx.actor, query.region);
  const inScope = sql`${projectScope(ctx.actor)} and ${inRegionSubtree(projects.regionPath, place.region.path)}
    and ${cockpitFilterSql(query)}`;
  const stage = impliedStageSql(stageAsOfMonth(query.year, query.month, chinaDate(ctx.clock.now())));
  const [curves, stages] = await Promise.all([
    queryRows<Record<string, string>>(ctx.db, cockpitCurveSql(inScope, query.year, query.month)),
    queryRows<{ stage: string; count: number | string }>(
      ctx.db,
      sql`select ${stage} as stage, count(*)::int as count from ${projects} where ${inScope} group by 1`,
    ),
  ]);
  const months = cumulativeCurves(curves[0] ?? {}, query.month);
  const stageCounts = new Map(stages.map((s) => [s.stage, Number(s.count)]));
  return {
    year: query.year,
    region: regionRef(place.region),
    months,
    stages: projectStages.map((stage) => ({ stage, count: stageCounts.get(stage) ?? 0 })),
  };
}
