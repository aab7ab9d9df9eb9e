import { normaliseDecimal, type PromotionLead, type PromotionLeadQuery } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  chinaDate,
  daysFrom,
  effectiveLead,
  enteredOn,
  isSystemActor,
  overduePromises,
  type PromotionStage,
  promotionPeriod,
  signedStageKey,
  stageIndex,
  stageName,
} from '@tuijin/domain';
import { and, asc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { organisations, projects, promotionLeads, regions } from '../../db/schema';
import { isOfficeOver, scopedProject } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import { stagesResolver } from './promotion-settings';

export type LeadRow = typeof promotionLeads.$inferSelect;

/**
 * The SQL form of who sees a lead: anyone holding `promotion.read` over the lead's region (the
 * office, departments, leaders and supervisors of the jurisdiction or above). Lists, totals, the
 * overview and the ledger all filter with it; outside it a lead is NOT_FOUND.
 */
export function leadScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  if (!can(actor, 'promotion.read')) return sql`false`;
  return inRegionSubtree(promotionLeads.regionPath, actor.regionPath);
}

/** Who keeps a lead: a key-project office over its region with `promotion.manage`. */
export const mayManageLead = (actor: Actor, regionPath: string) =>
  isOfficeOver(actor, regionPath) && can(actor, 'promotion.manage');

export function assertManageLead(actor: Actor, regionPath: string) {
  if (!mayManageLead(actor, regionPath))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以维护招商项目');
}

export const conflictMessage = '招商项目已被他人修改，请刷新后重试';

/** A lead row with what the wire shows beside it. */
export interface LeadWithNames {
  lead: LeadRow;
  regionName: string;
  responsibleOrganisationName: string | null;
  projectName: string | null;
  projectStartOn: string | null;
}

const leadColumns = {
  lead: promotionLeads,
  regionName: regions.name,
  responsibleOrganisationName: organisations.name,
  projectName: projects.name,
  projectStartOn: projects.actualStartOn,
};

function leadSelect(db: Queryable) {
  return db
    .select(leadColumns)
    .from(promotionLeads)
    .innerJoin(regions, eq(regions.code, promotionLeads.regionCode))
    .leftJoin(organisations, eq(organisations.id, promotionLeads.responsibleOrganisationId))
    .leftJoin(projects, eq(projects.id, promotionLeads.projectId));
}

