import type { ProblemStatistics, ProblemStatisticsQuery } from '@tuijin/contracts';
import { authorize, chinaDate, problemFigures } from '@tuijin/domain';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { queryRows } from '../../db/rows';
import { isOverdueProblemSql } from '../../db/rules';
import { organisations, problems, projects, regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { problemScope } from './problem-scope';
import { regionPathOf } from './problems.queries';

/** China date of an instant column, in SQL (Beijing has no daylight saving). */
const chinaDay = (column: typeof problems.raisedAt | typeof problems.writtenOffAt) =>
  sql`((${column} + interval '8 hours') at time zone 'UTC')::date`;

/** The day after a YYYY-MM-DD (for an inclusive "to"). */
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * 问题统计 over the problems the actor may see, grouped by category, region, handling department or
 * level: received (all but rejected), solved (written off), overdue (open past the due date) and
 * the days from raising to write-off are summed in SQL; the rate and the average come from
 * `problemFigures`, and the total row is recomputed from the summed counts, never averaged.
 */
export async function getProblemStatistics(
  ctx: Ctx,
  query: ProblemStatisticsQuery,
): Promise<ProblemStatistics> {
  authorize(ctx.actor, 'problem.read');
  const today = chinaDate(ctx.clock.now());
  const where = and(
    problemScope(ctx.actor),
    query.regionCode
      ? inRegionSubtree(problems.regionPath, await regionPathOf(ctx.db, query.regionCode))
      : undefined,
    query.from ? gte(chinaDay(problems.raisedAt), sql`${query.from}::date`) : undefined,
    query.to ? lt(chinaDay(problems.raisedAt), sql`${nextDay(query.to)}::date`) : undefined,
  );
  const key = {
    category: sql`${problems.category}`,
    region: sql`${problems.regionCode}`,
    department: sql`coalesce(${problems.handlerOrganisationId}::text, '')`,
    level: sql`${problems.level}::text`,
  }[query.by];
  const label = {
    category: sql`${problems.category}`,
    region: sql`max(${regions.name})`,
    department: sql`coalesce(max(${organisations.name}), '未交办')`,
    level: sql`'第' || ${problems.level}::text || '级'`,
  }[query.by];
  const rows = await queryRows<{
    key: string;
    label: string;
    received: number | string;
    solved: number | string;
    overdue: number | string;
    days: number | string | null;
  }>(
    ctx.db,
    sql`select ${key} as key, ${label} as label,
        count(*) filter (where ${problems.status} <> 'rejected')::int as received,
        count(*) filter (where ${problems.status} = 'written_off')::int as solved,
        count(*) filter (where ${isOverdueProblemSql(today)})::int as overdue,
        coalesce(sum(${chinaDay(problems.writtenOffAt)} - ${chinaDay(problems.raisedAt)})
          filter (where ${problems.status} = 'written_off'), 0)::int as days
      from ${problems}
      join ${projects} on ${eq(projects.id, problems.projectId)}
      left join ${regions} on ${eq(regions.code, problems.regionCode)}
      left join ${organisations} on ${eq(organisations.id, problems.handlerOrganisationId)}
      where ${where ?? sql`true`}
      group by ${key}${query.by === 'level' ? sql`, ${problems.level}` : sql``}
      order by 1`,
  );
  const figuresOf = (r: { received: number; solved: number; overdue: number; days: number }) =>
    problemFigures({ received: r.received, solved: r.solved, overdue: r.overdue, totalDaysToSolve: r.days });
  const counted = rows.map((r) => ({
    key: String(r.key),
    label: String(r.label),
    received: Number(r.received),
    solved: Number(r.solved),
    overdue: Number(r.overdue),
    days: Number(r.days ?? 0),
  }));
  const sum = (pick: (r: (typeof counted)[number]) => number) => counted.reduce((acc, r) => acc + pick(r), 0);
  return {
    by: query.by,
    rows: counted.map((r) => ({ key: r.key, label: r.label, figures: figuresOf(r) })),
    total: figuresOf({
      received: sum((r) => r.received),
      solved: sum((r) => r.solved),
      overdue: sum((r) => r.overdue),
      days: sum((r) => r.days),
    }),
  };
}
