import type { CockpitBasis, CockpitFilters } from '@tuijin/contracts';
import { type Actor, monthKey, stageAsOfMonth } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import {
  cumulativePlanSql,
  impliedStageSql,
  planCurveColumnsOf,
  startedForStartRateSql,
} from '../../db/rules';
import { projects } from '../../db/schema';
import { projectFilterSql } from '../../lib/project-filters';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { warningColourSql } from '../warnings';

/** The period and plan basis every cockpit figure is computed for. */
export interface CockpitPeriod {
  year: number;
  month: number;
  basis: CockpitBasis;
}

/** The cockpit's project filters (tag, 新建/续建, 投资规模): the shared `projectFilterSql`. */
export const cockpitFilterSql = (filters: CockpitFilters): SQL => projectFilterSql(filters);

/** The months 1..6 whose year-to-date and starts tell when 双过半 was first reached. */
export const halfMonths = [1, 2, 3, 4, 5, 6] as const;

/**
 * One row per project in the actor's scope and the region's subtree that has a plan for the year
 * (baseline: a frozen plan), with everything the figures need: plan amounts for the basis, the
 * year-to-date from approved reports, the started/completed/operating flags (the project's stage
 * implied by its actual dates at the month's end, or `today` while the month runs — the library's
 * `impliedStage`, so the list, warnings and the map agree), and the state of the
 * month's report. Timeliness follows the domain's `reportTimeliness`: a report submitted at least
 * once is on time or late by its `late` flag; an unsubmitted one (absent or draft) is missing in
 * `passedRegionCodes`, the regions whose calendar deadline has passed by the reports module's
 * `reportingDeadlineResolver` (the status board's rule). The year-to-date figures come from the kept
 * rollup `project_year_figures` (issue 18: kept by triggers in the transaction of every report and
 * plan write, the domain's `yearFiguresOfProject`) and the month's state from its one report, each a
 * lookup per project — never an aggregate over the year's reports. Both are lateral lookups, so
 * the plan stays linear even without table statistics (PGlite has no autovacuum). The month's
 * report is found by `year * 100 + month`, a term the `(year, month)` index cannot serve: without
 * statistics the planner otherwise took that index and filtered 5,000 reports per project (24 s at
 * 10,000 projects); the aggregate keeps the subquery from being flattened into a join.
 * `warning_colour` is the project's stored 红黄绿灯 for the cockpit's own year-month (null when not
 * computed), by the warnings module's rule, so the rollup counts colours in the same grouped query.
 */
export function cockpitBaseSql(
  actor: Actor,
  regionPath: string,
  period: CockpitPeriod,
  passedRegionCodes: readonly string[],
  today: string,
  filters: CockpitFilters = {},
): SQL {
  const { year, basis } = period;
  const atMonth = stageAsOfMonth(year, period.month, today);
  const atHalf = stageAsOfMonth(year, Math.min(period.month, 6), today);
  const stageAtMonth = impliedStageSql(atMonth);
  const month = sql`${period.month}::int`;
  const adjusted = basis === 'adjusted';
  const planned = adjusted ? sql`a.planned_investment_wan_yuan` : sql`a.baseline_investment_wan_yuan`;
  const plansStart = adjusted ? sql`a.plans_start` : sql`coalesce(a.baseline_plans_start, false)`;
  const plansCompletion = adjusted
    ? sql`a.plans_completion`
    : sql`coalesce(a.baseline_plans_completion, false)`;
  const plansOperation = adjusted ? sql`a.plans_operation` : sql`coalesce(a.baseline_plans_operation, false)`;
  const frozenOnly = adjusted ? sql`true` : sql`a.status = 'frozen'`;
  const passed =
    passedRegionCodes.length === 0
      ? sql`false`
      : sql`projects.region_code in (${sql.join(
          passedRegionCodes.map((code) => sql`${code}`),
          sql`, `,
        )})`;
  // The year-to-date to month k is the kept rollup's running total at k (`project_year_figures`,
  // fresh in every transaction that approves, returns or corrects a report): one index lookup.
  const ytdAt = (k: number) => sql`coalesce(f.ytd[${sql.raw(String(k))}], 0)`;
  const inScope = sql`${projectScope(actor)} and ${inRegionSubtree(projects.regionPath, regionPath)}
    and ${cockpitFilterSql(filters)}`;
  // 双过半 month by month (to June, not past the chosen month): year-to-date and started by month k.
  const halfBase = sql.join(
    halfMonths.map((k) => {
      const atK = stageAsOfMonth(year, Math.min(k, period.month), today);
      return sql`${ytdAt(Math.min(k, period.month))} as ytd_${sql.raw(String(k))},
      ${startedForStartRateSql(plansStart, atK)} as started_${sql.raw(String(k))}`;
    }),
    sql`, `,
  );
  return sql`select projects.id, projects.name, projects.region_code, projects.region_path, ${stageAtMonth} as stage,
      projects.levels, projects.domain, projects.industry, projects.responsible_department_id, projects.leader_user_id,
      projects.tags, projects.project_class, projects.construction_type, projects.total_investment_wan_yuan, ${halfBase},
      ${planned} as planned,
      ${cumulativePlanSql(planCurveColumnsOf('a', basis), month)} as cum_plan,
      ${ytdAt(period.month)} as ytd,
      ${ytdAt(Math.min(period.month, 6))} as ytd_half,
      ${plansStart} as plans_start,
      ${startedForStartRateSql(plansStart, atMonth)} as started,
      ${startedForStartRateSql(plansStart, atHalf)} as started_half,
      ${plansCompletion} as plans_completion,
      ${plansCompletion} and ${stageAtMonth} in ('completed', 'operating') as completed,
      ${plansOperation} as plans_operation,
      ${plansOperation} and ${stageAtMonth} = 'operating' as operating,
      projects.stage <> 'dropped' as is_due,
      coalesce(r.status, 'none') as status_m,
      coalesce(r.submitted, false) and not coalesce(r.late, false) as on_time_m,
      coalesce(r.submitted, false) and coalesce(r.late, false) as late_m,
      not coalesce(r.submitted, false) and ${passed} as missing_m,
      coalesce(r.in_stat, false) as in_stat_m,
      ${warningColourSql(sql`projects.id`, monthKey({ year, month: period.month }))} as warning_colour
    from ${projects}
    join annual_plans a on a.project_id = projects.id and a.year = ${year}::int and ${frozenOnly}
    left join lateral (select * from project_year_figures
      where project_id = projects.id and year = ${year}::int) f on true
    cross join lateral (select max(status) as status, bool_or(submitted_at is not null) as submitted,
        bool_or(late) as late, bool_or(status = 'approved' and in_statistics) as in_stat
      from monthly_reports where project_id = projects.id and year * 100 + month = ${year * 100 + period.month}::int) r
    where ${inScope}`;
}

