import type { CreatePromotionLead, PromotionLead } from '@tuijin/contracts';
import { AppError, chinaDate, invalid, signedStageKey, stageIndex, stageName } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { promotionLeads } from '../../db/schema';
import { recordAudit } from '../audit';
import { checkLeadFields } from './lead-checks';
import { assertManageLead, leadView } from './promotion.queries';
import { effectivePromotionStages } from './promotion-settings';

/**
 * 登记招商项目: an office records a lead in its jurisdiction, in the first stage of the region's list
 * or the one given (a lead found already signed), entered on the day given (never after today).
 * Audited `promotion.lead.create`.
 */
export async function createPromotionLead(ctx: Ctx, input: CreatePromotionLead): Promise<PromotionLead> {
  const region = await checkLeadFields(ctx.db, ctx.actor, input);
  assertManageLead(ctx.actor, region.path);
  const { stages } = await effectivePromotionStages(ctx.db, region.path);
  const stage = input.stage ?? stages[0]!.key;
  if (stageIndex(stages, stage) < 0)
    throw invalid([{ path: 'stage', message: `阶段“${stage}”不在本辖区的阶段设置中` }]);
  const today = chinaDate(ctx.clock.now());
  const on = input.stageOn ?? today;
  if (on > today) throw invalid([{ path: 'stageOn', message: '日期不能晚于今天' }], '日期不能晚于今天');
  const { stage: _stage, stageOn: _on, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(promotionLeads)
      .values({
        ...fields,
        regionPath: region.path,
        stage,
        stageHistory: [{ key: stage, enteredOn: on }],
        signedOn: stage === signedStageKey ? on : null,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning({ id: promotionLeads.id });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'promotion.lead.create',
      entityType: 'promotionLead',
      entityId: row.id,
      regionPath: region.path,
      detail: {
        name: input.name,
        investorName: input.investorName,
        contractWanYuan: input.contractWanYuan,
        stage: stageName(stages, stage),
        on,
      },
    });
    return row.id;
  });
  return leadView(ctx, id);
}
