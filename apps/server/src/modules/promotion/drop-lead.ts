import type { DropPromotionLead, PromotionLead } from '@tuijin/contracts';
import { AppError, chinaDate, invalid } from '@tuijin/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { promotionLeads } from '../../db/schema';
import { updateVersioned } from '../audit';
import { assertManageLead, conflictMessage, leadView, loadLead } from './promotion.queries';

/**
 * 放弃: the office drops a lead with a reason and a day (never in the future, not before its last
 * stage entry). A dropped lead leaves the funnel but stays in the 签约转开工 denominator if it had
 * signed. Audited `promotion.lead.drop`.
 */
export async function dropPromotionLead(
  ctx: Ctx,
  id: string,
  input: DropPromotionLead,
): Promise<PromotionLead> {
  const { lead } = await loadLead(ctx, id);
  assertManageLead(ctx.actor, lead.regionPath);
  if (lead.droppedOn) throw new AppError('INVALID_TRANSITION', '该招商项目已放弃');
  if (lead.projectId) throw new AppError('INVALID_TRANSITION', '已转入项目库的招商项目不能放弃');
  const today = chinaDate(ctx.clock.now());
  const on = input.on ?? today;
  if (on > today) throw invalid([{ path: 'on', message: '日期不能晚于今天' }], '日期不能晚于今天');
  const last =
    lead.stageHistory
      .map((e) => e.enteredOn)
      .sort()
      .at(-1) ?? '';
  if (on < last) throw invalid([{ path: 'on', message: `不能早于 ${last}` }], `放弃日期不能早于 ${last}`);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: promotionLeads,
      where: and(eq(promotionLeads.id, id), isNull(promotionLeads.droppedOn)),
      version: input.version,
      set: { droppedOn: on, dropReason: input.reason, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'promotion.lead.drop',
        entityType: 'promotionLead',
        entityId: id,
        regionPath: lead.regionPath,
        detail: { on, reason: input.reason, stage: lead.stage },
      }),
      conflict: conflictMessage,
    }),
  );
  return leadView(ctx, id);
}
