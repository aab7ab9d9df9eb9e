import type { LinkPromotionLead, PromotionLead } from '@tuijin/contracts';
import { AppError, pathInSubtree, signedStageKey, stageIndex } from '@tuijin/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { promotionLeads } from '../../db/schema';
import { scopedProject } from '../../lib/project-scope';
import { updateVersioned } from '../audit';
import { assertManageLead, conflictMessage, leadFacts, leadView, loadLead } from './promotion.queries';
import { effectivePromotionStages } from './promotion-settings';

/**
 * 关联已有项目: a signed lead whose project is already in the library (entered before the pipeline
 * was kept here, or by the ledger import) is linked to it instead of creating a second one. The
 * project must be visible to the office, in the lead's region, and not linked to another lead.
 * Audited `promotion.lead.link`; from the project's actual start on, the lead counts as 开工.
 */
export async function linkPromotionLead(
  ctx: Ctx,
  id: string,
  input: LinkPromotionLead,
): Promise<PromotionLead> {
  const row = await loadLead(ctx, id);
  const { lead } = row;
  assertManageLead(ctx.actor, lead.regionPath);
  if (lead.projectId) throw new AppError('INVALID_TRANSITION', '该招商项目已关联项目库中的项目');
  if (lead.droppedOn) throw new AppError('INVALID_TRANSITION', '已放弃的招商项目不能关联项目');
  const { stages } = await effectivePromotionStages(ctx.db, lead.regionPath);
  if (stageIndex(stages, leadFacts(row, stages, '9999-12-31').stage) < stageIndex(stages, signedStageKey))
    throw new AppError('INVALID_TRANSITION', '签约后才能关联项目库中的项目', [
      { path: 'stage', message: '尚未签约' },
    ]);
  const project = await scopedProject(ctx.db, ctx.actor, input.projectId);
  if (!pathInSubtree(project.regionPath, lead.regionPath))
    throw new AppError('VALIDATION_FAILED', '项目须在招商项目的落地区划内', [
      { path: 'projectId', message: '项目不在落地区划内' },
    ]);
  const [taken] = await ctx.db
    .select({ name: promotionLeads.name })
    .from(promotionLeads)
    .where(eq(promotionLeads.projectId, project.id));
  if (taken)
    throw new AppError('CONFLICT', `该项目已关联招商项目“${taken.name}”`, [
      { path: 'projectId', message: '已关联其他招商项目' },
    ]);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: promotionLeads,
      where: and(eq(promotionLeads.id, id), isNull(promotionLeads.projectId)),
      version: input.version,
      set: { projectId: project.id, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'promotion.lead.link',
        entityType: 'promotionLead',
        entityId: id,
        regionPath: lead.regionPath,
        detail: { projectId: project.id, projectName: project.name },
      }),
      conflict: conflictMessage,
    }),
  );
  return leadView(ctx, id);
}
