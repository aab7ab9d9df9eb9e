import type { CockpitApprovals, CockpitApprovalsQuery } from '@tuijin/contracts';
import { authorize, chinaDate } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { approvalFiguresBy, type FigureRegion } from '../approvals';
import { overdueNodesByRegion } from '../milestones';
import { cockpitFilterSql } from './cockpit-base';
import { resolveCockpitRegion } from './cockpit-regions';

/**
 * 前期手续 in the cockpit: for the chosen region (default the actor's own), per child region (each with
 * its subtree, plus 本级 when projects sit on the region itself; at a leaf the region alone) or per
 * approving department, the approvals module's figures (`approvalFiguresBy`, the 手续事项 list's
 * scope) under the cockpit's project filters, and by region the milestones module's overdue nodes.
 */
export async function getCockpitApprovals(ctx: Ctx, query: CockpitApprovalsQuery): Promise<CockpitApprovals> {
  authorize(ctx.actor, 'cockpit.read');
  const place = await resolveCockpitRegion(ctx.db, ctx.actor, query.region);
  const regions: FigureRegion[] = [
    ...place.children.map((child) => ({
      key: child.code,
      label: child.name,
      path: child.path,
      isSelf: false,
    })),
    { key: place.region.code, label: place.region.name, path: place.region.path, isSelf: true },
  ];
  const projectFilter = cockpitFilterSql(query);
  const now = ctx.clock.now();
  const [figures, nodes] = await Promise.all([
    approvalFiguresBy(ctx.db, ctx.actor, {
      regionPath: place.region.path,
      projectFilter,
      groupBy: query.by === 'region' ? regions : 'department',
      year: query.year,
      now,
    }),
    overdueNodesByRegion(ctx.db, ctx.actor, {
      regionPath: place.region.path,
      projectFilter,
      regions,
      today: chinaDate(now),
    }),
  ]);
  const rows = figures.rows
    .map((row) => ({
      ...row,
      overdueNodes: query.by === 'region' ? (nodes.byKey.get(row.key) ?? null) : null,
    }))
    // 本级 only when something sits on the region itself (or it is a leaf).
    .filter(
      (row) =>
        row.kind !== 'regionSelf' ||
        place.children.length === 0 ||
        row.figures.open + row.figures.approvedThisYear + (row.overdueNodes?.nodes ?? 0) > 0,
    );
  return {
    year: query.year,
    by: query.by,
    region: { code: place.region.code, name: place.region.name, level: place.region.level },
    total: figures.total,
    totalOverdueNodes: nodes.total,
    rows,
  };
}
