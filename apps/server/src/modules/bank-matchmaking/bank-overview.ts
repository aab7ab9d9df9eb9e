import type { BankMatchmakingOverview, BankMatchmakingOverviewQuery } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import { authorize, bankMatchmakingFigures, chinaDate } from '@tuijin/domain';
import { and, between, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { bankEvents, bankFollowUps, projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import {
  attendingBanks,
  mayManageBankMatchmaking,
  type PushFact,
  presentEvent,
  pushFacts,
  visibleEvents,
} from './bank-matchmaking.queries';

/** The year a page shows: the one asked, else the clock's (China time). */
export const bankYear = (ctx: Pick<Ctx, 'clock'>, year: number | undefined) =>
  year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));

const within = (path: string, root: string) => root === '' || path === root || path.startsWith(`${root}.`);

/**
 * The year's events of a region, as its figures count them: those it (or a region below it)
 * organised, and those where one of its projects was pushed.
 */
function eventsOfRegion(
  events: readonly { id: string; regionPath: string }[],
  facts: readonly PushFact[],
  regionPath: string,
): string[] {
  const pushedHere = new Set(
    facts.filter((f) => within(f.projectRegionPath, regionPath)).map((f) => f.eventId),
  );
  return events.filter((e) => within(e.regionPath, regionPath) || pushedHere.has(e.id)).map((e) => e.id);
}

/**
 * 政银企对接 of a jurisdiction for a year, as Gansu and Hui'an publish it: events held, projects
 * pushed, banks per project, credit signed, loans disbursed and rolled over (`bankMatchmakingFigures`)
 * for the region and each child region (a 本级 row for the region's own projects when it has any),
 * with the year's events. Scoped: only projects the actor may see count.
 */
export async function bankMatchmakingOverview(
  ctx: Ctx,
  query: BankMatchmakingOverviewQuery,
): Promise<BankMatchmakingOverview> {
  authorize(ctx.actor, 'bankMatchmaking.read');
  const { region, children } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const year = bankYear(ctx, query.year);
  const visible = await visibleEvents(
    ctx.db,
    ctx.actor,
    between(bankEvents.heldOn, `${year}-01-01`, `${year}-12-31`),
  );
  const facts = await pushFacts(
    ctx.db,
    ctx.actor,
    visible.map((e) => e.event.id),
    inRegionSubtree(projects.regionPath, region.path),
  );
  const events = visible.map((e) => ({ id: e.event.id, regionPath: e.event.regionPath }));
  const loans = (
    await ctx.db
      .select({
        regionPath: projects.regionPath,
        disbursedWanYuan: bankFollowUps.disbursedWanYuan,
        disbursedOn: bankFollowUps.disbursedOn,
        rolledOverWanYuan: bankFollowUps.rolledOverWanYuan,
        rolledOverOn: bankFollowUps.rolledOverOn,
      })
      .from(bankFollowUps)
      .innerJoin(projects, eq(projects.id, bankFollowUps.projectId))
      .where(and(inRegionSubtree(projects.regionPath, region.path), projectScope(ctx.actor)))
  ).map((l) => ({
    ...l,
    disbursedWanYuan: l.disbursedWanYuan === null ? null : normaliseDecimal(l.disbursedWanYuan),
    rolledOverWanYuan: l.rolledOverWanYuan === null ? null : normaliseDecimal(l.rolledOverWanYuan),
  }));
  const figuresOf = (path: string, exact: boolean) => {
    const mine = (p: string) => (exact ? p === path : within(p, path));
    const myFacts = facts.filter((f) => mine(f.projectRegionPath));
    const myEvents = exact
      ? events
          .filter((e) => e.regionPath === path || myFacts.some((f) => f.eventId === e.id))
          .map((e) => e.id)
      : eventsOfRegion(events, facts, path);
    return bankMatchmakingFigures(
      year,
      myEvents,
      myFacts,
      loans.filter((l) => mine(l.regionPath)),
    );
  };
  const own = figuresOf(region.path, true);
  const counted = new Set(eventsOfRegion(events, facts, region.path));
  const banksByEvent = await attendingBanks(ctx.db, [...counted]);
  return {
    year,
    regionCode: region.code,
    regionName: region.name,
    totals: figuresOf(region.path, false),
    regions: [
      ...(own.projectsPushed > 0 || own.disbursedWanYuan !== '0' || own.rolledOverWanYuan !== '0'
        ? [{ regionCode: region.code, regionName: `${region.name}本级`, ...own }]
        : []),
      ...children.map((child) => ({
        regionCode: child.code,
        regionName: child.name,
        ...figuresOf(child.path, false),
      })),
    ],
    events: visible
      .filter((e) => counted.has(e.event.id))
      .map((e) =>
        presentEvent(
          ctx.actor,
          e,
          banksByEvent.get(e.event.id)!,
          facts.filter((f) => f.eventId === e.event.id),
        ),
      ),
    canManage: mayManageBankMatchmaking(ctx.actor, ctx.actor.regionCode),
  };
}
