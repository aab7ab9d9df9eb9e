import type { MovePromotionLead, PromotionLead } from '@tuijin/contracts';
import { chinaDate, enteredOn, moveLeadStage, signedStageKey, stageName } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { promotionLeads } from '../../db/schema';
import { updateVersioned } from '../audit';
import { assertManageLead, conflictMessage, leadFacts, leadView, loadLead } from './promotion.queries';
import { effectivePromotionStages } from './promotion-settings';

/**
 * 推进/退回: moves a lead to a later stage (dated, never in the future nor before the current
 * stage was entered) or back to an earlier one (the later entries dropped), by the domain's
 * `moveLeadStage` over the region's list. Audited `promotion.lead.move` with both stages and the day.
 */
export async function movePromotionLead(
  ctx: Ctx,
  id: string,
  input: MovePromotionLead,
): Promise<PromotionLead> {
  const row = await loadLead(ctx, id);
  const { lead } = row;
  assertManageLead(ctx.actor, lead.regionPath);
  const { stages } = await effectivePromotionStages(ctx.db, lead.regionPath);
  const today = chinaDate(ctx.clock.now());
  const on = input.on ?? today;
  // From the lead as it stands: a converted lead whose project started is at 开工 since that day.
  const facts = leadFacts(row, stages, today);
  const history = moveLeadStage({
    stages,
    history: facts.history,
    current: facts.stage,
    to: input.stage,
    on,
    today,
    isDropped: lead.droppedOn !== null,
  });
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: promotionLeads,
      where: eq(promotionLeads.id, id),
      version: input.version,
      set: {
        stage: input.stage,
        stageHistory: history,
        signedOn: enteredOn(history, signedStageKey),
        updatedAt: ctx.clock.now(),
      },
      audit: () => ({
        action: 'promotion.lead.move',
        entityType: 'promotionLead',
        entityId: id,
        regionPath: lead.regionPath,
        changes: {
          stage: { before: stageName(stages, facts.stage), after: stageName(stages, input.stage) },
        },
        detail: { from: facts.stage, to: input.stage, on: enteredOn(history, input.stage) },
      }),
      conflict: conflictMessage,
    }),
  );
  return leadView(ctx, id);
}
