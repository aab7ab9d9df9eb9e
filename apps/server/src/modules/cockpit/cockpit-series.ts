import type { CockpitBasis, CockpitSeries } from '@tuijin/contracts';
import { addDecimals } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { cumulativePlanTermsSql, planCurveColumnsOf } from '../../db/rules';
import { projects } from '../../db/schema';
import { decimal } from '../../lib/decimal-column';

const seriesMonths = Array.from({ length: 12 }, (_, i) => i + 1);

/** Aggregate columns `<prefix>_inc_m` and `<prefix>_pt_m` for months 1..12 over plan rows `a`. */
function planTermColumns(basis: CockpitBasis, prefix: string, filter: SQL): SQL {
  return sql.join(
    seriesMonths.map((m) => {
      const { increment, point } = cumulativePlanTermsSql(planCurveColumnsOf('a', basis), m);
      return sql`coalesce(sum(${increment}) ${filter}, 0)::text as ${sql.raw(`${prefix}_inc_${m}`)},
        coalesce(sum(${point}) ${filter}, 0)::text as ${sql.raw(`${prefix}_pt_${m}`)}`;
    }),
    sql`, `,
  );
}

/**
 * The monthly curve in one statement: the plans in scope (`inScope`, over `projects`) for the year
 * are read once and their kept year figures (`project_year_figures`: each month's approved amount, to
 * `month`) once, answering ONE row of per-month
 * sums of the cumulative plan's monthly terms (`cumulativePlanTermsSql`) — `adj_inc_m`/`adj_pt_m`, `base_inc_m`/`base_pt_m` (frozen plans only) and `done_m` — with no
 * plan × month rows and no sort; {@link cumulativeCurves} adds them up exactly.
 */
export function cockpitCurveSql(inScope: SQL, year: number, month: number): SQL {
  const doneColumns = sql.join(
    seriesMonths.map((m) =>
      m <= month
        ? sql`coalesce(sum(f.approved[${sql.raw(String(m))}]), 0)::text as ${sql.raw(`done_${m}`)}`
        : sql`'0' as ${sql.raw(`done_${m}`)}`,
    ),
    sql`, `,
  );
  return sql`with a as (
      select a.project_id, a.status, a.split_kind, a.split_wan_yuan, a.planned_investment_wan_yuan,
        a.baseline_split_kind, a.baseline_split_wan_yuan, a.baseline_investment_wan_yuan
      from annual_plans a join ${projects} on ${projects.id} = a.project_id
      where a.year = ${year}::int and ${inScope}
    )
    select p.*, d.* from
      (select ${planTermColumns('adjusted', 'adj', sql``)},
        ${planTermColumns('baseline', 'base', sql`filter (where a.status = 'frozen')`)} from a) p
      cross join (select ${doneColumns} from project_year_figures f
        where f.year = ${year}::int and f.project_id in (select a.project_id from a)) d`;
}

/** Months 1..12 of the curve from the row of {@link cockpitCurveSql}: running sums plus each month's point. */
export function cumulativeCurves(row: Record<string, string>, month: number): CockpitSeries['months'] {
  const running = { adj: '0', base: '0', done: '0' };
  return seriesMonths.map((m) => {
    running.adj = addDecimals([running.adj, row[`adj_inc_${m}`] ?? '0']);
    running.base = addDecimals([running.base, row[`base_inc_${m}`] ?? '0']);
    running.done = addDecimals([running.done, row[`done_${m}`] ?? '0']);
    return {
      month: m,
      baselineCumulativeWanYuan: decimal(addDecimals([running.base, row[`base_pt_${m}`] ?? '0'])),
      adjustedCumulativeWanYuan: decimal(addDecimals([running.adj, row[`adj_pt_${m}`] ?? '0'])),
      actualYtdWanYuan: m <= month ? decimal(running.done) : null,
    };
  });
}
