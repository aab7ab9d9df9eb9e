import type { StageAsOf } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { hasStartedSql, projectStageColumns, type StageColumns } from './implied-stage';

/**
 * `ratio(numerator, denominator).percent` in SQL: the percentage rounded half away from zero to one
 * decimal, computed exactly (`div` is an exact integer quotient of numerics), as text ("66.7",
 * "50.0", "-0.3"); null when the denominator is 0. Denominators are never negative (counts, plans).
 */
export function percentSql(numerator: SQL, denominator: SQL): SQL<string | null> {
  return sql<string | null>`(case when (${denominator})::numeric = 0 then null else
    (${tenthsSql(numerator, denominator)} / 10.0)::numeric(30, 1)::text end)`;
}

/** Tenths of a percent, rounded half away from zero, for a positive denominator. */
function tenthsSql(numerator: SQL, denominator: SQL): SQL {
  const n = sql`(${numerator})::numeric`;
  const d = sql`(${denominator})::numeric`;
  return sql`(sign(${n}) * div(2 * abs(${n}) * 1000 + ${d}, 2 * ${d}))`;
}

/**
 * 年度投资计划完成率 = year-to-date ÷ annual plan, as `percentSql`: the SQL twin of the domain's
 * `planCompletionRate` (tested on `planCompletionRateCases`).
 */
export const planCompletionRateSql = (completedYtdWanYuan: SQL, plannedWanYuan: SQL) =>
  percentSql(completedYtdWanYuan, plannedWanYuan);

/**
 * Behind 序时进度: the one-decimal completion rate below the one-decimal months ÷ 12 (equal is on
 * time; no plan is never behind). The SQL twin of the domain's `isBehindTimeProgress` over
 * `planCompletionRate` and `timeProgress` (tested on `behindTimeProgressCases`); the cockpit's
 * "behind" drill-down reads it.
 */
export function behindTimeProgressSql(
  completedYtdWanYuan: SQL,
  plannedWanYuan: SQL,
  month: number | SQL,
): SQL<boolean> {
  const planned = sql`(${plannedWanYuan})::numeric`;
  return sql<boolean>`(case when ${planned} > 0 then ${tenthsSql(completedYtdWanYuan, planned)}
    < ${tenthsSql(sql`${month}::int`, sql`12`)} else false end)`;
}

/**
 * Whether a project counts as started for 开工率: its plan says it starts this year and its implied
 * stage at `at` is 新开工 or later (`hasStarted`). The numerator of the domain's `startRate`, whose
 * denominator counts `plansStart` (tested on `startRateCases` with `percentSql` over the two counts).
 */
export function startedForStartRateSql(
  plansStart: SQL,
  at: StageAsOf,
  columns: StageColumns = projectStageColumns,
): SQL<boolean> {
  return sql<boolean>`(${plansStart} and ${hasStartedSql(at, columns)})`;
}

/** 开工率 over counts: the SQL twin of the domain's `startRate` (`percentSql`). */
export const startRateSql = (started: SQL, plannedToStart: SQL) => percentSql(started, plannedToStart);