/** The aggregate columns over rows `b` of the base (nullable when a group has no project). */
export const aggregateColumns = sql`count(b.id)::int as project_count,
  coalesce(sum(b.planned), 0)::text as planned,
  coalesce(sum(b.cum_plan), 0)::text as cum_plan,
  coalesce(sum(b.ytd), 0)::text as ytd,
  coalesce(sum(b.ytd_half), 0)::text as ytd_half,
  (count(*) filter (where b.plans_start))::int as plans_start,
  (count(*) filter (where b.started))::int as started,
  (count(*) filter (where b.started_half))::int as started_half,
  (count(*) filter (where b.plans_completion))::int as plans_completion,
  (count(*) filter (where b.completed))::int as completed,
  (count(*) filter (where b.plans_operation))::int as plans_operation,
  (count(*) filter (where b.operating))::int as operating,
  (count(*) filter (where b.is_due))::int as due,
  (count(*) filter (where b.is_due and b.on_time_m))::int as on_time,
  (count(*) filter (where b.is_due and b.late_m))::int as late,
  (count(*) filter (where b.is_due and b.missing_m))::int as missing,
  (count(*) filter (where b.is_due and b.in_stat_m))::int as in_stat,
  (count(*) filter (where b.warning_colour = 'red'))::int as warning_red,
  (count(*) filter (where b.warning_colour = 'yellow'))::int as warning_yellow,
  (count(*) filter (where b.warning_colour = 'green'))::int as warning_green,
  ${sql.join(
    halfMonths.map((k) =>
      sql.raw(`coalesce(sum(b.ytd_${k}), 0)::text as ytd_${k},
  (count(*) filter (where b.started_${k}))::int as started_${k}`),
    ),
    sql`, `,
  )}`;

/** One aggregate row as both drivers answer it (counts may arrive as strings from `pg`). */
export interface AggregateRow {
  project_count: number | string;
  planned: string;
  cum_plan: string;
  ytd: string;
  ytd_half: string;
  plans_start: number | string;
  started: number | string;
  started_half: number | string;
  plans_completion: number | string;
  completed: number | string;
  plans_operation: number | string;
  operating: number | string;
  due: number | string;
  on_time: number | string;
  late: number | string;
  missing: number | string;
  in_stat: number | string;
  warning_red: number | string;
  warning_yellow: number | string;
  warning_green: number | string;
  /** 双过半 by month k = 1..6: year-to-date (万元) and projects started by the end of month k. */
  [halfColumn: `ytd_${number}` | `started_${number}`]: number | string;
}
