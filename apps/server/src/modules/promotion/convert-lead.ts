import type { ConvertPromotionLead, PromotionLead } from '@tuijin/contracts';
import { AppError, authorize, signedStageKey, stageIndex } from '@tuijin/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dictionaryEntries, promotionLeads } from '../../db/schema';
import { updateVersioned } from '../audit';
import { insertProject } from '../projects';
import { assertManageLead, conflictMessage, leadFacts, leadView, loadLead } from './promotion.queries';
import { effectivePromotionStages } from './promotion-settings';

/** The tag a project from investment promotion carries, when the dictionary has it. */
export const promotionTag = '招商引资';

/**
 * 转入项目库: a signed lead becomes a library project in one action, through the projects module's
 * own create (its checks, its 入库 stage record and `project.create` audit): the lead's name (or
 * the one given), region, total investment = contract amount, industry and the 招商引资 tag when the
 * dictionary has them, entering as 前期; the owner unit, domain, levels and years come from the
 * form. The lead is linked to the project in the same transaction (audited
 * `promotion.lead.convert`); from the project's actual start on, the lead counts as 开工.
 */
export async function convertPromotionLead(
  ctx: Ctx,
  id: string,
  input: ConvertPromotionLead,
): Promise<PromotionLead> {
  const row = await loadLead(ctx, id);
  const { lead } = row;
  assertManageLead(ctx.actor, lead.regionPath);
  authorize(ctx.actor, 'project.create');
  if (lead.projectId) throw new AppError('INVALID_TRANSITION', '该招商项目已转入项目库');
  if (lead.droppedOn) throw new AppError('INVALID_TRANSITION', '已放弃的招商项目不能转入项目库');
  const { stages } = await effectivePromotionStages(ctx.db, lead.regionPath);
  const facts = leadFacts(row, stages, '9999-12-31');
  if (stageIndex(stages, facts.stage) < stageIndex(stages, signedStageKey))
    throw new AppError('INVALID_TRANSITION', '签约后才能转入项目库', [
      { path: 'stage', message: '尚未签约' },
    ]);
  if (lead.contractWanYuan === null)
    throw new AppError('VALIDATION_FAILED', '请先填写合同投资额（转入后作为项目总投资）', [
      { path: 'contractWanYuan', message: '合同投资额未填' },
    ]);
  const known = await ctx.db
    .select({ kind: dictionaryEntries.kind, name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(
      and(
        inArray(dictionaryEntries.name, [promotionTag, lead.industry ?? promotionTag]),
        eq(dictionaryEntries.isActive, true),
      ),
    );
  const has = (kind: string, name: string | null) => known.some((k) => k.kind === kind && k.name === name);
  await ctx.db.transaction(async (tx) => {
    const projectId = await insertProject(tx, ctx, {
      code: null,
      name: input.name || lead.name,
      ownerOrganisationId: input.ownerOrganisationId,
      regionCode: lead.regionCode,
      address: null,
      longitude: null,
      latitude: null,
      levels: input.levels,
      domain: input.domain,
      industry: has('industry', lead.industry) ? lead.industry : null,
      sector: null,
      scaleContent: lead.note,
      totalInvestmentWanYuan: lead.contractWanYuan!,
      startYear: input.startYear,
      startMonth: null,
      endYear: input.endYear,
      endMonth: null,
      constructionType: input.constructionType,
      fundingSources: [],
      tags: has('tag', promotionTag) ? [promotionTag] : [],
      projectClass: null,
      leaderUserId: null,
      responsibleDepartmentId: null,
      serviceOfficerUserId: null,
      workingTeam: null,
      contactPerson: null,
      contactPhone: null,
      stage: 'preparing',
    });
    await updateVersioned(tx, ctx, {
      table: promotionLeads,
      where: and(eq(promotionLeads.id, id), isNull(promotionLeads.projectId)),
      version: input.version,
      set: { projectId, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'promotion.lead.convert',
        entityType: 'promotionLead',
        entityId: id,
        regionPath: lead.regionPath,
        detail: { projectId, projectName: input.name || lead.name },
      }),
      conflict: conflictMessage,
    });
  });
  return leadView(ctx, id);
}
