import { AppError, parseQuarter } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { evaluationRuns, evaluationSchemes } from '../../db/schema';
import { computeEvaluation } from './compute-evaluation';
import { getEvaluationResults } from './evaluation.queries';
import { schemeVisibleSql } from './evaluation-scope';

/** What one scheme's computation did: its ranking, or skipped because the quarter is published. */
export interface SchemeComputation {
  schemeId: string;
  schemeName: string;
  regionCode: string;
  status: 'computed' | 'published';
  entries: { code: string; name: string; rank: number; total: string; list: 'red' | 'black' | null }[];
}

/**
 * Computes one quarter under every scheme the actor may manage (or the one scheme named) — the
 * `tuijin evaluation compute` command. A scheme whose quarter is published is left as it is and
 * reported with its frozen ranking; each computation is its own transaction and idempotent.
 */
export async function computeAllEvaluations(
  ctx: Ctx,
  quarterKey: string,
  schemeId?: string,
): Promise<SchemeComputation[]> {
  const quarter = parseQuarter(quarterKey);
  const schemes = await ctx.db
    .select()
    .from(evaluationSchemes)
    .where(and(schemeVisibleSql(ctx.actor), schemeId ? eq(evaluationSchemes.id, schemeId) : undefined))
    .orderBy(asc(evaluationSchemes.regionPath), asc(evaluationSchemes.createdAt));
  if (schemeId && schemes.length === 0) throw new AppError('NOT_FOUND', `考评方案不存在：${schemeId}`);
  const out: SchemeComputation[] = [];
  for (const scheme of schemes) {
    const [published] = await ctx.db
      .select({ id: evaluationRuns.id })
      .from(evaluationRuns)
      .where(
        and(
          eq(evaluationRuns.schemeId, scheme.id),
          eq(evaluationRuns.quarter, quarter.key),
          eq(evaluationRuns.status, 'published'),
        ),
      );
    if (!published) await computeEvaluation(ctx, scheme.id, quarter.key);
    const results = await getEvaluationResults(ctx, scheme.id, quarter.key);
    out.push({
      schemeId: scheme.id,
      schemeName: scheme.name,
      regionCode: scheme.regionCode,
      status: published ? 'published' : 'computed',
      entries: results.entries.map((e) => ({
        code: e.code,
        name: e.name,
        rank: e.rank,
        total: e.total,
        list: e.list,
      })),
    });
  }
  return out;
}
