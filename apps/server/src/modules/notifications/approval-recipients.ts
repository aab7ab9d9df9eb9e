import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { users } from '../../db/schema';
import { regionOffice } from '../../lib/region-office';

/** Active users of the given organisations, optionally only those holding `role`. */
export async function organisationStaff(
  db: Queryable,
  organisationIds: readonly (string | null)[],
  role?: 'owner' | 'office_staff' | 'department_staff',
): Promise<string[]> {
  const ids = [...new Set(organisationIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.organisationId, ids),
        role ? sql`${role} = any(${users.roles})` : undefined,
      ),
    );
  return rows.map((row) => row.id);
}

/** The staff of the office over a project's region (its own, else the nearest above) who run its checklists. */
export async function approvalOfficeStaff(db: Queryable, regionPath: string): Promise<string[]> {
  const office = await regionOffice(db, regionPath);
  return office ? organisationStaff(db, [office.id], 'office_staff') : [];
}
