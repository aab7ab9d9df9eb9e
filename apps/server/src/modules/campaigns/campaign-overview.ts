import type { CampaignOverview, CampaignOverviewQuery, ProjectCampaignEvent } from '@tuijin/contracts';
import { authorize, campaignFigures, chinaDate, eventFigures, wanToYi } from '@tuijin/domain';
import { and, asc, between, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { campaignEventProjects, campaignEvents, campaigns, regions } from '../../db/schema';
import { scopedProject } from '../../lib/project-scope';
import { presentCampaign } from './campaigns';
import {
  factsOf,
  mayManageCampaigns,
  participantsOf,
  presentEvent,
  visibleEvents,
  visibleRegionSql,
} from './campaigns.queries';

/** The year a page shows: the one asked, else the clock's (China time). */
export const campaignYear = (ctx: Pick<Ctx, 'clock'>, year: number | undefined) =>
  year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));

/**
 * 攻坚行动与集中开竣工: the year's totals over every event of the year the actor sees (number of
 * events, participations by role, distinct projects, investment in 万元 and 亿元, really started),
 * the campaigns overlapping the year with their progress against targets, and the year's events
 * outside any campaign. Every figure counts only the projects the actor may see.
 */
export async function campaignOverview(ctx: Ctx, query: CampaignOverviewQuery): Promise<CampaignOverview> {
  authorize(ctx.actor, 'campaign.read');
  const year = campaignYear(ctx, query.year);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const events = await visibleEvents(ctx.db, ctx.actor, between(campaignEvents.heldOn, first, last));
  const participants = await participantsOf(
    ctx.db,
    ctx.actor,
    events.map((e) => e.event),
  );
  const all = events.flatMap((e) => factsOf(participants.get(e.event.id)!));
  const figures = eventFigures(all);
  const campaignRows = await ctx.db
    .select({ campaign: campaigns, regionName: regions.name })
    .from(campaigns)
    .innerJoin(regions, eq(regions.code, campaigns.regionCode))
    .where(
      and(
        visibleRegionSql(campaigns.regionPath, ctx.actor),
        lte(campaigns.startsOn, last),
        gte(campaigns.endsOn, first),
      ),
    )
    .orderBy(asc(campaigns.startsOn), asc(campaigns.name));
  const presented = [];
  for (const row of campaignRows)
    presented.push(await presentCampaign(ctx.db, ctx, row.campaign, row.regionName));
  const yearly = campaignFigures(
    events.map((e) => ({ participants: factsOf(participants.get(e.event.id)!) })),
    { targetStartProjects: null, targetCompletionProjects: null, targetStartInvestmentWanYuan: null },
  );
  return {
    year,
    yearFigures: {
      ...figures,
      events: events.length,
      distinctProjects: yearly.distinctProjects,
      investmentYiYuan: wanToYi(figures.investmentWanYuan),
    },
    campaigns: presented,
    standaloneEvents: events
      .filter((e) => e.event.campaignId === null)
      .map((e) => presentEvent(ctx.actor, e, participants.get(e.event.id)!)),
    canManage: mayManageCampaigns(ctx.actor, ctx.actor.regionCode),
  };
}

/** 活动 tab of a project: the events it took part in that the actor sees, newest first. */
export async function projectCampaignEvents(
  ctx: Ctx,
  projectId: string,
): Promise<{ data: ProjectCampaignEvent[] }> {
  authorize(ctx.actor, 'campaign.read');
  await scopedProject(ctx.db, ctx.actor, projectId);
  const links = await ctx.db
    .select({ eventId: campaignEventProjects.eventId })
    .from(campaignEventProjects)
    .where(eq(campaignEventProjects.projectId, projectId));
  if (links.length === 0) return { data: [] };
  const events = await visibleEvents(
    ctx.db,
    ctx.actor,
    inArray(
      campaignEvents.id,
      links.map((l) => l.eventId),
    ),
  );
  const participants = await participantsOf(
    ctx.db,
    ctx.actor,
    events.map((e) => e.event),
  );
  const data = events.flatMap((e) =>
    participants
      .get(e.event.id)!
      .filter((p) => p.projectId === projectId)
      .map((p) => ({
        eventId: e.event.id,
        name: e.event.name,
        heldOn: e.event.heldOn,
        kind: e.event.kind,
        level: e.event.level,
        campaignName: e.campaignName,
        role: p.role,
        investmentWanYuan: p.investmentWanYuan,
        reallyStartedOn: p.reallyStartedOn,
      })),
  );
  return { data: data.reverse() };
}
