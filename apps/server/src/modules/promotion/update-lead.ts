import { normaliseDecimal, type PromotionLead, type UpdatePromotionLead } from '@tuijin/contracts';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { promotionLeads } from '../../db/schema';
import { diffChanges, updateVersioned } from '../audit';
import { checkLeadFields } from './lead-checks';
import { assertManageLead, conflictMessage, leadView, loadLead } from './promotion.queries';

/**
 * 修改招商项目: name, investor, industry, region, amount, promised dates, responsible unit and note
 * (the stage moves by `movePromotionLead`). The office over the lead's region, and over the new
 * region when it moves. Audited `promotion.lead.update` with the fields changed.
 */
export async function updatePromotionLead(
  ctx: Ctx,
  id: string,
  input: UpdatePromotionLead,
): Promise<PromotionLead> {
  const { lead } = await loadLead(ctx, id);
  assertManageLead(ctx.actor, lead.regionPath);
  const region = await checkLeadFields(ctx.db, ctx.actor, input);
  assertManageLead(ctx.actor, region.path);
  const { version, ...fields } = input;
  const before = {
    name: lead.name,
    investorName: lead.investorName,
    investorOrigin: lead.investorOrigin,
    industry: lead.industry,
    regionCode: lead.regionCode,
    contractWanYuan: lead.contractWanYuan === null ? null : normaliseDecimal(lead.contractWanYuan),
    promisedRegistrationOn: lead.promisedRegistrationOn,
    promisedStartOn: lead.promisedStartOn,
    promisedProductionOn: lead.promisedProductionOn,
    responsibleOrganisationId: lead.responsibleOrganisationId,
    note: lead.note,
  };
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: promotionLeads,
      where: eq(promotionLeads.id, id),
      version,
      set: { ...fields, regionPath: region.path, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'promotion.lead.update',
        entityType: 'promotionLead',
        entityId: id,
        regionPath: region.path,
        changes: diffChanges(before, fields),
      }),
      conflict: conflictMessage,
    }),
  );
  return leadView(ctx, id);
}
