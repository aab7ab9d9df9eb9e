import type { ProblemStatistics, ProblemStatisticsQuery } from '@tuijin/contracts';
import { authorize, chinaDate, isSystemActor, problemFigures } from '@tuijin/domain';
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
  options: { keptSums?: boolean } = {},
): Promise<ProblemStatistics> {
  authorize(ctx.actor, 'problem.read');
  const today = chinaDate(ctx.clock.now());
  const regionPath = query.regionCode ? await regionPathOf(ctx.db, query.regionCode) : null;
  const rows =
    options.keptSums !== false && (await canReadKeptProblemSums(ctx, query))
      ? await keptProblemRows(ctx, regionPath, today)
      : await problemRows(ctx, query, regionPath, today);
  return presentStatistics(query, rows);
}

interface CountRow {
  key: string;
  label: string;
  received: number | string;
  solved: number | string;
  overdue: number | string;
  days: number | string | null;
}

/** Roles whose problem scope is more than the projects of their region's subtree. */
const partialScopeRoles = ['department_staff', 'owner', 'leader', 'service_officer'];

/**
 * Whether 问题统计 by region can be read from the kept counts (`region_problem_sums`, issue 18 item
 * 2): no raising-date range (the counts are kept per due date, not per raising date), an actor who
 * sees the problems of every project in their region's subtree and no other (an office or a
 * supervisor; a department also sees what is routed to it, an owner only their own) — unless they
 * raised a problem on a project now outside their subtree (moved away), which the per-problem path
 * still shows them.
 */
async function canReadKeptProblemSums(ctx: Ctx, query: ProblemStatisticsQuery): Promise<boolean> {
  if (query.by !== 'region' || query.from !== undefined || query.to !== undefined) return false;
  if (isSystemActor(ctx.actor)) return true;
  const { actor } = ctx;
  if (actor.roles.some((role) => partialScopeRoles.includes(role))) return false;
  if (!actor.roles.some((role) => role === 'office_staff' || role === 'supervisor')) return false;
  const [stray] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select ${problems.id} as id from ${problems} join ${projects} on ${eq(projects.id, problems.projectId)}
      where ${problems.raisedBy} = ${actor.userId} and not ${inRegionSubtree(projects.regionPath, actor.regionPath)}
      limit 1`,
  );
  return stray === undefined;
}

/**
 * The counts by problem region from the kept sums: the rows whose project lies in the actor's
 * subtree (the scope) and whose problem region lies under the chosen one; overdue is the open ones
 * due before today — an index range per region rather than a scan of the problems.
 */
async function keptProblemRows(ctx: Ctx, regionPath: string | null, today: string): Promise<CountRow[]> {
  const projectRegion = sql`pr.path`;
  const inScope = isSystemActor(ctx.actor)
    ? sql`true`
    : ctx.actor.regionPath === ''
      ? sql`true`
      : sql`(${projectRegion} = ${ctx.actor.regionPath} or ${projectRegion} like ${`${ctx.actor.regionPath}.%`})`;
  const inRegion =
    regionPath === null ? sql`true` : sql`(r.path = ${regionPath} or r.path like ${`${regionPath}.%`})`;
  return queryRows<CountRow>(
    ctx.db,
    sql`select s.region_code as key, max(r.name) as label, sum(s.received)::int as received,
        sum(s.solved)::int as solved, coalesce(sum(s.open) filter (where s.due_on < ${today}::date), 0)::int as overdue,
        sum(s.days)::int as days
      from region_problem_sums s join ${regions} r on r.code = s.region_code
        join ${regions} pr on pr.code = s.project_region_code
      where ${inRegion} and ${inScope}
      group by s.region_code
      order by 1`,
  );
}

/** The counts from the problems themselves: any dimension, raising-date range and scope. */
async function problemRows(
  ctx: Ctx,
  query: ProblemStatisticsQuery,
  regionPath: string | null,
  today: string,
): Promise<CountRow[]> {
  const where = and(
    problemScope(ctx.actor),
    regionPath !== null ? inRegionSubtree(problems.regionPath, regionPath) : undefined,
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
  return queryRows<CountRow>(
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
}

function presentStatistics(query: ProblemStatisticsQuery, rows: readonly CountRow[]): ProblemStatistics {
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
