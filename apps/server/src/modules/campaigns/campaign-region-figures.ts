import { authorize, type CampaignFigures, campaignFigures } from '@tuijin/domain';
import { and, between, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { campaignEvents, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { factsOf, participantsOf, visibleEvents } from './campaigns.queries';

const within = (path: string, root: string) => root === '' || path === root || path.startsWith(`${root}.`);

/**
 * 集中开竣工 of a region's subtree in a year, for the cockpit: the year's events the actor sees that
 * the region (or a region below it) held or where one of its projects took part (the rule the bank
 * meetings count by), and over those events only the region's participations (`campaignFigures`:
 * participations, distinct projects, investment in 万元, really started). Only projects the actor
 * may see count.
 */
export async function campaignFiguresIn(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  input: { year: number; regionPath: string },
): Promise<CampaignFigures> {
  authorize(ctx.actor, 'campaign.read');
  const events = await visibleEvents(
    ctx.db,
    ctx.actor,
    between(campaignEvents.heldOn, `${input.year}-01-01`, `${input.year}-12-31`),
  );
  const participants = await participantsOf(
    ctx.db,
    ctx.actor,
    events.map((e) => e.event),
  );
  const projectIds = [...new Set([...participants.values()].flat().map((p) => p.projectId))];
  const here = new Set(
    projectIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: projects.id })
            .from(projects)
            .where(
              and(inArray(projects.id, projectIds), inRegionSubtree(projects.regionPath, input.regionPath)),
            )
        ).map((p) => p.id),
  );
  const counted = events
    .map((e) => ({
      event: e.event,
      participants: (participants.get(e.event.id) ?? []).filter((p) => here.has(p.projectId)),
    }))
    .filter((e) => within(e.event.regionPath, input.regionPath) || e.participants.length > 0);
  return campaignFigures(
    counted.map((e) => ({ participants: factsOf(e.participants) })),
    { targetStartProjects: null, targetCompletionProjects: null, targetStartInvestmentWanYuan: null },
  );
}
