import type { EvaluationRunSummary } from '@tuijin/contracts';
import { AppError, authorize, type EntityInput, parseQuarter, scoreEntities } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { evaluationAdjustments, evaluationResults, evaluationRuns, regions } from '../../db/schema';
import { recordAudit } from '../audit';
import { presentRun } from './evaluation.presenter';
import { assertQuarterOpen } from './evaluation-adjustments';
import { loadEvaluationInputs } from './evaluation-inputs';
import { loadScheme } from './evaluation-scope';

/**
 * 计算季度考评: gathers every entity's raw figures for the quarter, applies the quarter's bonuses,
 * penalties and exemptions, scores and ranks them by the domain's `scoreEntities`, and stores one
 * result per entity under (scheme version, quarter) — replacing that run's earlier results, so a
 * re-run is idempotent. A quarter already published under the scheme is PERIOD_CLOSED. One
 * transaction with its audit event.
 */
export async function computeEvaluation(
  ctx: Ctx,
  schemeId: string,
  quarterKey: string,
): Promise<EvaluationRunSummary> {
  authorize(ctx.actor, 'evaluation.manage');
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId, { manage: true });
  const quarter = parseQuarter(quarterKey);
  await assertQuarterOpen(ctx.db, schemeId, quarter.key);
  const [schemeRegion] = await ctx.db.select().from(regions).where(eq(regions.code, scheme.regionCode));
  const inputs = await loadEvaluationInputs(ctx, schemeRegion!, quarter, scheme.entityKind);
  const adjustments = await ctx.db
    .select()
    .from(evaluationAdjustments)
    .where(and(eq(evaluationAdjustments.schemeId, schemeId), eq(evaluationAdjustments.quarter, quarter.key)));
  const entities: EntityInput[] = inputs.map((input) => {
    const own = adjustments.filter((a) => a.entityCode === input.code);
    const exemptions = own.filter((a) => a.kind === 'exemption').map((a) => a.reason);
    return {
      ...input,
      adjustments: own.flatMap((a) =>
        a.kind === 'exemption' ? [] : [{ kind: a.kind, points: a.points ?? '0', reason: a.reason }],
      ),
      exemptionReason: exemptions.length > 0 ? exemptions.join('；') : null,
    };
  });
  const scores = scoreEntities({ rules: scheme.rules, quarter, entities });
  const now = ctx.clock.now();
  const run = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(evaluationRuns)
      .where(
        and(
          eq(evaluationRuns.schemeId, schemeId),
          eq(evaluationRuns.schemeVersion, scheme.version),
          eq(evaluationRuns.quarter, quarter.key),
        ),
      );
    const fields = {
      schemeName: scheme.name,
      rules: scheme.rules,
      status: 'computed' as const,
      computedAt: now,
      computedByName: ctx.actor.displayName,
    };
    const [saved] = existing
      ? await tx.update(evaluationRuns).set(fields).where(eq(evaluationRuns.id, existing.id)).returning()
      : await tx
          .insert(evaluationRuns)
          .values({ schemeId, schemeVersion: scheme.version, quarter: quarter.key, ...fields })
          .returning();
    await tx.delete(evaluationResults).where(eq(evaluationResults.runId, saved!.id));
    if (scores.length > 0)
      await tx.insert(evaluationResults).values(
        scores.map((s) => ({
          runId: saved!.id,
          entityCode: s.code,
          entityName: s.name,
          rank: s.rank,
          totalPoints: s.total,
          isTargetMet: s.isTargetMet,
          list: s.list,
          breakdown: s,
        })),
      );
    await recordAudit(tx, ctx, {
      action: 'evaluation.compute',
      entityType: 'evaluationScheme',
      entityId: schemeId,
      regionPath: scheme.regionPath,
      detail: {
        quarter: quarter.key,
        schemeVersion: scheme.version,
        ranking: scores.map((s) => ({ code: s.code, rank: s.rank, total: s.total, list: s.list })),
      },
    });
    return saved!;
  });
  return { run: presentRun(run), entries: scores.length };
}

/**
 * 发布季度考评结果: the run of the scheme's current version for the quarter becomes published and
 * frozen (no re-computation, no adjustment of that quarter afterwards) and visible to the regions
 * below (晾晒). Not yet computed is VALIDATION_FAILED; already published is PERIOD_CLOSED. Audited.
 */
export async function publishEvaluation(
  ctx: Ctx,
  schemeId: string,
  quarterKey: string,
): Promise<EvaluationRunSummary> {
  authorize(ctx.actor, 'evaluation.manage');
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId, { manage: true });
  const quarter = parseQuarter(quarterKey);
  await assertQuarterOpen(ctx.db, schemeId, quarter.key);
  const [run] = await ctx.db
    .select()
    .from(evaluationRuns)
    .where(
      and(
        eq(evaluationRuns.schemeId, schemeId),
        eq(evaluationRuns.schemeVersion, scheme.version),
        eq(evaluationRuns.quarter, quarter.key),
      ),
    );
  if (!run) {
    const message = `${quarter.key} 尚未按当前方案计算，请先计算`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'quarter', message }]);
  }
  const results = await ctx.db.select().from(evaluationResults).where(eq(evaluationResults.runId, run.id));
  const published = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(evaluationRuns)
      .set({ status: 'published', publishedAt: ctx.clock.now(), publishedByName: ctx.actor.displayName })
      .where(and(eq(evaluationRuns.id, run.id), eq(evaluationRuns.status, 'computed')))
      .returning();
    if (!saved) throw new AppError('PERIOD_CLOSED', `${quarter.key} 考评结果已发布`);
    await recordAudit(tx, ctx, {
      action: 'evaluation.publish',
      entityType: 'evaluationScheme',
      entityId: schemeId,
      regionPath: scheme.regionPath,
      detail: { quarter: quarter.key, schemeVersion: scheme.version, runId: run.id },
    });
    return saved;
  });
  return { run: presentRun(published), entries: results.length };
}
