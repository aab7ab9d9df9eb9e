import { addWorkingDays, workingDaysBetween } from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { approvalItems, organisations, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';

/** An approval item of a region's project past its committed limit. */
export interface OverdueApprovalItem {
  id: string;
  projectId: string;
  projectName: string;
  name: string;
  departmentName: string | null;
  committedDays: number;
  /** The limit's last day: accepted on + committed working days. */
  dueOn: string;
  /** Working days from the limit to `asOf`. */
  workingDaysOverdue: number;
}

/**
 * 前期手续 of the projects of `regionPath`'s subtree accepted and still undecided past their committed
 * limit (accepted on + committed working days) on `asOf`, the longest overdue first.
 */
export async function overdueApprovalItemsIn(
  db: Queryable,
  regionPath: string,
  asOf: string,
): Promise<OverdueApprovalItem[]> {
  const rows = await db
    .select({
      id: approvalItems.id,
      projectId: approvalItems.projectId,
      name: approvalItems.name,
      projectName: projects.name,
      departmentName: organisations.name,
      acceptedOn: approvalItems.acceptedOn,
      committedDays: approvalItems.committedDays,
    })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .leftJoin(organisations, eq(organisations.id, approvalItems.departmentId))
    .where(
      and(
        inRegionSubtree(projects.regionPath, regionPath),
        inArray(approvalItems.status, ['accepted', 'accepted_with_gaps']),
        sql`${approvalItems.acceptedOn} is not null`,
      ),
    );
  if (rows.length === 0) return [];
  const calendar = await loadHolidayCalendar(db);
  return rows
    .map(({ acceptedOn, ...r }) => ({ ...r, dueOn: addWorkingDays(acceptedOn!, r.committedDays, calendar) }))
    .filter((r) => r.dueOn < asOf)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.projectName.localeCompare(b.projectName))
    .map((r) => ({ ...r, workingDaysOverdue: Math.max(0, workingDaysBetween(r.dueOn, asOf, calendar)) }));
}
