import type { AddEvaluationAdjustment, EvaluationAdjustment } from '@tuijin/contracts';
import { AppError, authorize, compareDecimals, invalid, parseQuarter } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { campaignEvents, evaluationAdjustments, evaluationRuns } from '../../db/schema';
import { recordAudit } from '../audit';
import { campaignEventRef } from '../campaigns';
import { listSchemeEntities } from './evaluation-entities';
import { loadScheme } from './evaluation-scope';

/** Refuses a change to a quarter whose results are published (frozen). */
export async function assertQuarterOpen(db: Queryable, schemeId: string, quarter: string) {
  const [published] = await db
    .select({ id: evaluationRuns.id })
    .from(evaluationRuns)
    .where(
      and(
        eq(evaluationRuns.schemeId, schemeId),
        eq(evaluationRuns.quarter, quarter),
        eq(evaluationRuns.status, 'published'),
      ),
    );
  if (published) throw new AppError('PERIOD_CLOSED', `${quarter} 考评结果已发布，不能再修改`);
}

/** 加减分与免责 of one quarter under a scheme (readers of the scheme's own jurisdiction). */
export async function listEvaluationAdjustments(
  ctx: Ctx,
  schemeId: string,
  quarter: string,
): Promise<{ data: EvaluationAdjustment[] }> {
  authorize(ctx.actor, 'evaluation.read');
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId);
  if (!scheme.isInside) return { data: [] };
  const names = new Map((await listSchemeEntities(ctx.db, scheme)).map((e) => [e.code, e.name]));
  const rows = await ctx.db
    .select({
      adjustment: evaluationAdjustments,
      event: { name: campaignEvents.name, heldOn: campaignEvents.heldOn },
    })
    .from(evaluationAdjustments)
    .leftJoin(campaignEvents, eq(campaignEvents.id, evaluationAdjustments.campaignEventId))
    .where(and(eq(evaluationAdjustments.schemeId, schemeId), eq(evaluationAdjustments.quarter, quarter)))
    .orderBy(asc(evaluationAdjustments.createdAt));
  return {
    data: rows.map(({ adjustment, event }) =>
      presentAdjustment(adjustment, names.get(adjustment.entityCode) ?? adjustment.entityCode, event),
    ),
  };
}

function presentAdjustment(
  a: typeof evaluationAdjustments.$inferSelect,
  entityName: string,
  event: { name: string; heldOn: string } | null,
): EvaluationAdjustment {
  return {
    id: a.id,
    quarter: a.quarter,
    entityCode: a.entityCode,
    entityName,
    kind: a.kind,
    points: a.points === null ? null : a.points,
    reason: a.reason,
    campaignEvent: a.campaignEventId && event ? { id: a.campaignEventId, ...event } : null,
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * 录入加分/扣分/免责 for a region scored by the scheme, in a quarter not yet published. A bonus or
 * penalty needs points above 0; an exemption takes none (it keeps the region off the black list,
 * with the reason shown). Audited.
 */
export async function addEvaluationAdjustment(
  ctx: Ctx,
  schemeId: string,
  input: AddEvaluationAdjustment,
): Promise<EvaluationAdjustment> {
  authorize(ctx.actor, 'evaluation.manage');
  const scheme = await loadScheme(ctx.db, ctx.actor, schemeId, { manage: true });
  parseQuarter(input.quarter);
  const entity = (await listSchemeEntities(ctx.db, scheme)).find((e) => e.code === input.entityCode);
  if (!entity)
    throw invalid([{ path: 'entityCode', message: '不是本方案的考评对象' }], '不是本方案的考评对象');
  if (input.kind === 'exemption' && input.points !== null)
    throw invalid([{ path: 'points', message: '免责不计分值' }], '免责不计分值');
  if (input.kind !== 'exemption' && (input.points === null || compareDecimals(input.points, '0') <= 0))
    throw invalid(
      [{ path: 'points', message: '加分、扣分须填大于 0 的分值' }],
      '加分、扣分须填大于 0 的分值',
    );
  const event = input.campaignEventId ? await eventOfBonus(ctx, input) : null;
  await assertQuarterOpen(ctx.db, schemeId, input.quarter);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluationAdjustments)
      .values({
        schemeId,
        quarter: input.quarter,
        entityCode: input.entityCode,
        kind: input.kind,
        points: input.points,
        reason: input.reason,
        campaignEventId: event?.id ?? null,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'evaluation.adjust',
      entityType: 'evaluationScheme',
      entityId: schemeId,
      regionPath: scheme.regionPath,
      detail: { op: 'add', ...input },
    });
    return presentAdjustment(row!, entity.name, event);
  });
}

/**
 * The 集中开竣工 event a bonus names: only a bonus names one, the event must be one the office sees,
 * and held within the quarter scored (a bonus for the spring ceremony goes to the spring quarter).
 */
async function eventOfBonus(ctx: Ctx, input: AddEvaluationAdjustment) {
  const refuse = (message: string) => invalid([{ path: 'campaignEventId', message }], message);
  if (input.kind !== 'bonus') throw refuse('只有加分可以关联集中开竣工活动');
  const event = await campaignEventRef(ctx.db, ctx.actor, input.campaignEventId!);
  if (!event) throw refuse('关联的活动不存在或不在本辖区');
  const { startDate, endDate } = parseQuarter(input.quarter);
  if (event.heldOn < startDate || event.heldOn > endDate)
    throw refuse(`活动“${event.name}”于 ${event.heldOn} 举行，不在 ${input.quarter} 内`);
  return { id: event.id, name: event.name, heldOn: event.heldOn };
}

/** Deletes an adjustment of a quarter not yet published. Audited with what was removed. */
export async function deleteEvaluationAdjustment(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'evaluation.manage');
  const [row] = await ctx.db.select().from(evaluationAdjustments).where(eq(evaluationAdjustments.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const scheme = await loadScheme(ctx.db, ctx.actor, row.schemeId, { manage: true });
  await assertQuarterOpen(ctx.db, row.schemeId, row.quarter);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(evaluationAdjustments).where(eq(evaluationAdjustments.id, id));
    await recordAudit(tx, ctx, {
      action: 'evaluation.adjust',
      entityType: 'evaluationScheme',
      entityId: row.schemeId,
      regionPath: scheme.regionPath,
      detail: {
        op: 'delete',
        quarter: row.quarter,
        entityCode: row.entityCode,
        kind: row.kind,
        points: row.points,
        reason: row.reason,
      },
    });
  });
}
