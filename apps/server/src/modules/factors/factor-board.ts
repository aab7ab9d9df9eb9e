import type { FactorBoard, FactorBoardQuery } from '@tuijin/contracts';
import { authorize, chinaDate, type FactorDemandStatus, factorBoard } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { factorDemands, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import {
  type DemandListRow,
  jurisdictionDepartments,
  labourOnSite,
  presentDemand,
  selectDemands,
} from './factors.queries';

/**
 * The demands of a jurisdiction's projects the actor may see, under the board's filters (type,
 * status, responsible department), with the region and its child regions.
 */
export async function boardDemands(ctx: Pick<Ctx, 'db' | 'actor'>, query: FactorBoardQuery) {
  const { region, children } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const rows = await selectDemands(
    ctx.db,
    ctx.actor,
    and(
      inRegionSubtree(projects.regionPath, region.path),
      query.type ? eq(factorDemands.type, query.type) : undefined,
      query.status ? eq(factorDemands.status, query.status) : undefined,
      query.departmentId ? eq(factorDemands.responsibleOrganisationId, query.departmentId) : undefined,
    ),
  );
  return { region, children, rows };
}

/**
 * 要素保障看板 of a jurisdiction: demand vs met by type (counts; quantities of the fixed-unit types)
 * and by child region (a 本级 row when the region's own projects have demands), the overdue demands
 * (most overdue first) and every demand under the filters. Scoped: only demands the actor may see
 * count, so the totals are the sums of the rows.
 */
export async function factorBoardOf(ctx: Ctx, query: FactorBoardQuery): Promise<FactorBoard> {
  authorize(ctx.actor, 'factor.read');
  const today = chinaDate(ctx.clock.now());
  const { region, children, rows } = await boardDemands(ctx, query);
  const own = rows.some((r) => r.project.regionPath === region.path);
  const regionRows = [
    ...(own ? [{ code: region.code, name: `${region.name}本级`, path: region.path, exact: true }] : []),
    ...children.map((c) => ({ code: c.code, name: c.name, path: c.path, exact: false })),
  ];
  const regionOf = (row: DemandListRow) =>
    regionRows.find((r) =>
      r.exact
        ? row.project.regionPath === r.path
        : row.project.regionPath === r.path || row.project.regionPath.startsWith(`${r.path}.`),
    )?.code ?? null;
  const board = factorBoard(
    rows.map((row) => ({
      row,
      type: row.demand.type,
      status: row.demand.status as FactorDemandStatus,
      neededBy: row.demand.neededBy,
      quantity: row.demand.quantity,
      metQuantity: row.demand.metQuantity,
    })),
    regionRows,
    (d) => regionOf(d.row),
    today,
  );
  const onSite = await labourOnSite(ctx.db, rows, today);
  const demands = rows.map((row) => presentDemand(row, ctx.actor, today, onSite));
  return {
    regionCode: region.code,
    regionName: region.name,
    asOf: today,
    totals: {
      total: board.totals.total,
      pending: board.totals.pending,
      inProgress: board.totals.inProgress,
      met: board.totals.met,
      unmet: board.totals.unmet,
      overdue: board.totals.overdue,
    },
    byType: board.byType,
    byRegion: board.byRegion.map(({ quantity: _q, metQuantity: _m, ...r }) => r),
    overdue: demands.filter((d) => d.isOverdue).sort((a, b) => b.daysOverdue - a.daysOverdue),
    demands,
    departments: await jurisdictionDepartments(ctx.db, region.path),
  };
}
