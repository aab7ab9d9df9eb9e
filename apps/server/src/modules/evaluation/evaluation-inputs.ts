import {
  chinaDate,
  type EntityInput,
  type EvaluationEntityKind,
  formatDecimal,
  parseDecimal,
  type Quarter,
} from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { queryRows } from '../../db/rows';
import { projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { cockpitBaseSql, reportingDeadlines } from '../cockpit';
import { listSchemeEntities } from './evaluation-entities';

type Count = number | string;

/** The child (entity) a row with `pathColumn` falls under: the first depth + 1 codes of its path. */
const childPathSql = (pathColumn: SQL, depth: number) =>
  sql`array_to_string((string_to_array(${pathColumn}, '.'))[1:${depth + 1}::int], '.')`;

/**
 * The raw figures of every region directly under `schemeRegion` for one quarter, each summed in SQL
 * over the region's subtree and the actor's project scope (an office computing its own scheme sees
 * all of it):
 * - plan completion: approved completed investment Jan–quarter end ÷ annual planned investment
 *   (the live, adjusted plan), from the cockpit's base rows;
 * - start rate: projects planned to start this year that have started (approved report with an
 *   actual start date) by the quarter's end ÷ planned to start;
 * - new starts: projects whose approved report gives an actual start date inside the quarter;
 * - problem resolution: problems raised this year up to the quarter's end (rejected ones excepted)
 *   that are written off by then ÷ received — by their present status (a reopened one is unsolved);
 * - reporting timeliness: over the quarter's three months, reports submitted on time ÷ those whose
 *   timeliness is decided (on time, late or missing past the deadline, by the reports module's
 *   `reportingDeadlineResolver`); a report not yet due counts in neither.
 * Projects placed on the scheme's own region (本级) belong to no region entity. For a department
 * scheme the same figures are grouped by the project's responsible department (problems by the
 * department handling them) over the whole region subtree.
 */
export async function loadEvaluationInputs(
  ctx: Ctx,
  schemeRegion: { code: string; path: string },
  quarter: Quarter,
  entityKind: EvaluationEntityKind = 'region',
): Promise<Omit<EntityInput, 'adjustments' | 'exemptionReason'>[]> {
  const children = await listSchemeEntities(ctx.db, { regionCode: schemeRegion.code, entityKind });
  const depth = schemeRegion.path.split('.').length;
  const byDepartment = entityKind === 'department';
  /** The entity key of a row: the child region's path, or the responsible department's id. */
  const keyOf = (path: SQL, department: SQL) =>
    byDepartment ? sql`${department}::text` : childPathSql(path, depth);
  const today = chinaDate(ctx.clock.now());
  const basePeriod = (month: number) => ({ year: quarter.year, month, basis: 'adjusted' as const });

  const endDeadlines = await reportingDeadlines(
    ctx.db,
    schemeRegion.path,
    quarter.year,
    quarter.endMonth,
    today,
  );
  const planRows = await queryRows<{
    child: string;
    planned: string;
    ytd: string;
    plans_start: Count;
    started: Count;
  }>(
    ctx.db,
    sql`with base as (${cockpitBaseSql(ctx.actor, schemeRegion.path, basePeriod(quarter.endMonth), endDeadlines.passedRegionCodes, today)})
      select ${keyOf(sql`b.region_path`, sql`b.responsible_department_id`)} as child,
        coalesce(sum(b.planned), 0)::text as planned, coalesce(sum(b.ytd), 0)::text as ytd,
        (count(*) filter (where b.plans_start))::int as plans_start,
        (count(*) filter (where b.started))::int as started
      from base b group by 1`,
  );

  const timeliness = new Map<string, { onTime: number; decided: number }>();
  for (let month = quarter.startMonth; month <= quarter.endMonth; month++) {
    const deadlines =
      month === quarter.endMonth
        ? endDeadlines
        : await reportingDeadlines(ctx.db, schemeRegion.path, quarter.year, month, today);
    const rows = await queryRows<{ child: string; on_time: Count; decided: Count }>(
      ctx.db,
      sql`with base as (${cockpitBaseSql(ctx.actor, schemeRegion.path, basePeriod(month), deadlines.passedRegionCodes, today)})
        select ${keyOf(sql`b.region_path`, sql`b.responsible_department_id`)} as child,
          (count(*) filter (where b.is_due and b.on_time_m))::int as on_time,
          (count(*) filter (where b.is_due and (b.on_time_m or b.late_m or b.missing_m)))::int as decided
        from base b group by 1`,
    );
    for (const row of rows) {
      const sum = timeliness.get(row.child) ?? { onTime: 0, decided: 0 };
      sum.onTime += Number(row.on_time);
      sum.decided += Number(row.decided);
      timeliness.set(row.child, sum);
    }
  }

  const scope = sql`${projectScope(ctx.actor)} and ${inRegionSubtree(projects.regionPath, schemeRegion.path)}`;
  const newStartRows = await queryRows<{ child: string; n: Count }>(
    ctx.db,
    sql`select ${keyOf(sql`projects.region_path`, sql`projects.responsible_department_id`)} as child, count(distinct projects.id)::int as n
      from projects
      where ${scope} and projects.stage <> 'dropped'
        and projects.actual_start_on between ${quarter.startDate}::date and ${quarter.endDate}::date
        and projects.actual_start_on <= ${today}::date
      group by 1`,
  );

  const day = (column: string) => sql.raw(`((p.${column} + interval '8 hours') at time zone 'UTC')::date`);
  const problemRows = await queryRows<{ child: string; received: Count; solved: Count }>(
    ctx.db,
    sql`select ${keyOf(sql`p.region_path`, sql`p.handler_organisation_id`)} as child,
        count(*)::int as received,
        (count(*) filter (where p.status = 'written_off' and ${day('written_off_at')} <= ${quarter.endDate}::date))::int as solved
      from problems p join projects on projects.id = p.project_id
      where ${scope} and p.status <> 'rejected'
        and ${day('raised_at')} between ${`${quarter.year}-01-01`}::date and ${quarter.endDate}::date
      group by 1`,
  );

  const byChild = <T extends { child: string }>(rows: T[]) => new Map(rows.map((r) => [r.child, r]));
  const plans = byChild(planRows);
  const starts = byChild(newStartRows);
  const problems = byChild(problemRows);
  const amount = (value: string | undefined) => formatDecimal(parseDecimal(value ?? '0'));
  return children.map((child) => {
    const key = byDepartment ? child.code : (child.path ?? '');
    const plan = plans.get(key);
    const timely = timeliness.get(key) ?? { onTime: 0, decided: 0 };
    const problem = problems.get(key);
    return {
      code: child.code,
      name: child.name,
      figures: {
        planCompletionRate: { numerator: amount(plan?.ytd), denominator: amount(plan?.planned) },
        startRate: {
          numerator: String(Number(plan?.started ?? 0)),
          denominator: String(Number(plan?.plans_start ?? 0)),
        },
        newStarts: { numerator: String(Number(starts.get(key)?.n ?? 0)), denominator: '0' },
        problemResolution: {
          numerator: String(Number(problem?.solved ?? 0)),
          denominator: String(Number(problem?.received ?? 0)),
        },
        reportingTimeliness: { numerator: String(timely.onTime), denominator: String(timely.decided) },
      },
    };
  });
}
