import type { CampaignEventSummary, EventParticipant } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  eventFigures,
  isSystemActor,
  type ParticipantFact,
  reallyStartedOn,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import {
  campaignEventProjects,
  campaignEvents,
  campaigns,
  monthlyReports,
  projects,
  regions,
} from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignEventRow = typeof campaignEvents.$inferSelect;

export const campaignConflict = '攻坚行动已被他人修改，请刷新后重试';
export const eventConflict = '活动已被他人修改，请刷新后重试';

/**
 * Campaigns and events the actor sees: those of its jurisdiction and below, and those of the
 * jurisdictions above it (a county sees the city's ceremony, counting only its own projects).
 */
export function visibleRegionSql(
  column: typeof campaigns.regionPath | typeof campaignEvents.regionPath,
  actor: Actor,
): SQL {
  if (isSystemActor(actor) || actor.regionPath === '') return sql`true`;
  const above = ancestorPaths(actor.regionPath);
  return above.length > 0
    ? or(inRegionSubtree(column, actor.regionPath), inArray(column, above))!
    : inRegionSubtree(column, actor.regionPath);
}

/** Who edits a campaign or event: an office of the very jurisdiction that owns it, with `campaign.manage`. */
export const mayManageCampaigns = (actor: Actor, regionCode: string) =>
  can(actor, 'campaign.manage') &&
  (isSystemActor(actor) || (actor.roles.includes('office_staff') && actor.regionCode === regionCode));

/** A participant row with the project facts the figures read. */
interface ParticipantRow {
  eventId: string;
  projectId: string;
  projectName: string;
  regionName: string;
  role: 'start' | 'completion';
  investmentWanYuan: string;
  totalInvestmentWanYuan: string;
  actualStartOn: string | null;
}

/**
 * The participants of some events the actor may see (the one project-scope rule), with each 开工
 * project's really-started day by the domain's rule over its actual start and its reports.
 */
export async function participantsOf(
  db: Queryable,
  actor: Actor,
  events: readonly Pick<CampaignEventRow, 'id' | 'heldOn'>[],
): Promise<Map<string, EventParticipant[]>> {
  const out = new Map<string, EventParticipant[]>(events.map((e) => [e.id, []]));
  if (events.length === 0) return out;
  const rows: ParticipantRow[] = await db
    .select({
      eventId: campaignEventProjects.eventId,
      projectId: campaignEventProjects.projectId,
      projectName: projects.name,
      regionName: regions.name,
      role: campaignEventProjects.role,
      investmentWanYuan: campaignEventProjects.investmentWanYuan,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      actualStartOn: projects.actualStartOn,
    })
    .from(campaignEventProjects)
    .innerJoin(projects, eq(projects.id, campaignEventProjects.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(
      and(
        inArray(
          campaignEventProjects.eventId,
          events.map((e) => e.id),
        ),
        projectScope(actor),
      ),
    )
    .orderBy(asc(campaignEventProjects.sortOrder), asc(projects.name));
  const projectIds = [...new Set(rows.filter((r) => r.role === 'start').map((r) => r.projectId))];
  const reports = projectIds.length
    ? await db
        .select({
          projectId: monthlyReports.projectId,
          year: monthlyReports.year,
          month: monthlyReports.month,
          actualStartOn: monthlyReports.actualStartOn,
        })
        .from(monthlyReports)
        .where(
          and(
            inArray(monthlyReports.projectId, projectIds),
            isNotNull(monthlyReports.actualStartOn),
            inArray(monthlyReports.status, ['submitted', 'approved']),
          ),
        )
    : [];
  const heldOn = new Map(events.map((e) => [e.id, e.heldOn]));
  for (const r of rows) {
    const started =
      r.role === 'start'
        ? reallyStartedOn(
            {
              actualStartOn: r.actualStartOn,
              reportStarts: reports.filter((x) => x.projectId === r.projectId),
            },
            heldOn.get(r.eventId)!,
          )
        : null;
    out.get(r.eventId)!.push({
      projectId: r.projectId,
      projectName: r.projectName,
      regionName: r.regionName,
      role: r.role,
      investmentWanYuan: normaliseDecimal(r.investmentWanYuan),
      totalInvestmentWanYuan: normaliseDecimal(r.totalInvestmentWanYuan),
      actualStartOn: r.actualStartOn,
      reallyStartedOn: started,
    });
  }
  return out;
}

export const factsOf = (participants: readonly EventParticipant[]): ParticipantFact[] =>
  participants.map((p) => ({
    projectId: p.projectId,
    role: p.role,
    investmentWanYuan: p.investmentWanYuan,
    reallyStartedOn: p.reallyStartedOn,
  }));

/** Events the actor sees matching `where`, oldest first, with their campaign's and region's names. */
export async function visibleEvents(db: Queryable, actor: Actor, where: SQL | undefined) {
  return db
    .select({ event: campaignEvents, campaignName: campaigns.name, regionName: regions.name })
    .from(campaignEvents)
    .leftJoin(campaigns, eq(campaigns.id, campaignEvents.campaignId))
    .innerJoin(regions, eq(regions.code, campaignEvents.regionCode))
    .where(and(visibleRegionSql(campaignEvents.regionPath, actor), where))
    .orderBy(asc(campaignEvents.heldOn), asc(campaignEvents.name));
}

export function presentEvent(
  actor: Actor,
  row: { event: CampaignEventRow; campaignName: string | null; regionName: string },
  participants: readonly EventParticipant[],
): CampaignEventSummary {
  const e = row.event;
  return {
    id: e.id,
    campaignId: e.campaignId,
    campaignName: row.campaignName,
    regionCode: e.regionCode,
    regionName: row.regionName,
    name: e.name,
    heldOn: e.heldOn,
    kind: e.kind,
    level: e.level,
    mainVenue: e.mainVenue,
    subVenues: e.subVenues,
    note: e.note,
    figures: eventFigures(factsOf(participants)),
    canManage: mayManageCampaigns(actor, e.regionCode),
    version: e.version,
  };
}

/** One event the actor sees with its visible participants, else NOT_FOUND. */
export async function getCampaignEventDetail(db: Queryable, actor: Actor, id: string) {
  const [row] = await visibleEvents(db, actor, eq(campaignEvents.id, id));
  if (!row) throw new AppError('NOT_FOUND', '活动不存在或无权查看');
  const participants = (await participantsOf(db, actor, [row.event])).get(id)!;
  return { ...presentEvent(actor, row, participants), participants };
}

/**
 * The name and date of an event the actor sees, for a record elsewhere that names it (an evaluation
 * bonus for hosting it); null when there is no such event or it is outside the actor's view.
 */
export async function campaignEventRef(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<{ id: string; name: string; heldOn: string; regionPath: string } | null> {
  const [row] = await visibleEvents(db, actor, eq(campaignEvents.id, id));
  return row
    ? { id: row.event.id, name: row.event.name, heldOn: row.event.heldOn, regionPath: row.event.regionPath }
    : null;
}
