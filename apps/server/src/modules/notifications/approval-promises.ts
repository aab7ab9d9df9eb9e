import { chinaDate, workingDaysBetween } from '@tuijin/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { approvalItems, approvalMaterials, projects, users } from '../../db/schema';
import { loadHolidayCalendar } from '../calendar';
import { approvalOfficeStaff } from './approval-recipients';
import { notify } from './notify';

/** Working days before a promise when the owner and the agent are first reminded. */
export const promiseReminderDays = 3;

/** Which notice a missing material calls for on `today`, if any. */
export function promiseNotice(
  promisedOn: string,
  today: string,
  workingDaysLeft: number,
): 'approval.promiseDueSoon' | 'approval.promiseDue' | 'approval.promiseOverdue' | null {
  if (today > promisedOn) return 'approval.promiseOverdue';
  if (today === promisedOn) return 'approval.promiseDue';
  return workingDaysLeft <= promiseReminderDays ? 'approval.promiseDueSoon' : null;
}

/**
 * A broken promise is the office's matter too (转为问题 or a 提醒函): its staff over the project's region
 * are told once per material, linking to the project's 前期手续 tab where the item offers 转为问题.
 */
async function tellOfficeOfBrokenPromise(
  ctx: Pick<Ctx, 'db'>,
  now: Date,
  row: {
    materialId: string;
    material: string;
    promisedOn: string;
    itemName: string;
    projectId: string;
    projectName: string;
    regionPath: string;
  },
  officeStaff: Map<string, Promise<string[]>>,
): Promise<number> {
  if (!officeStaff.has(row.regionPath))
    officeStaff.set(row.regionPath, approvalOfficeStaff(ctx.db, row.regionPath));
  const recipients = await officeStaff.get(row.regionPath)!;
  return ctx.db.transaction((tx) =>
    notify(tx, now, recipients, {
      kind: 'approval.promiseBroken',
      params: {
        projectName: row.projectName,
        itemName: row.itemName,
        material: row.material,
        promisedOn: row.promisedOn,
      },
      link: `/projects/${row.projectId}?tab=approvals`,
      dedupeKey: `approval.promiseBroken:${row.materialId}`,
    }),
  );
}

/**
 * 容缺承诺提醒 (beside the monthly-report reminders, reading the approvals' tables as they read the
 * reports'): for every material still missing on an open item, reminds the project owner's users
 * and the item's agent — from three working days before the promise, on the day, and once it has
 * passed (the item then shows red) — then the office over the project too. Each notice once per material and kind (the dedupe key).
 */
export async function remindApprovalPromises(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const calendar = await loadHolidayCalendar(ctx.db);
  const missing = await ctx.db
    .select({
      materialId: approvalMaterials.id,
      material: approvalMaterials.name,
      promisedOn: approvalMaterials.promisedOn,
      itemName: approvalItems.name,
      agentUserId: approvalItems.agentUserId,
      projectId: projects.id,
      projectName: projects.name,
      regionPath: projects.regionPath,
      ownerOrganisationId: projects.ownerOrganisationId,
    })
    .from(approvalMaterials)
    .innerJoin(approvalItems, eq(approvalItems.id, approvalMaterials.itemId))
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .where(and(isNull(approvalMaterials.suppliedOn), eq(approvalItems.status, 'accepted_with_gaps')));
  if (missing.length === 0) return 0;
  const owners = await ctx.db
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.organisationId, [...new Set(missing.map((m) => m.ownerOrganisationId))]),
        sql`'owner' = any(${users.roles})`,
      ),
    );
  const officeStaff = new Map<string, Promise<string[]>>();
  let created = 0;
  for (const row of missing) {
    const kind = promiseNotice(row.promisedOn, today, workingDaysBetween(today, row.promisedOn, calendar));
    if (!kind) continue;
    const recipients = [
      ...owners.filter((o) => o.organisationId === row.ownerOrganisationId).map((o) => o.id),
      ...(row.agentUserId ? [row.agentUserId] : []),
    ];
    created += await ctx.db.transaction((tx) =>
      notify(tx, now, [...new Set(recipients)], {
        kind,
        params: {
          projectName: row.projectName,
          itemName: row.itemName,
          material: row.material,
          promisedOn: row.promisedOn,
        },
        link: `/projects/${row.projectId}?tab=approvals`,
        dedupeKey: `${kind}:${row.materialId}`,
      }),
    );
    if (kind === 'approval.promiseOverdue')
      created += await tellOfficeOfBrokenPromise(ctx, now, row, officeStaff);
  }
  return created;
}
