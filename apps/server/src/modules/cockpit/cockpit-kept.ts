import type { CockpitQuery } from '@tuijin/contracts';
import { type Actor, isSystemActor, lastDayOfMonth, monthKey } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import type { AggregateRow } from './cockpit-base';
import { halfMonths } from './cockpit-base';
import type { CockpitRegion } from './cockpit-regions';

/**
 * Whether the rollup can be read from the kept region sums (issue 18 item 1) instead of the
 * per-project base: grouped by region, at a region with children, without project filters (the
 * sums are kept for all projects only), for an actor who sees every project of the subtree (an
 * office or a supervisor over it; department staff, owners and leaders see a part of it), and for
 * a year that has begun (the day-by-day counts start on January 1st). Anything else — and the
 * drill-down to projects, which lists projects anyway — takes the per-project path.
 */
export function canReadKeptRollup(actor: Actor, query: CockpitQuery, place: CockpitRegion, today: string) {
  const seesSubtree =
    isSystemActor(actor) || actor.roles.some((role) => role === 'office_staff' || role === 'supervisor');
  const filtered =
    query.tag !== undefined ||
    query.projectClass !== undefined ||
    query.constructionType !== undefined ||
    query.size !== undefined;
  return (
    query.dimension === 'region' &&
    !filtered &&
    place.children.length > 0 &&
    seesSubtree &&
    today >= `${query.year}-01-01`
  );
}

interface MonthRow {
  key: string | null;
  month: number;
  projects: number | string;
  due: number | string;
  planned: string;
  cum_plan: string;
  ytd: string;
  plans_start: number | string;
  plans_completion: number | string;
  plans_operation: number | string;
  started: number | string;
  completed: number | string;
  operating: number | string;
  on_time: number | string;
  late: number | string;
  in_stat: number | string;
  missing: number | string;
}

interface DayRow {
  key: string | null;
  month: number;
  started: number | string;
  completed: number | string;
  operating: number | string;
}

interface ColourRow {
  key: string | null;
  red: number | string;
  yellow: number | string;
  green: number | string;
}

/** A kept group as the rollup shows it: the same aggregate row the per-project path produces. */
export interface KeptGroup {
  /** null: the total. The chosen region's code stands for its own projects (本级). */
  key: string | null;
  row: AggregateRow;
}

/**
 * The rollup by region from the kept sums: each own-region row of the subtree (`region_month_sums`)
 * goes to the child whose subtree holds it, or to 本级 — a hundred rows at a province, summed in
 * SQL — for the months the figures read (the chosen month, and months 1..6 for 双过半). A count as
 * of a day inside the running month (today) is the month's count less the starts, completions and
 * operations after today (`region_stage_days`, an index range). 应报未报 is due less submitted in
 * the regions whose deadline has passed. Not kept: the 红黄绿灯 counts, read from the month's stored
 * warning results (one indexed range over the month, grouped the same way), since a colour depends
 * on the rule set chosen for a project at read time.
 */
