import type { Campaign, SaveCampaign, UpdateCampaign } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import { AppError, authorize, campaignFigures, invalid } from '@tuijin/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { campaignEvents, campaigns, regions } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  type CampaignRow,
  campaignConflict,
  factsOf,
  mayManageCampaigns,
  participantsOf,
  presentEvent,
  visibleEvents,
  visibleRegionSql,
} from './campaigns.queries';

type CampaignInput = ReturnType<typeof normaliseCampaign>;

const normaliseCampaign = (input: SaveCampaign) => ({
  name: input.name,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  targetStartProjects: input.targetStartProjects ?? null,
  targetCompletionProjects: input.targetCompletionProjects ?? null,
  targetStartInvestmentWanYuan:
    input.targetStartInvestmentWanYuan === null || input.targetStartInvestmentWanYuan === undefined
      ? null
      : String(input.targetStartInvestmentWanYuan),
  note: input.note ?? null,
});

/** Refuses a period ending before it starts and a name the jurisdiction already uses. */
async function checkCampaign(
  db: Queryable,
  regionCode: string,
  input: CampaignInput,
  exceptId: string | null,
) {
  const problems: { path: string; message: string }[] = [];
  if (input.endsOn < input.startsOn)
    problems.push({ path: 'endsOn', message: `结束日期 ${input.endsOn} 早于开始日期 ${input.startsOn}` });
  const [clash] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.regionCode, regionCode),
        eq(campaigns.name, input.name),
        exceptId ? ne(campaigns.id, exceptId) : undefined,
      ),
    );
  if (clash) problems.push({ path: 'name', message: `本级已有名为「${input.name}」的攻坚行动` });
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
}

/** A campaign the actor sees, as the wire carries it: its figures over its events' visible projects. */
export async function presentCampaign(
  db: Queryable,
  ctx: Pick<Ctx, 'actor'>,
  row: CampaignRow,
  regionName: string,
): Promise<Campaign> {
  const events = await visibleEvents(db, ctx.actor, eq(campaignEvents.campaignId, row.id));
  const participants = await participantsOf(
    db,
    ctx.actor,
    events.map((e) => e.event),
  );
  const summaries = events.map((e) => presentEvent(ctx.actor, e, participants.get(e.event.id)!));
  const targetStartInvestmentWanYuan =
    row.targetStartInvestmentWanYuan === null ? null : normaliseDecimal(row.targetStartInvestmentWanYuan);
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    targetStartProjects: row.targetStartProjects,
    targetCompletionProjects: row.targetCompletionProjects,
    targetStartInvestmentWanYuan,
    note: row.note,
    figures: campaignFigures(
      events.map((e) => ({ participants: factsOf(participants.get(e.event.id)!) })),
      {
        targetStartProjects: row.targetStartProjects,
        targetCompletionProjects: row.targetCompletionProjects,
        targetStartInvestmentWanYuan,
      },
    ),
    events: summaries,
    canManage: mayManageCampaigns(ctx.actor, row.regionCode),
    version: row.version,
  };
}

/** A campaign the actor sees, else NOT_FOUND. */
export async function loadCampaign(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [row] = await ctx.db
    .select({ campaign: campaigns, regionName: regions.name })
    .from(campaigns)
    .innerJoin(regions, eq(regions.code, campaigns.regionCode))
    .where(and(eq(campaigns.id, id), visibleRegionSql(campaigns.regionPath, ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '攻坚行动不存在或无权查看');
  return row;
}

const assertManage = (ctx: Ctx, regionCode: string) => {
  if (!mayManageCampaigns(ctx.actor, regionCode))
    throw new AppError('FORBIDDEN', '只有本级重点办可以编辑攻坚行动和活动');
};

/** 新建攻坚行动 in the actor's jurisdiction (an office with `campaign.manage`). Audited `campaign.create`. */
export async function createCampaign(ctx: Ctx, body: SaveCampaign): Promise<Campaign> {
  authorize(ctx.actor, 'campaign.manage');
  assertManage(ctx, ctx.actor.regionCode);
  const input = normaliseCampaign(body);
  await checkCampaign(ctx.db, ctx.actor.regionCode, input, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...input, regionCode: ctx.actor.regionCode, regionPath: ctx.actor.regionPath })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row!.id,
      regionPath: ctx.actor.regionPath,
      detail: input,
    });
    return row!.id;
  });
  const row = await loadCampaign(ctx, id);
  return presentCampaign(ctx.db, ctx, row.campaign, row.regionName);
}

/** 修改攻坚行动: name, period, targets, note; version-checked, audited with the changes. */
export async function updateCampaign(ctx: Ctx, id: string, body: UpdateCampaign): Promise<Campaign> {
  authorize(ctx.actor, 'campaign.manage');
  const { campaign: before } = await loadCampaign(ctx, id);
  assertManage(ctx, before.regionCode);
  const input = normaliseCampaign(body);
  await checkCampaign(ctx.db, before.regionCode, input, id);
  const outside = await ctx.db
    .select({ name: campaignEvents.name, heldOn: campaignEvents.heldOn })
    .from(campaignEvents)
    .where(eq(campaignEvents.campaignId, id));
  const stray = outside.find((e) => e.heldOn < input.startsOn || e.heldOn > input.endsOn);
  if (stray)
    throw invalid(
      [{ path: 'startsOn', message: `活动「${stray.name}」（${stray.heldOn}）将落在行动期间之外` }],
      `活动「${stray.name}」（${stray.heldOn}）将落在行动期间之外`,
    );
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: campaigns,
      where: eq(campaigns.id, id),
      version: body.version,
      set: { ...input, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        regionPath: before.regionPath,
        changes: diffChanges(
          {
            name: before.name,
            startsOn: before.startsOn,
            endsOn: before.endsOn,
            targetStartProjects: before.targetStartProjects,
            targetCompletionProjects: before.targetCompletionProjects,
            targetStartInvestmentWanYuan:
              before.targetStartInvestmentWanYuan === null
                ? null
                : normaliseDecimal(before.targetStartInvestmentWanYuan),
            note: before.note,
          },
          input,
        ),
      }),
      conflict: campaignConflict,
    }),
  );
  const row = await loadCampaign(ctx, id);
  return presentCampaign(ctx.db, ctx, row.campaign, row.regionName);
}

/** 删除攻坚行动: only one without events (delete or move them first); version-checked, audited. */
export async function deleteCampaign(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'campaign.manage');
  const { campaign } = await loadCampaign(ctx, id);
  assertManage(ctx, campaign.regionCode);
  if (campaign.version !== version) throw new AppError('CONFLICT', campaignConflict);
  const [events] = await ctx.db
    .select({ n: count() })
    .from(campaignEvents)
    .where(eq(campaignEvents.campaignId, id));
  if ((events?.n ?? 0) > 0)
    throw new AppError('CONFLICT', `攻坚行动「${campaign.name}」下还有 ${events!.n} 个活动，请先删除或移出`);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(campaigns)
      .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
      .returning({ id: campaigns.id });
    if (gone.length === 0) throw new AppError('CONFLICT', campaignConflict);
    await recordAudit(tx, ctx, {
      action: 'campaign.delete',
      entityType: 'campaign',
      entityId: id,
      regionPath: campaign.regionPath,
      detail: { name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn },
    });
  });
  return { ok: true as const };
}