/** A lead the actor may see, with its names; else NOT_FOUND. */
export async function loadLead(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<LeadWithNames> {
  const [row] = await leadSelect(ctx.db).where(and(eq(promotionLeads.id, id), leadScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '招商项目不存在或无权查看');
  return row;
}

/** The figures' view of a lead: recorded stage, or 开工 from its project's real start. */
export function leadFacts(row: LeadWithNames, stages: readonly PromotionStage[], asOf: string) {
  const { lead } = row;
  return effectiveLead(
    {
      id: lead.id,
      regionPath: lead.regionPath,
      stage: lead.stage,
      history: lead.stageHistory,
      contractWanYuan: lead.contractWanYuan === null ? null : normaliseDecimal(lead.contractWanYuan),
      isDropped: lead.droppedOn !== null,
      projectStartOn: row.projectStartOn,
      promisedRegistrationOn: lead.promisedRegistrationOn,
      promisedStartOn: lead.promisedStartOn,
      promisedProductionOn: lead.promisedProductionOn,
      projectId: lead.projectId,
      droppedOn: lead.droppedOn,
      createdOn: chinaDate(lead.createdAt),
    },
    stages,
    asOf,
  );
}

/** A lead as the wire carries it, with the caller's abilities. */
export function presentLead(
  row: LeadWithNames,
  stages: readonly PromotionStage[],
  actor: Actor,
  today: string,
): PromotionLead {
  const { lead } = row;
  const facts = leadFacts(row, stages, today);
  const ordered = [...facts.history].sort((a, b) => stageIndex(stages, a.key) - stageIndex(stages, b.key));
  const manage = mayManageLead(actor, lead.regionPath);
  const isDropped = lead.droppedOn !== null;
  return {
    id: lead.id,
    name: lead.name,
    investorName: lead.investorName,
    investorOrigin: lead.investorOrigin,
    industry: lead.industry,
    regionCode: lead.regionCode,
    regionName: row.regionName,
    contractWanYuan: facts.contractWanYuan,
    signedOn: enteredOn(facts.history, signedStageKey),
    promisedRegistrationOn: lead.promisedRegistrationOn,
    promisedStartOn: lead.promisedStartOn,
    promisedProductionOn: lead.promisedProductionOn,
    responsibleOrganisationId: lead.responsibleOrganisationId,
    responsibleOrganisationName: row.responsibleOrganisationName,
    stage: facts.stage,
    stageName: stageName(stages, facts.stage),
    history: ordered.map((e, i) => {
      const next = ordered[i + 1]?.enteredOn ?? (isDropped ? lead.droppedOn! : today);
      return {
        key: e.key,
        name: stageName(stages, e.key),
        enteredOn: e.enteredOn,
        days: Math.max(0, daysFrom(e.enteredOn, next)),
      };
    }),
    note: lead.note,
    isDropped,
    droppedOn: lead.droppedOn,
    dropReason: lead.dropReason,
    project:
      lead.projectId && row.projectName
        ? { id: lead.projectId, name: row.projectName, actualStartOn: row.projectStartOn }
        : null,
    overduePromises: overduePromises(facts, stages, today),
    stages: [...stages],
    canManage: manage,
    canConvert:
      manage &&
      can(actor, 'project.create') &&
      !isDropped &&
      lead.projectId === null &&
      stageIndex(stages, facts.stage) >= stageIndex(stages, signedStageKey),
    version: lead.version,
  };
}

/** The lead as the caller sees it after a change (read again with its names). */
export async function leadView(ctx: Ctx, id: string): Promise<PromotionLead> {
  const row = await loadLead(ctx, id);
  const stages = await stagesResolver(ctx.db)(row.lead.regionPath);
  return presentLead(row, stages, ctx.actor, chinaDate(ctx.clock.now()));
}

/** The year asked (default this year), its quarter, and the period's days. */
export function leadPeriod(ctx: Pick<Ctx, 'clock'>, query: { year?: number; quarter?: number }) {
  const today = chinaDate(ctx.clock.now());
  const year = query.year ?? Number(today.slice(0, 4));
  return { year, quarter: query.quarter ?? null, today, ...promotionPeriod(year, query.quarter) };
}

/**
 * The leads of a region's subtree the actor may see, each presented with its region's stage list,
 * filtered by stage, child region, period (signed or registered within it) and overdue promise.
 */
export async function findPromotionLeads(ctx: Ctx, query: PromotionLeadQuery) {
  const { region } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const sub = query.region
    ? (await resolveRegionView(ctx.db, ctx.actor, query.region)).region.path
    : region.path;
  const period = leadPeriod(ctx, query);
  const rows = await leadSelect(ctx.db)
    .where(
      and(
        inRegionSubtree(promotionLeads.regionPath, region.path),
        inRegionSubtree(promotionLeads.regionPath, sub),
        leadScope(ctx.actor),
        query.dropped === 'true' ? isNotNull(promotionLeads.droppedOn) : undefined,
        query.dropped === 'false' ? isNull(promotionLeads.droppedOn) : undefined,
        query.period === 'created'
          ? and(
              gte(sql`(${promotionLeads.createdAt} at time zone 'Asia/Shanghai')::date`, period.from),
              lte(sql`(${promotionLeads.createdAt} at time zone 'Asia/Shanghai')::date`, period.to),
            )
          : undefined,
      ),
    )
    .orderBy(
      asc(regions.sortOrder),
      asc(regions.code),
      sql`${promotionLeads.contractWanYuan} desc nulls last`,
      asc(promotionLeads.name),
    );
  const stagesOf = stagesResolver(ctx.db);
  const presented = await Promise.all(
    rows.map(async (row) => presentLead(row, await stagesOf(row.lead.regionPath), ctx.actor, period.today)),
  );
  const data = presented.filter(
    (lead) =>
      (!query.stage || lead.stage === query.stage) &&
      (query.overdue !== 'true' || lead.overduePromises.length > 0) &&
      (query.period !== 'signed' ||
        (lead.signedOn !== null && lead.signedOn >= period.from && lead.signedOn <= period.to)),
  );
  return { data, canManage: mayManageLead(ctx.actor, region.path) };
}

/** `GET /api/projects/:id/promotion-lead`: the lead a visible project came from, if the caller sees leads. */
export async function projectPromotionLead(ctx: Ctx, projectId: string) {
  await scopedProject(ctx.db, ctx.actor, projectId);
  const [row] = await leadSelect(ctx.db).where(
    and(eq(promotionLeads.projectId, projectId), leadScope(ctx.actor)),
  );
  if (!row) return { lead: null };
  const stages = await stagesResolver(ctx.db)(row.lead.regionPath);
  const lead = presentLead(row, stages, ctx.actor, chinaDate(ctx.clock.now()));
  return {
    lead: {
      id: lead.id,
      name: lead.name,
      investorName: lead.investorName,
      contractWanYuan: lead.contractWanYuan,
      signedOn: lead.signedOn,
      stageName: lead.stageName,
    },
  };
}
