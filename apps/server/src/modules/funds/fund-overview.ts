import {
  type FundFigures,
  type FundKind,
  type FundOverview,
  type FundOverviewQuery,
  normaliseDecimal,
} from '@tuijin/contracts';
import {
  chinaDate,
  defaultIdleMonths,
  disbursementRate,
  type FundApplicationStage,
  fundApplicationStages,
  fundKinds,
  fundStartRate,
  idleAllocations,
  passedProvincialReview,
  startedBy,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { fundAllocations, fundApplications, fundPayments, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';

/** One allocation as the jurisdiction views read it: its project, region, start and paid total. */
export interface FundLedgerRow {
  allocationId: string;
  projectId: string;
  projectName: string;
  regionPath: string;
  regionName: string;
  actualStartOn: string | null;
  kind: FundKind;
  year: number;
  batch: string | null;
  amountWanYuan: string;
  issuedOn: string;
  paidWanYuan: string;
}

/** The year asked (default this year) and the day figures count up to: today, or 31 December of a past year. */
export function fundPeriod(ctx: Pick<Ctx, 'clock'>, yearAsked: number | undefined) {
  const today = chinaDate(ctx.clock.now());
  const year = yearAsked ?? Number(today.slice(0, 4));
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  return { year, asOf };
}

/**
 * Every live allocation of the kind (all kinds when none) on the projects of the region's subtree
 * the actor may see, with its paid total counting payments dated on or before `asOf`.
 */
export async function fundLedgerRows(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  regionPath: string,
  kind: FundKind | undefined,
  asOf: string,
): Promise<FundLedgerRow[]> {
  const paid = ctx.db
    .select({
      allocationId: fundPayments.allocationId,
      total: sql<string>`sum(${fundPayments.amountWanYuan})`.as('total'),
    })
    .from(fundPayments)
    .where(and(isNull(fundPayments.deletedAt), lte(fundPayments.paidOn, asOf)))
    .groupBy(fundPayments.allocationId)
    .as('paid');
  const rows = await ctx.db
    .select({
      allocationId: fundAllocations.id,
      projectId: projects.id,
      projectName: projects.name,
      regionPath: projects.regionPath,
      regionName: regions.name,
      actualStartOn: projects.actualStartOn,
      kind: fundAllocations.kind,
      year: fundAllocations.year,
      batch: fundAllocations.batch,
      amountWanYuan: fundAllocations.amountWanYuan,
      issuedOn: fundAllocations.issuedOn,
      paidWanYuan: paid.total,
    })
    .from(fundAllocations)
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(paid, eq(paid.allocationId, fundAllocations.id))
    .where(
      and(
        isNull(fundAllocations.deletedAt),
        lte(fundAllocations.issuedOn, asOf),
        kind ? eq(fundAllocations.kind, kind) : undefined,
        inRegionSubtree(projects.regionPath, regionPath),
        projectScope(ctx.actor),
      ),
    )
    .orderBy(asc(regions.sortOrder), asc(regions.code), asc(projects.name), asc(fundAllocations.issuedOn));
  return rows.map((r) => ({
    ...r,
    amountWanYuan: normaliseDecimal(r.amountWanYuan),
    paidWanYuan: r.paidWanYuan ? normaliseDecimal(r.paidWanYuan) : '0',
  }));
}

/**
 * The figures over some allocations: 开工率 over the distinct projects that have an allocation of
 * the year (`fundStartRate`), allocated and paid over the year's allocations (`disbursementRate`),
 * and idle money over allocations of any year (`idleAllocations`).
 */
export function fundFigures(
  rows: readonly FundLedgerRow[],
  year: number,
  asOf: string,
  idleMonths: number,
): FundFigures {
  const ofYear = rows.filter((r) => r.year === year);
  const projectStarts = new Map(ofYear.map((r) => [r.projectId, r.actualStartOn]));
  const funded = [...projectStarts.values()].map((actualStartOn) => ({ actualStartOn }));
  const allocated = sumDecimals(ofYear, (r) => r.amountWanYuan);
  const paid = sumDecimals(ofYear, (r) => r.paidWanYuan);
  const idle = idleAllocations(rows, asOf, idleMonths);
  return {
    fundedProjects: funded.length,
    startedProjects: funded.filter((p) => startedBy(p.actualStartOn, asOf)).length,
    startRate: fundStartRate(funded, asOf),
    allocatedWanYuan: allocated,
    paidWanYuan: paid,
    disbursementRate: disbursementRate({ paidWanYuan: paid, allocatedWanYuan: allocated }),
    idleCount: idle.length,
    idleWanYuan: sumDecimals(idle, (r) => r.amountWanYuan),
  };
}

/**
 * 资金保障 of a jurisdiction: the figures of the whole region and of each child region (a row for
 * the region's own projects, 本级, when it has any), the idle allocations and the application
 * pipeline by kind and stage for the year. Scoped: only projects the actor may see count.
 */
export async function fundOverview(ctx: Ctx, query: FundOverviewQuery): Promise<FundOverview> {
  const { region, children } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const { year, asOf } = fundPeriod(ctx, query.year);
  const idleMonths = query.idleMonths ?? defaultIdleMonths;
  const rows = await fundLedgerRows(ctx, region.path, query.kind, asOf);
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const own = rows.filter((r) => r.regionPath === region.path);
  const regionRows = [
    ...(own.length > 0 ? [{ regionCode: region.code, regionName: `${region.name}本级`, rows: own }] : []),
    ...children.map((child) => ({
      regionCode: child.code,
      regionName: child.name,
      rows: rows.filter((r) => within(r.regionPath, child.path)),
    })),
  ];
  const applications = await ctx.db
    .select({
      kind: fundApplications.kind,
      stage: fundApplications.stage,
      submittedOn: fundApplications.submittedOn,
    })
    .from(fundApplications)
    .innerJoin(projects, eq(projects.id, fundApplications.projectId))
    .where(
      and(
        isNull(fundApplications.deletedAt),
        eq(fundApplications.year, year),
        query.kind ? eq(fundApplications.kind, query.kind) : undefined,
        inRegionSubtree(projects.regionPath, region.path),
        projectScope(ctx.actor),
      ),
    );
  const pipeline = fundKinds
    .filter((kind) => !query.kind || kind === query.kind)
    .map((kind) => {
      const mine = applications.filter((a) => a.kind === kind);
      const byStage = Object.fromEntries(
        fundApplicationStages.map((stage) => [stage, mine.filter((a) => a.stage === stage).length]),
      ) as Record<FundApplicationStage, number>;
      return {
        kind,
        total: mine.length,
        byStage,
        passedProvincialReview: mine.filter((a) =>
          passedProvincialReview({ stage: a.stage as FundApplicationStage, submittedOn: a.submittedOn }),
        ).length,
      };
    });
  return {
    regionCode: region.code,
    regionName: region.name,
    year,
    kind: query.kind ?? null,
    asOf,
    idleMonths,
    totals: fundFigures(rows, year, asOf, idleMonths),
    regions: regionRows.map(({ rows: mine, ...r }) => ({
      ...r,
      ...fundFigures(mine, year, asOf, idleMonths),
    })),
    idle: idleAllocations(rows, asOf, idleMonths).map((r) => ({
      allocationId: r.allocationId,
      projectId: r.projectId,
      projectName: r.projectName,
      regionName: r.regionName,
      kind: r.kind,
      year: r.year,
      batch: r.batch,
      amountWanYuan: r.amountWanYuan,
      issuedOn: r.issuedOn,
      monthsIdle: r.monthsIdle,
    })),
    pipeline,
  };
}
