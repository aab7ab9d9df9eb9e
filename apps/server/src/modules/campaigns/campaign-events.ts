import type { CampaignEventDetail, SaveCampaignEvent, UpdateCampaignEvent } from '@tuijin/contracts';
import { AppError, authorize, invalid, participantProblems } from '@tuijin/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { campaignEventProjects, campaignEvents, campaigns, projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { recordAudit, updateVersioned } from '../audit';
import {
  type CampaignEventRow,
  eventConflict,
  getCampaignEventDetail,
  mayManageCampaigns,
} from './campaigns.queries';

type Participant = { projectId: string; role: 'start' | 'completion'; investmentWanYuan: string };

/**
 * Checks an event against its campaign (same jurisdiction, date within the period) and its
 * participants (projects the editor sees, once each, roles the kind allows) and answers the
 * participants with their investment (the project's total when none is given).
 */
async function checkEvent(ctx: Ctx, regionCode: string, input: SaveCampaignEvent): Promise<Participant[]> {
  const problems: { path: string; message: string }[] = [];
  if (input.campaignId) {
    const [campaign] = await ctx.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.regionCode, regionCode)));
    if (!campaign) problems.push({ path: 'campaignId', message: '所选攻坚行动不存在或不属于本级' });
    else if (input.heldOn < campaign.startsOn || input.heldOn > campaign.endsOn)
      problems.push({
        path: 'heldOn',
        message: `活动日期 ${input.heldOn} 不在「${campaign.name}」期间（${campaign.startsOn} 至 ${campaign.endsOn}）`,
      });
  }
  const wanted = input.participants ?? [];
  const ids = [...new Set(wanted.map((p) => p.projectId))];
  const seen = ids.length
    ? await ctx.db
        .select({ id: projects.id, name: projects.name, total: projects.totalInvestmentWanYuan })
        .from(projects)
        .where(and(inArray(projects.id, ids), projectScope(ctx.actor)))
    : [];
  const byId = new Map(seen.map((p) => [p.id, p]));
  wanted.forEach((p, i) => {
    if (!byId.has(p.projectId))
      problems.push({
        path: `participants.${i}.projectId`,
        message: `第 ${i + 1} 个项目不存在或不在本级管辖范围`,
      });
  });
  problems.push(...participantProblems(input.kind, wanted, new Map(seen.map((p) => [p.id, p.name]))));
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return wanted.map((p) => ({
    projectId: p.projectId,
    role: p.role,
    investmentWanYuan:
      p.investmentWanYuan === null || p.investmentWanYuan === undefined
        ? byId.get(p.projectId)!.total
        : String(p.investmentWanYuan),
  }));
}

const eventValues = (input: SaveCampaignEvent) => ({
  campaignId: input.campaignId ?? null,
  name: input.name,
  heldOn: input.heldOn,
  kind: input.kind,
  level: input.level,
  mainVenue: input.mainVenue,
  subVenues: input.subVenues ?? [],
  note: input.note ?? null,
});

async function writeParticipants(tx: Queryable, eventId: string, participants: readonly Participant[]) {
  await tx.delete(campaignEventProjects).where(eq(campaignEventProjects.eventId, eventId));
  if (participants.length > 0)
    await tx
      .insert(campaignEventProjects)
      .values(participants.map((p, sortOrder) => ({ eventId, ...p, sortOrder })));
}

const assertManage = (ctx: Ctx, regionCode: string) => {
  if (!mayManageCampaigns(ctx.actor, regionCode))
    throw new AppError('FORBIDDEN', '只有本级重点办可以编辑集中开竣工活动');
};

/**
 * 新建集中开竣工活动 in the actor's jurisdiction, in one of its campaigns or on its own, with its
 * projects. One transaction: the event, its projects and `campaignEvent.create`.
 */
export async function createCampaignEvent(ctx: Ctx, body: SaveCampaignEvent): Promise<CampaignEventDetail> {
  authorize(ctx.actor, 'campaign.manage');
  assertManage(ctx, ctx.actor.regionCode);
  const participants = await checkEvent(ctx, ctx.actor.regionCode, body);
  const values = eventValues(body);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaignEvents)
      .values({ ...values, regionCode: ctx.actor.regionCode, regionPath: ctx.actor.regionPath })
      .returning();
    await writeParticipants(tx, row!.id, participants);
    await recordAudit(tx, ctx, {
      action: 'campaignEvent.create',
      entityType: 'campaignEvent',
      entityId: row!.id,
      regionPath: ctx.actor.regionPath,
      detail: { ...values, participants },
    });
    return row!.id;
  });
  return getCampaignEventDetail(ctx.db, ctx.actor, id);
}

/** The actor's visible event row, else NOT_FOUND. */
async function loadEvent(ctx: Ctx, id: string): Promise<CampaignEventRow> {
  const detail = await getCampaignEventDetail(ctx.db, ctx.actor, id);
  const [row] = await ctx.db.select().from(campaignEvents).where(eq(campaignEvents.id, detail.id));
  return row!;
}

/**
 * 修改集中开竣工活动: its fields and its whole project list (replaced), version-checked and audited
 * with the before and after.
 */
export async function updateCampaignEvent(
  ctx: Ctx,
  id: string,
  body: UpdateCampaignEvent,
): Promise<CampaignEventDetail> {
  authorize(ctx.actor, 'campaign.manage');
  const before = await loadEvent(ctx, id);
  assertManage(ctx, before.regionCode);
  const participants = await checkEvent(ctx, before.regionCode, body);
  const previous = await ctx.db
    .select({
      projectId: campaignEventProjects.projectId,
      role: campaignEventProjects.role,
      investmentWanYuan: campaignEventProjects.investmentWanYuan,
    })
    .from(campaignEventProjects)
    .where(eq(campaignEventProjects.eventId, id));
  const values = eventValues(body);
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: campaignEvents,
      where: eq(campaignEvents.id, id),
      version: body.version,
      set: { ...values, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'campaignEvent.update',
        entityType: 'campaignEvent',
        entityId: id,
        regionPath: before.regionPath,
        changes: {
          name: { before: before.name, after: values.name },
          heldOn: { before: before.heldOn, after: values.heldOn },
          kind: { before: before.kind, after: values.kind },
          level: { before: before.level, after: values.level },
          campaignId: { before: before.campaignId, after: values.campaignId },
          participants: { before: previous, after: participants },
        },
      }),
      conflict: eventConflict,
    });
    await writeParticipants(tx, id, participants);
  });
  return getCampaignEventDetail(ctx.db, ctx.actor, id);
}

/** 删除集中开竣工活动 with its project list, version-checked and audited. */
export async function deleteCampaignEvent(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'campaign.manage');
  const event = await loadEvent(ctx, id);
  assertManage(ctx, event.regionCode);
  if (event.version !== version) throw new AppError('CONFLICT', eventConflict);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(campaignEvents)
      .where(and(eq(campaignEvents.id, id), eq(campaignEvents.version, version)))
      .returning({ id: campaignEvents.id });
    if (gone.length === 0) throw new AppError('CONFLICT', eventConflict);
    await recordAudit(tx, ctx, {
      action: 'campaignEvent.delete',
      entityType: 'campaignEvent',
      entityId: id,
      regionPath: event.regionPath,
      detail: { name: event.name, heldOn: event.heldOn, kind: event.kind },
    });
  });
  return { ok: true as const };
}
