import type { ApprovalStatisticsQuery } from '@tuijin/contracts';
import {
  type Actor,
  approvalStatistics,
  authorize,
  type HolidayCalendar,
  type ProjectSpan,
  projectSpan,
  spanClosingCode,
} from '@tuijin/domain';
import { and, between, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { approvalItems, organisations, projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';
import { itemScope } from './approvals.queries';

async function periodStatistics(
  db: Queryable,
  actor: Actor,
  from: string,
  to: string,
  region: SQL | undefined,
  calendar: HolidayCalendar,
) {
  const approved = await db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      code: approvalItems.code,
      name: approvalItems.name,
      departmentName: organisations.name,
      committedDays: approvalItems.committedDays,
      acceptedOn: approvalItems.acceptedOn,
      approvedOn: approvalItems.approvedOn,
    })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .leftJoin(organisations, eq(organisations.id, approvalItems.departmentId))
    .where(
      and(
        itemScope(actor),
        region,
        eq(approvalItems.status, 'approved'),
        isNotNull(approvalItems.acceptedOn),
        between(approvalItems.approvedOn, from, to),
      ),
    );
  const permits = await db
    .select({ projectId: projects.id, projectName: projects.name })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .where(
      and(
        projectScope(actor),
        region,
        eq(approvalItems.code, spanClosingCode),
        eq(approvalItems.status, 'approved'),
        between(approvalItems.approvedOn, from, to),
      ),
    );
  const spanItems = permits.length
    ? await db
        .select({
          projectId: approvalItems.projectId,
          code: approvalItems.code,
          acceptedOn: approvalItems.acceptedOn,
          approvedOn: approvalItems.approvedOn,
        })
        .from(approvalItems)
        .where(
          inArray(
            approvalItems.projectId,
            permits.map((p) => p.projectId),
          ),
        )
    : [];
  const spans = permits
    .map((project) =>
      projectSpan(
        project,
        spanItems.filter((i) => i.projectId === project.projectId),
        calendar,
      ),
    )
    .filter((s): s is ProjectSpan => s !== null);
  const stats = approvalStatistics(
    approved.map((row) => ({ ...row, acceptedOn: row.acceptedOn!, approvedOn: row.approvedOn! })),
    spans,
    calendar,
  );
  return { from, to, ...stats };
}

/**
 * 审批用时统计 for a period by approval date, and optionally a second period to compare with (Luohe:
 * 66 → 38 days): every figure from the item dates, over the items and projects the actor may read.
 */
export async function getApprovalStatistics(db: Queryable, actor: Actor, query: ApprovalStatisticsQuery) {
  authorize(actor, 'approval.read');
  let region: SQL | undefined;
  if (query.regionCode) {
    const found = await regionByCode(db, query.regionCode);
    region = inRegionSubtree(projects.regionPath, found.path);
  }
  const calendar = await loadHolidayCalendar(db);
  const period = await periodStatistics(db, actor, query.from, query.to, region, calendar);
  const compare =
    query.compareFrom && query.compareTo
      ? await periodStatistics(db, actor, query.compareFrom, query.compareTo, region, calendar)
      : null;
  return { period, compare };
}
