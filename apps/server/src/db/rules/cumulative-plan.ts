import type { CockpitBasis } from '@tuijin/contracts';
import { type SQL, sql } from 'drizzle-orm';

/** The three columns of a plan the cumulative plan reads (an alias's, or a test's literals). */
export interface PlanCurveColumns {
  splitKind: SQL;
  splitWanYuan: SQL;
  plannedWanYuan: SQL;
}

/** The plan columns of `annual_plans` alias `alias` on a basis: the live (adjusted) plan or the frozen baseline. */
export function planCurveColumnsOf(alias: string, basis: CockpitBasis): PlanCurveColumns {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  return basis === 'adjusted'
    ? {
        splitKind: column('split_kind'),
        splitWanYuan: column('split_wan_yuan'),
        plannedWanYuan: column('planned_investment_wan_yuan'),
      }
    : {
        splitKind: column('baseline_split_kind'),
        splitWanYuan: column('baseline_split_wan_yuan'),
        plannedWanYuan: column('baseline_investment_wan_yuan'),
      };
}

/** The split kind as the rule reads it: a kind without its full split is read as no split. */
function effectiveKind(c: PlanCurveColumns): SQL {
  return sql`(case
    when ${c.splitKind} = 'month' and cardinality(${c.splitWanYuan}) = 12 then 'month'
    when ${c.splitKind} = 'quarter' and cardinality(${c.splitWanYuan}) = 4 then 'quarter'
    else 'none' end)`;
}

/**
 * Cumulative plan to month `month` (0–12) of one plan: the SQL twin of the domain's
 * `cumulativePlanToMonth` (monthly split: months 1..M; quarterly: full quarters plus the elapsed
 * thirds of the current one; no split: planned × M ÷ 12), rounded half away from zero at 4 places.
 * `equivalence.test.ts` runs `cumulativePlanCases` through it on PGlite and PostgreSQL.
 */
export function cumulativePlanSql(c: PlanCurveColumns, month: SQL): SQL {
  const split = c.splitWanYuan;
  return sql`(case ${effectiveKind(c)}
    when 'month' then coalesce((select sum(v) from unnest(${split}[1:${month}]) v), 0)
    when 'quarter' then coalesce((select sum(v) from unnest(${split}[1:(${month} / 3)]) v), 0)
      + round(coalesce(${split}[${month} / 3 + 1], 0) * (${month} % 3) / 3, 4)
    else round(${c.plannedWanYuan} * ${month} / 12, 4) end)`;
}

/**
 * The same rule regrouped for a curve of months 1..12 without a subquery per month: the cumulative
 * plan to month m = Σ increments of months 1..m + the point of month m. A monthly split adds the
 * month's amount; a quarterly one adds a quarter at its last month and the elapsed thirds of the
 * current quarter are the point (rounded per plan); no split is planned × m ÷ 12 (rounded) as the
 * point. Tested with {@link cumulativePlanSql} on the same cases.
 */
export function cumulativePlanTermsSql(c: PlanCurveColumns, m: number): { increment: SQL; point: SQL } {
  const split = c.splitWanYuan;
  const month = sql.raw(String(m));
  const quarterEnd = m % 3 === 0 ? sql`coalesce(${split}[${sql.raw(String(m / 3))}], 0)` : sql`0`;
  const partial =
    m % 3 === 0
      ? sql`0`
      : sql`round(coalesce(${split}[${sql.raw(String(Math.floor(m / 3) + 1))}], 0) * ${sql.raw(String(m % 3))} / 3, 4)`;
  const kind = effectiveKind(c);
  return {
    increment: sql`case ${kind} when 'month' then coalesce(${split}[${month}], 0)
      when 'quarter' then ${quarterEnd} else 0 end`,
    point: sql`case ${kind} when 'month' then 0 when 'quarter' then ${partial}
      else round(${c.plannedWanYuan} * ${month} / 12, 4) end`,
  };
}
