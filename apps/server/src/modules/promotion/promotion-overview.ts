import type { PromotionOverview, PromotionOverviewQuery } from '@tuijin/contracts';
import {
  authorize,
  enteredOn,
  overduePromises,
  type PromotionStage,
  promotionFunnel,
  signedStageKey,
  signedToStartedRate,
  stageDwellTimes,
  stageIndex,
  stageName,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, promotionLeads, regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import { leadFacts, leadPeriod, leadScope } from './promotion.queries';
import { effectivePromotionStages, stagesResolver } from './promotion-settings';

type Facts = ReturnType<typeof leadFacts> & { overdue: boolean };

/**
 * Every lead of a region's subtree the actor may see, as the figures read it on `asOf` (each with
 * its own region's stage list: a converted lead counts as 开工 from its project's real start).
 */
export async function promotionFactsIn(ctx: Ctx, regionPath: string, asOf: string): Promise<Facts[]> {
  const rows = await ctx.db
    .select({
      lead: promotionLeads,
      regionName: regions.name,
      responsibleOrganisationName: sql<string | null>`null`,
      projectName: projects.name,
      projectStartOn: projects.actualStartOn,
    })
    .from(promotionLeads)
    .innerJoin(regions, eq(regions.code, promotionLeads.regionCode))
    .leftJoin(projects, eq(projects.id, promotionLeads.projectId))
    .where(and(inRegionSubtree(promotionLeads.regionPath, regionPath), leadScope(ctx.actor)))
    .orderBy(asc(promotionLeads.createdAt));
  const stagesOf = stagesResolver(ctx.db);
  return Promise.all(
    rows.map(async (row) => {
      const stages = await stagesOf(row.lead.regionPath);
      const facts = leadFacts(row, stages, asOf);
      return { ...facts, overdue: overduePromises(facts, stages, asOf).length > 0 };
    }),
  );
}

function regionFigures(leads: readonly Facts[], period: { from: string; to: string }, asOf: string) {
  const live = leads.filter((l) => !l.isDropped);
  const conversion = signedToStartedRate(leads, period, asOf);
  const signedLeads = leads.filter((l) => {
    const on = enteredOn(l.history, signedStageKey);
    return on !== null && on >= period.from && on <= period.to;
  });
  return {
    leads: live.length,
    contractWanYuan: sumDecimals(live, (l) => l.contractWanYuan ?? '0'),
    signed: conversion.signed,
    signedWanYuan: sumDecimals(signedLeads, (l) => l.contractWanYuan ?? '0'),
    started: conversion.started,
    conversion: {
      numerator: conversion.numerator,
      denominator: conversion.denominator,
      percent: conversion.percent,
    },
    converted: leads.filter((l) => l.projectId !== null).length,
    overdue: live.filter((l) => l.overdue).length,
    dropped: leads.filter(
      (l) => l.droppedOn !== null && l.droppedOn >= period.from && l.droppedOn <= period.to,
    ).length,
  };
}

/**
 * 招商引资 of a jurisdiction for a year or quarter: the funnel over the jurisdiction's stage list
 * (leads now in each stage and having reached it, with contract amounts), 签约转开工 (signed in the
 * period, started by today), average and median dwell per stage (stays ended in the period), and the
 * same per child region (a row for the region's own leads, 本级, when it has any). Scoped: only
 * leads the actor may see count, so the totals equal the sum of the rows.
 */
export async function promotionOverview(ctx: Ctx, query: PromotionOverviewQuery): Promise<PromotionOverview> {
  authorize(ctx.actor, 'promotion.read');
  const { region, children } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const period = leadPeriod(ctx, query);
  const asOf = period.today;
  const { stages } = await effectivePromotionStages(ctx.db, region.path);
  const leads = await promotionFactsIn(ctx, region.path, asOf);
  const inList = (l: Facts) => stageIndex(stages, l.stage) >= 0;
  const other = leads.filter((l) => !l.isDropped && !inList(l));
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const own = leads.filter((l) => l.regionPath === region.path);
  const rows = [
    ...(own.length > 0 ? [{ regionCode: region.code, regionName: `${region.name}本级`, leads: own }] : []),
    ...children.map((child) => ({
      regionCode: child.code,
      regionName: child.name,
      leads: leads.filter((l) => within(l.regionPath, child.path)),
    })),
  ];
  const named = (key: string, list: readonly PromotionStage[]) => stageName(list, key);
  return {
    regionCode: region.code,
    regionName: region.name,
    year: period.year,
    quarter: period.quarter,
    from: period.from,
    to: period.to,
    asOf,
    stages,
    funnel: promotionFunnel(leads.filter(inList), stages).map((row) => ({
      ...row,
      name: named(row.key, stages),
    })),
    otherStages: { count: other.length, wanYuan: sumDecimals(other, (l) => l.contractWanYuan ?? '0') },
    conversion: signedToStartedRate(leads, period, asOf),
    dwell: stageDwellTimes(leads, stages, period).map((row) => ({ ...row, name: named(row.key, stages) })),
    regions: rows.map(({ leads: mine, ...r }) => ({ ...r, ...regionFigures(mine, period, asOf) })),
    totals: { regionCode: region.code, regionName: region.name, ...regionFigures(leads, period, asOf) },
  };
}