export async function keptRollupGroups(
  db: Queryable,
  place: CockpitRegion,
  query: CockpitQuery,
  passedRegionCodes: readonly string[],
  today: string,
): Promise<KeptGroup[]> {
  const { region } = place;
  const { year, month, basis } = query;
  const depth = region.path.split('.').length;
  const keyOf = (path: SQL, code: SQL) =>
    sql`(case when ${code} = ${region.code} then ${region.code} else (string_to_array(${path}, '.'))[${depth + 1}::int] end)`;
  const inSubtree = sql`(r.path = ${region.path} or r.path like ${`${region.path}.%`})`;
  const months = [...new Set([month, ...halfMonths.map((k) => Math.min(k, month))])];
  const passed =
    passedRegionCodes.length === 0
      ? sql`false`
      : sql`s.region_code in (${sql.join(
          passedRegionCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`;
  // Only today can fall inside a month (the running one, or a later one asked for ahead): a count
  // as of today in month m is month m's count less the days after today up to m's end.
  const endOfYear = lastDayOfMonth(year, 12);
  const hasPartial = today < endOfYear;
  const [monthRows, dayRows, colourRows] = await Promise.all([
    queryRows<MonthRow>(
      db,
      sql`select ${keyOf(sql`r.path`, sql`s.region_code`)} as key, s.month,
          sum(s.projects)::int as projects, sum(s.due)::int as due, sum(s.planned)::text as planned,
          sum(s.cum_plan)::text as cum_plan, sum(s.ytd)::text as ytd, sum(s.plans_start)::int as plans_start,
          sum(s.plans_completion)::int as plans_completion, sum(s.plans_operation)::int as plans_operation,
          sum(s.started)::int as started, sum(s.completed)::int as completed, sum(s.operating)::int as operating,
          sum(s.on_time)::int as on_time, sum(s.late)::int as late, sum(s.in_stat)::int as in_stat,
          sum(case when ${passed} then s.due - s.submitted else 0 end)::int as missing
        from region_month_sums s join regions r on r.code = s.region_code
        where s.year = ${year}::int and s.basis = ${basis} and s.month in (${sql.join(
          months.map((m) => sql`${m}::int`),
          sql`, `,
        )}) and ${inSubtree}
        group by grouping sets ((1, s.month), (s.month))`,
    ),
    !hasPartial
      ? Promise.resolve([] as DayRow[])
      : queryRows<DayRow>(
          db,
          sql`select ${keyOf(sql`r.path`, sql`d.region_code`)} as key,
              extract(month from d.on_date)::int as month, sum(d.started)::int as started,
              sum(d.completed)::int as completed, sum(d.operating)::int as operating
            from region_stage_days d join regions r on r.code = d.region_code
            where d.year = ${year}::int and d.basis = ${basis}
              and d.on_date > ${today}::date and d.on_date <= ${endOfYear}::date and ${inSubtree}
            group by grouping sets ((1, 2), (2))`,
        ),
    queryRows<ColourRow>(
      db,
      sql`select ${keyOf(sql`w.region_path`, sql`w.region_code`)} as key,
          count(*) filter (where w.colour = 'red')::int as red,
          count(*) filter (where w.colour = 'yellow')::int as yellow,
          count(*) filter (where w.colour = 'green')::int as green
        from (
          select distinct on (wr.project_id) wr.colour, p.region_path, p.region_code
          from warning_results wr
          join warning_rule_sets rs on rs.id = wr.rule_set_id
          join projects p on p.id = wr.project_id
          join annual_plans a on a.project_id = p.id and a.year = ${year}::int
            and ${basis === 'adjusted' ? sql`true` : sql`a.status = 'frozen'`}
          where wr.month = ${monthKey({ year, month })}
            and (p.region_path = ${region.path} or p.region_path like ${`${region.path}.%`})
          order by wr.project_id, length(rs.region_path) desc, rs.rule_version desc
        ) w
        group by grouping sets ((1), ())`,
    ),
  ]);
  const keys: (string | null)[] = [null, ...place.children.map((c) => c.code)];
  if (monthRows.some((r) => r.key === region.code)) keys.push(region.code);
  // grouping sets: the total row has key null; a group's key is never null (every row has a region).
  return keys.map((key) => ({ key, row: aggregateOf(key, monthRows, dayRows, colourRows, month) }));
}

const n = (value: number | string | undefined) => Number(value ?? 0);

function aggregateOf(
  key: string | null,
  monthRows: readonly MonthRow[],
  dayRows: readonly DayRow[],
  colourRows: readonly ColourRow[],
  month: number,
): AggregateRow {
  const at = (m: number) => monthRows.find((r) => r.key === key && r.month === m);
  const daysOf = dayRows.filter((r) => r.key === key);
  const colours = colourRows.find((r) => r.key === key);
  /** A count as of month m's as-of day: by m's end, less what falls after today up to m's end. */
  const asOf = (m: number, field: 'started' | 'completed' | 'operating') => {
    const after = daysOf.filter((d) => Number(d.month) <= m).reduce((sum, d) => sum + n(d[field]), 0);
    return n(at(m)?.[field]) - after;
  };
  const row = at(month);
  const half = Math.min(month, 6);
  const aggregate: AggregateRow = {
    project_count: n(row?.projects),
    planned: row?.planned ?? '0',
    cum_plan: row?.cum_plan ?? '0',
    ytd: row?.ytd ?? '0',
    ytd_half: at(half)?.ytd ?? '0',
    plans_start: n(row?.plans_start),
    started: asOf(month, 'started'),
    started_half: asOf(half, 'started'),
    plans_completion: n(row?.plans_completion),
    completed: asOf(month, 'completed'),
    plans_operation: n(row?.plans_operation),
    operating: asOf(month, 'operating'),
    due: n(row?.due),
    on_time: n(row?.on_time),
    late: n(row?.late),
    missing: n(row?.missing),
    in_stat: n(row?.in_stat),
    warning_red: n(colours?.red),
    warning_yellow: n(colours?.yellow),
    warning_green: n(colours?.green),
  };
  for (const k of halfMonths) {
    aggregate[`ytd_${k}`] = at(Math.min(k, month))?.ytd ?? '0';
    aggregate[`started_${k}`] = asOf(Math.min(k, month), 'started');
  }
  return aggregate;
}
