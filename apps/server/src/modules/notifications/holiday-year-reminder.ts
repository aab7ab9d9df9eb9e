import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { users } from '../../db/schema';
import { loadHolidayCalendar } from '../calendar';

/** From this month on, the system admin is reminded to enter next year's holiday arrangement. */
export const holidayReminderFromMonth = 11;

/** A reminder for one person, as the reminder job queues it. */
export interface HolidayYearReminder {
  userId: string;
  kind: 'calendar.nextYearMissing';
  params: { year: number };
  link: string;
  dedupeKey: string;
}

/**
 * 节假日安排录入提醒: from 1 November, while next year's official holiday arrangement is neither in
 * the packaged data nor entered by an admin, every active system admin is reminded to enter it
 * (the State Council usually publishes it in November). One per person and month (deduped by
 * key), so a November reminder is repeated in December if the year is still missing.
 */
export async function holidayYearReminders(db: Queryable, today: string): Promise<HolidayYearReminder[]> {
  if (Number(today.slice(5, 7)) < holidayReminderFromMonth) return [];
  const year = Number(today.slice(0, 4)) + 1;
  const calendar = await loadHolidayCalendar(db);
  if (calendar.knownYears.has(year)) return [];
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isActive, true), sql`'system_admin' = any(${users.roles})`));
  return admins.map((admin) => ({
    userId: admin.id,
    kind: 'calendar.nextYearMissing',
    params: { year },
    link: '/calendar',
    dedupeKey: `calendar.nextYearMissing:${year}:${today.slice(0, 7)}`,
  }));
}

/** Whether `today` falls in the reminder season and next year's arrangement is still missing. */
export async function isNextHolidayYearMissing(db: Queryable, today: string): Promise<number | null> {
  if (Number(today.slice(5, 7)) < holidayReminderFromMonth) return null;
  const year = Number(today.slice(0, 4)) + 1;
  return (await loadHolidayCalendar(db)).knownYears.has(year) ? null : year;
}
