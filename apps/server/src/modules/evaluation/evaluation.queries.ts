import type { EvaluationHistory, EvaluationResults, WhatItTakes, WhatItTakesQuery } from '@tuijin/contracts';
import { AppError, authorize, parseQuarter, quartersUpTo, whatItTakes } from '@tuijin/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { evaluationResults, evaluationRuns } from '../../db/schema';
import { presentEntry, presentRun, type RunRow } from './evaluation.presenter';
import { loadScheme, type SchemeRow } from './evaluation-scope';

/**
 * The run shown for a quarter: the published one if any; else, for readers inside the scheme's
 * jurisdiction, the run of the current version, else the latest computed (then marked stale).
 * Readers below the scheme's region see published runs only.
 */
async function shownRun(
  db: Queryable,
  scheme: SchemeRow & { isInside: boolean },
  quarter: string,
): Promise<RunRow | null> {
  const runs = await db
    .select()
    .from(evaluationRuns)
    .where(and(eq(evaluationRuns.schemeId, scheme.id), eq(evaluationRuns.quarter, quarter)))
    .orderBy(desc(evaluationRuns.schemeVersion));
  const published = runs.find((r) => r.status === 'published');
  if (published) return published;
  if (!scheme.isInside) return null;
  return runs.find((r) => r.schemeVersion === scheme.version) ?? runs[0] ?? null;
}

async function entriesOf(db: Queryable, runId: string) {
  const rows = await db
    .select({ breakdown: evaluationResults.breakdown })
    .from(evaluationResults)
    .where(eq(evaluationResults.runId, runId))
    .orderBy(asc(evaluationResults.rank), asc(evaluationResults.entityCode));
  return rows.map((r) => presentEntry(r.breakdown));
}

/** 季度排名: every entity's rank, total, full breakdown and red/black list place, as stored by the run. */
export async function getEvaluationResults(
  ctx: Ctx,
  schemeId: string,
  quarter: string,
): Promise<EvaluationResults> {
  authorize(ctx.actor, 'evaluation.read');
  parseQuarter(quarter);
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId);
  const run = await shownRun(ctx.db, scheme, quarter);
  return {
    schemeId,
    quarter,
    run: run ? presentRun(run) : null,
    entries: run ? await entriesOf(ctx.db, run.id) : [],
    isStale: run !== null && run.status === 'computed' && run.schemeVersion !== scheme.version,
  };
}

/** 差距测算 over the shown run of the quarter, by the domain's `whatItTakes`. */
export async function getEvaluationWhatItTakes(
  ctx: Ctx,
  schemeId: string,
  query: WhatItTakesQuery,
): Promise<WhatItTakes> {
  authorize(ctx.actor, 'evaluation.read');
  parseQuarter(query.quarter);
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId);
  const run = await shownRun(ctx.db, scheme, query.quarter);
  if (!run) throw new AppError('NOT_FOUND', `${query.quarter} 没有考评结果`);
  const rows = await ctx.db
    .select({ breakdown: evaluationResults.breakdown })
    .from(evaluationResults)
    .where(eq(evaluationResults.runId, run.id));
  return whatItTakes(
    rows.map((r) => r.breakdown),
    query.code,
    query.rank,
  );
}

/** 历次考评: the shown run of each quarter of the year (Q1–Q4) with every entity's rank and total. */
export async function getEvaluationHistory(
  ctx: Ctx,
  schemeId: string,
  year: number,
): Promise<EvaluationHistory> {
  authorize(ctx.actor, 'evaluation.read');
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId);
  const quarters: EvaluationHistory['quarters'] = [];
  const shown: RunRow[] = [];
  for (const quarter of quartersUpTo(`${year}Q4`)) {
    const run = await shownRun(ctx.db, scheme, quarter);
    if (run) shown.push(run);
  }
  const rows =
    shown.length === 0
      ? []
      : await ctx.db
          .select()
          .from(evaluationResults)
          .where(
            inArray(
              evaluationResults.runId,
              shown.map((r) => r.id),
            ),
          )
          .orderBy(asc(evaluationResults.rank), asc(evaluationResults.entityCode));
  for (const run of shown)
    quarters.push({
      quarter: run.quarter,
      status: run.status,
      entries: rows
        .filter((r) => r.runId === run.id)
        .map((r) => ({
          code: r.entityCode,
          name: r.entityName,
          rank: r.rank,
          total: r.breakdown.total,
          list: r.list,
        })),
    });
  return { schemeId, year, quarters };
}
