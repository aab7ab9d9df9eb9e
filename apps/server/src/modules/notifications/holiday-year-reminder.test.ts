import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { runReminders } from './run-reminders';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const adminReminders = (outcome: Awaited<ReturnType<typeof runReminders>>) =>
  outcome.created.filter((c) => c.kind === 'calendar.nextYearMissing');

describe('the reminder to enter next year’s holidays', () => {
  it('starts on 1 November, goes to the system admin only, once a month, until the year is entered', async () => {
    expect(adminReminders(await runReminders(t, '2026-10-31', { deliver: false }))).toEqual([]);
    const november = adminReminders(await runReminders(t, '2026-11-01', { deliver: false }));
    expect(november).toEqual([
      {
        username: 'admin',
        displayName: '系统管理员',
        kind: 'calendar.nextYearMissing',
        params: { year: 2027 },
        link: '/calendar',
      },
    ]);
    expect(adminReminders(await runReminders(t, '2026-11-20', { deliver: false }))).toEqual([]);
    expect(adminReminders(await runReminders(t, '2026-12-01', { deliver: false }))).toHaveLength(1);

    const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    const stored = await t.db
      .select({ params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.userId, admin!.id), eq(notifications.kind, 'calendar.nextYearMissing')));
    expect(stored).toHaveLength(2);

    const entered = await (await t.as('admin')).put('/api/calendar/overrides/2027-01-01', {
      kind: 'holiday',
      name: '元旦',
    });
    expect(entered.status).toBe(200);
    expect(adminReminders(await runReminders(t, '2026-12-15', { deliver: false }))).toEqual([]);
    expect(adminReminders(await runReminders(t, '2027-11-01', { deliver: false }))).toHaveLength(1);
  });
});
