import {
  chinaDate,
  evaluateWarning,
  monthKey,
  previousPeriod,
  systemActor,
  type WarningPeriod,
  type WarningResult,
  type WarningRuleSet,
} from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, warningResults } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit } from '../audit';
import { publishedRuleSets, type RuleSetRow, ruleSetForPath } from './rule-sets';
import { excusedDimensions, loadWarningFacts, type ProjectFacts } from './warning-facts';

/** Projects per colour. */
export type WarningCounts = Record<'green' | 'yellow' | 'red', number>;

/** What one run of the monthly job did. */
export interface RecomputeOutcome {
  month: string;
  /** Projects evaluated (those under a published rule set). */
  computed: number;
  /** Rows inserted or changed; 0 on a second run over unchanged data. */
  changed: number;
  counts: WarningCounts;
}

/** The month the job computes by default: the one before `today`'s month (China date). */
export function defaultWarningMonth(now: Date): WarningPeriod {
  const today = chinaDate(now);
  return previousPeriod({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
}

/** Each project evaluated under the rule set in force for it, with the facts and graces of `period`. */
export async function evaluateProjects(
  db: Ctx['db'],
  where: Parameters<typeof loadWarningFacts>[1],
  period: WarningPeriod,
  today: string,
  pick: (project: ProjectFacts) => RuleSetRow | null,
): Promise<{ project: ProjectFacts; ruleSet: RuleSetRow; result: WarningResult }[]> {
  const facts = await loadWarningFacts(db, where, period, today);
  const excused = await excusedDimensions(
    db,
    facts.map((f) => f.projectId),
    monthKey(period),
  );
  const out: { project: ProjectFacts; ruleSet: RuleSetRow; result: WarningResult }[] = [];
  for (const project of facts) {
    const ruleSet = pick(project);
    if (!ruleSet) continue;
    const result = evaluateWarning(
      { ...project.facts, excused: excused.get(project.projectId) ?? [] },
      ruleSet.rules as WarningRuleSet,
      period,
    );
    out.push({ project, ruleSet, result });
  }
  return out;
}

/**
 * 月度预警计算: evaluates every project being prepared or built in `regionPath`'s subtree ('' =
 * all) for `period` under the published rule set in force for it, and stores the colour keyed by
 * (rule version, project, month). Idempotent: a row whose colour and reasons are unchanged is left
 * alone, so a second run over the same data writes nothing; a changed one is updated in place. One
 * transaction with one `warning.recompute` audit event when anything was written. Used by the
 * server's monthly timer, `tuijin warnings recompute`, the recompute endpoint and publishing.
 */
export async function recomputeWarnings(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'> & Partial<Pick<Ctx, 'actor' | 'ip'>>,
  input: { period: WarningPeriod; regionPath?: string },
): Promise<RecomputeOutcome> {
  const now = ctx.clock.now();
  const month = monthKey(input.period);
  const root = input.regionPath ?? '';
  const inForce = await publishedRuleSets(ctx.db);
  const evaluated = await evaluateProjects(
    ctx.db,
    inRegionSubtree(projects.regionPath, root),
    input.period,
    chinaDate(now),
    (p) => ruleSetForPath(inForce, p.regionPath),
  );
  const counts: WarningCounts = { green: 0, yellow: 0, red: 0 };
  for (const e of evaluated) counts[e.result.colour] += 1;
  const changed = await ctx.db.transaction(async (tx) => {
    const existing =
      evaluated.length === 0
        ? []
        : await tx
            .select({
              ruleSetId: warningResults.ruleSetId,
              projectId: warningResults.projectId,
              colour: warningResults.colour,
              reasons: warningResults.reasons,
            })
            .from(warningResults)
            .where(
              and(
                eq(warningResults.month, month),
                inArray(
                  warningResults.projectId,
                  evaluated.map((e) => e.project.projectId),
                ),
              ),
            );
    const known = new Map(existing.map((r) => [`${r.ruleSetId}|${r.projectId}`, r]));
    const writes = evaluated.filter((e) => {
      const old = known.get(`${e.ruleSet.id}|${e.project.projectId}`);
      return !old || old.colour !== e.result.colour || canonical(old.reasons) !== canonical(e.result.reasons);
    });
    for (let i = 0; i < writes.length; i += 500) {
      const chunk = writes.slice(i, i + 500).map((e) => ({
        ruleSetId: e.ruleSet.id,
        projectId: e.project.projectId,
        regionPath: e.project.regionPath,
        month,
        colour: e.result.colour,
        reasons: e.result.reasons,
        computedAt: now,
      }));
      await tx
        .insert(warningResults)
        .values(chunk)
        .onConflictDoUpdate({
          target: [warningResults.ruleSetId, warningResults.projectId, warningResults.month],
          set: {
            colour: sqlExcluded('colour'),
            reasons: sqlExcluded('reasons'),
            computedAt: sqlExcluded('computed_at'),
          },
        });
    }
    if (writes.length > 0)
      await recordAudit(
        tx,
        { actor: ctx.actor ?? systemActor, clock: ctx.clock, ip: ctx.ip ?? null, auditKey: ctx.auditKey },
        {
          action: 'warning.recompute',
          entityType: 'warningMonth',
          entityId: month,
          regionPath: root || null,
          detail: { month, computed: evaluated.length, changed: writes.length, ...counts },
        },
      );
    return writes.length;
  });
  return { month, computed: evaluated.length, changed, counts };
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so compare canonically. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** `excluded.<column>` in an upsert's SET. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
