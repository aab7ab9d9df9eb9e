import {
  behindTimeProgressCases,
  completedYearToDate,
  cumulativePlanCases,
  cumulativePlanToMonth,
  formatDecimal,
  hasStarted,
  isBehindTimeProgress,
  isOverdueProblem,
  overdueProblemCases,
  parseDecimal,
  planCompletionRate,
  planCompletionRateCases,
  startRate,
  startRateCases,
  timeProgress,
  yearToDateCases,
} from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { queryRows } from '../rows';
import { cumulativePlanSql, cumulativePlanTermsSql } from './cumulative-plan';
import {
  behindTimeProgressSql,
  planCompletionRateSql,
  startedForStartRateSql,
  startRateSql,
} from './indicators';
import { isOverdueProblemSql } from './overdue-problem';
import { countsTowardYearToDateSql, reportColumnsOf } from './year-to-date';

// Each SQL rule runs over the domain's own table of cases (literals, or a VALUES list standing in for
// the table) and must answer what the domain function answers — on PGlite here, on PostgreSQL in the
// db-postgres tier, which runs this same file.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const one = async <T>(query: SQL) => {
  const [row] = await queryRows<T>(t.db, query);
  return row!;
};
const amount = (value: string) => sql`${value}::numeric`;
const normal = (value: string | number) => formatDecimal(parseDecimal(String(value)));

describe('year-to-date completed: countsTowardYearToDateSql ≡ completedYearToDate', () => {
  it.each(yearToDateCases)('%s', async (_name, reports, at, expected) => {
    const rows =
      reports.length === 0
        ? sql`select null::int as year, null::int as month, null::text as status,
            null::numeric as completed_wan_yuan where false`
        : sql.join(
            reports.map(
              (r) =>
                sql`select ${r.year}::int as year, ${r.month}::int as month, ${r.status}::text as status,
                  ${r.completedWanYuan}::numeric as completed_wan_yuan`,
            ),
            sql` union all `,
          );
    const row = await one<{ ytd: string }>(
      sql`select coalesce(sum(r.completed_wan_yuan) filter (where ${countsTowardYearToDateSql(at, reportColumnsOf('r'))}), 0)::text as ytd
        from (${rows}) r`,
    );
    expect(completedYearToDate(reports, at)).toBe(expected);
    expect(normal(row.ytd)).toBe(expected);
  });
});

describe('plan completion rate: planCompletionRateSql ≡ planCompletionRate', () => {
  it.each(planCompletionRateCases)('%s', async (_name, ytd, planned, expected) => {
    const row = await one<{ percent: string | null }>(
      sql`select ${planCompletionRateSql(amount(ytd), amount(planned))} as percent`,
    );
    expect(planCompletionRate({ completedYtdWanYuan: ytd, plannedWanYuan: planned }).percent).toBe(expected);
    expect(row.percent).toBe(expected);
  });
});

describe('behind time progress: behindTimeProgressSql ≡ isBehindTimeProgress', () => {
  it.each(behindTimeProgressCases)('%s', async (_name, ytd, planned, month, expected) => {
    const row = await one<{ behind: boolean }>(
      sql`select ${behindTimeProgressSql(amount(ytd), amount(planned), month)} as behind`,
    );
    const completion = planCompletionRate({ completedYtdWanYuan: ytd, plannedWanYuan: planned }).percent;
    const time = timeProgress({ year: 2026, asOfMonth: month }).percent ?? '0';
    expect(isBehindTimeProgress(completion, time)).toBe(expected);
    expect(row.behind).toBe(expected);
  });
});

describe('start rate: startedForStartRateSql and startRateSql ≡ hasStarted and startRate', () => {
  it.each(startRateCases)('%s', async (_name, projects, at, expected) => {
    const rows = sql.join(
      projects.map(
        (p) =>
          sql`select ${p.plansStart}::boolean as plans_start, ${p.facts.recordedStage}::text as stage,
            ${p.facts.actualStartOn}::date as start_on, ${p.facts.actualCompletionOn}::date as completion_on,
            ${p.facts.actualOperationOn}::date as operation_on`,
      ),
      sql` union all `,
    );
    const columns = {
      recordedStage: sql`p.stage`,
      actualStartOn: sql`p.start_on`,
      actualCompletionOn: sql`p.completion_on`,
      actualOperationOn: sql`p.operation_on`,
    };
    const started = sql`count(*) filter (where ${startedForStartRateSql(sql`p.plans_start`, at, columns)})`;
    const planned = sql`count(*) filter (where p.plans_start)`;
    const row = await one<{ percent: string | null }>(
      sql`select ${startRateSql(started, planned)} as percent from (${rows}) p`,
    );
    const domain = startRate({
      started: projects.filter((p) => p.plansStart && hasStarted(p.facts, at)).length,
      plannedToStart: projects.filter((p) => p.plansStart).length,
    });
    expect(domain.percent).toBe(expected);
    expect(row.percent).toBe(expected);
  });
});

describe('overdue problem: isOverdueProblemSql ≡ isOverdueProblem', () => {
  it.each(overdueProblemCases)('%s', async (_name, status, dueOn, today, expected) => {
    const row = await one<{ overdue: boolean }>(
      sql`select ${isOverdueProblemSql(today, { status: sql`${status}::text`, dueOn: sql`${dueOn}::date` })} as overdue`,
    );
    expect(isOverdueProblem(status, dueOn, today)).toBe(expected);
    expect(row.overdue).toBe(expected);
  });
});

describe('cumulative plan: cumulativePlanSql and its monthly terms ≡ cumulativePlanToMonth', () => {
  it.each(cumulativePlanCases)('%s', async (_name, plan, month, expected) => {
    const columns = {
      splitKind: sql`${plan.splitKind}::text`,
      splitWanYuan: plan.splitWanYuan
        ? sql`(array[${sql.join(
            plan.splitWanYuan.map((v) => sql`${v}::numeric`),
            sql`, `,
          )}])`
        : sql`(null::numeric[])`,
      plannedWanYuan: amount(plan.plannedInvestmentWanYuan),
    };
    const terms = Array.from({ length: month }, (_, i) => cumulativePlanTermsSql(columns, i + 1));
    const regrouped =
      month === 0
        ? sql`0`
        : sql`${sql.join(
            terms.map((term) => sql`(${term.increment})`),
            sql` + `,
          )} + (${terms[month - 1]!.point})`;
    const row = await one<{ direct: string; regrouped: string }>(
      sql`select ${cumulativePlanSql(columns, sql`${month}::int`)}::text as direct, (${regrouped})::text as regrouped`,
    );
    expect(cumulativePlanToMonth(plan, month)).toBe(expected);
    expect(normal(row.direct)).toBe(expected);
    expect(normal(row.regrouped)).toBe(expected);
  });
});
