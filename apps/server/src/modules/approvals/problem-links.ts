import {
  AppError,
  type ApprovalStatus,
  approvalTiming,
  chinaDate,
  defaultApprovalSettings,
} from '@tuijin/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { approvalItems, approvalMaterials } from '../../db/schema';
import { loadHolidayCalendar } from '../calendar';

/**
 * The approval item a problem is raised about, locked for the caller's transaction so two raises on
 * one item wait for each other: it must be on the same project's checklist, else a 400 naming
 * `approvalItemId`.
 */
export async function lockApprovalItemOfProject(tx: Queryable, itemId: string, projectId: string) {
  const [item] = await tx
    .select({ id: approvalItems.id, name: approvalItems.name })
    .from(approvalItems)
    .where(and(eq(approvalItems.id, itemId), eq(approvalItems.projectId, projectId)))
    .for('update');
  if (!item)
    throw new AppError('VALIDATION_FAILED', '所选前期手续事项不在该项目的清单中', [
      { path: 'approvalItemId', message: '不在该项目的手续清单中' },
    ]);
  return item;
}

/**
 * The items problems are linked to, as a problem's page shows them: name, status, the colour of the
 * clock today, the limit and the earliest open 容缺 promise. The caller has checked the problems.
 */
export async function approvalItemSummaries(db: Queryable, itemIds: readonly string[], now: Date) {
  const summaries = new Map<
    string,
    {
      id: string;
      projectId: string;
      name: string;
      status: ApprovalStatus;
      colour: ReturnType<typeof approvalTiming>['colour'];
      dueOn: string | null;
      nextPromiseOn: string | null;
    }
  >();
  if (itemIds.length === 0) return summaries;
  const [items, open, calendar] = await Promise.all([
    db
      .select()
      .from(approvalItems)
      .where(inArray(approvalItems.id, [...itemIds])),
    db
      .select({ itemId: approvalMaterials.itemId, promisedOn: approvalMaterials.promisedOn })
      .from(approvalMaterials)
      .where(and(inArray(approvalMaterials.itemId, [...itemIds]), isNull(approvalMaterials.suppliedOn))),
    loadHolidayCalendar(db),
  ]);
  const today = chinaDate(now);
  for (const item of items) {
    const timing = approvalTiming(
      {
        status: item.status as ApprovalStatus,
        committedDays: item.committedDays,
        acceptedOn: item.acceptedOn,
        approvedOn: item.approvedOn,
        gapsClearedOn: item.gapsClearedOn,
        openPromises: open.filter((m) => m.itemId === item.id).map((m) => m.promisedOn),
      },
      today,
      calendar,
      defaultApprovalSettings.conversionDays,
    );
    summaries.set(item.id, {
      id: item.id,
      projectId: item.projectId,
      name: item.name,
      status: item.status as ApprovalStatus,
      colour: timing.colour,
      dueOn: timing.dueOn,
      nextPromiseOn: timing.nextPromiseOn,
    });
  }
  return summaries;
}
