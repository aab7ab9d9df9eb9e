import { chinaDate } from '@tuijin/domain';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualPlans,
  monthlyReports,
  notifications,
  organisations,
  projects,
  regions,
  reportingCalendars,
  users,
} from '../../db/schema';
import { startJobWorker } from '../../jobs/worker';
import { forgetCachedReadings } from '../../lib/process-cache';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { remindersJob } from './reminder.job';
import { startFromNoPlansOrReports } from './reminder-data.fixture';
import { runReminders } from './run-reminders';

let t: TestApp;
/** owner1's project (蕉城区), planned for 2026, nothing reported. */
let silent: { id: string; name: string };
/** Another 蕉城区 project of owner1's unit under 住建, planned for 2026, February report submitted and waiting. */
let waiting: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  await startFromNoPlansOrReports(t.db);
  const [owner] = await t.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  const [housing] = await t.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市住房和城乡建设局'));
  const candidates = await t.db
    .select()
    .from(projects)
    .where(and(eq(projects.regionCode, '350902'), ne(projects.stage, 'dropped')));
  const own = candidates.filter((p) => p.ownerOrganisationId === owner!.id);
  const other = candidates.filter((p) => p.ownerOrganisationId !== owner!.id);
  silent = own[0]!;
  waiting = other[0]!;
  await t.db
    .update(projects)
    .set({ responsibleDepartmentId: housing!.id, ownerOrganisationId: owner!.id })
    .where(eq(projects.id, waiting.id));
  for (const project of [silent, waiting]) {
    await t.db
      .insert(annualPlans)
      .values({ projectId: project.id, year: 2026, plannedInvestmentWanYuan: '1000' });
  }
  await t.db.insert(monthlyReports).values({
    projectId: waiting.id,
    year: 2026,
    month: 2,
    completedWanYuan: '80',
    status: 'submitted',
    dueOn: '2026-02-25',
    submittedAt: new Date('2026-02-20T02:00:00Z'),
  });
  // March already submitted for `waiting`, so only `silent` is reminded about March.
  await t.db.insert(monthlyReports).values({
    projectId: waiting.id,
    year: 2026,
    month: 3,
    completedWanYuan: '90',
    status: 'approved',
    dueOn: '2026-03-25',
  });
});
afterAll(async () => t.close());

async function notificationsOf(username: string) {
  const [person] = await t.db.select().from(users).where(eq(users.username, username));
  return t.db.select().from(notifications).where(eq(notifications.userId, person!.id));
}

describe('reminders', () => {
  it('tells owners a report is due soon and another is late, and reviewers what waits — once', async () => {
    const first = await runReminders(t, '2026-03-23', { deliver: false });
    expect(first.dueSoonDays).toBe(3);

    const owner1 = await notificationsOf('owner1');
    const mine = owner1.filter((n) => (n.params as { projectName: string }).projectName === silent.name);
    expect(mine.map((n) => n.kind).sort()).toEqual(['report.dueSoon', 'report.late']);
    expect(mine.find((n) => n.kind === 'report.dueSoon')).toMatchObject({
      params: { projectName: silent.name, year: 2026, month: 3, dueOn: '2026-03-25', days: 2 },
      link: `/projects/${silent.id}`,
    });
    expect(mine.find((n) => n.kind === 'report.late')?.params).toMatchObject({
      month: 2,
      dueOn: '2026-02-25',
    });
    // The project with its February report submitted and March approved reminds its owner of nothing.
    expect(
      first.created.some((c) => c.params.projectName === waiting.name && c.kind !== 'report.awaitingReview'),
    ).toBe(false);

    for (const reviewer of ['jiaocheng', 'zhujian']) {
      const summary = (await notificationsOf(reviewer)).filter((n) => n.kind === 'report.awaitingReview');
      expect(summary).toHaveLength(1);
      expect(summary[0]?.params).toEqual({ count: 1, date: '2026-03-23' });
    }
    // Not the city office, not an office elsewhere, not the owner.
    for (const other of ['ningde', 'fuan', 'owner1']) {
      expect((await notificationsOf(other)).some((n) => n.kind === 'report.awaitingReview')).toBe(false);
    }

    const again = await runReminders(t, '2026-03-23', { deliver: false });
    expect(again.created).toEqual([]);
    expect(await notificationsOf('owner1')).toHaveLength(owner1.length);
  });

  it('sends a new daily summary to reviewers the next day but repeats no owner reminder', async () => {
    const next = await runReminders(t, '2026-03-24', { deliver: false });
    expect(next.created.map((c) => `${c.username}:${c.kind}`).sort()).toEqual([
      'jiaocheng:report.awaitingReview',
      'zhujian:report.awaitingReview',
    ]);
  });

  it('reminds nobody of a due date further away than the setting, nor once the report is submitted', async () => {
    const admin = await t.as('admin');
    const settings = (await admin.get('/api/reminder-settings')).body;
    expect(settings).toEqual({ dueSoonDays: 3, version: 0 });
    expect((await admin.put('/api/reminder-settings', { dueSoonDays: 40, version: 0 })).status).toBe(400);
    expect((await admin.put('/api/reminder-settings', { dueSoonDays: 1, version: 0 })).body).toEqual({
      dueSoonDays: 1,
      version: 1,
    });
    // The 25th of April 2026 is a Saturday, so April's deadline is Monday the 27th: three days away
    // on the 24th is beyond the 1-day setting; on the 26th it is due.
    const april = await runReminders(t, '2026-04-24', { deliver: false });
    expect(april.created.filter((c) => c.kind === 'report.dueSoon')).toEqual([]);
    const aprilDue = await runReminders(t, '2026-04-26', { deliver: false });
    expect(aprilDue.created.filter((c) => c.kind === 'report.dueSoon').map((c) => c.params)).toContainEqual(
      expect.objectContaining({ projectName: silent.name, month: 4, dueOn: '2026-04-27', days: 1 }),
    );

    await t.db
      .update(monthlyReports)
      .set({ status: 'approved' })
      .where(inArray(monthlyReports.projectId, [waiting.id]));
    await t.db.insert(monthlyReports).values({
      projectId: silent.id,
      year: 2026,
      month: 4,
      completedWanYuan: '10',
      status: 'submitted',
      dueOn: '2026-04-27',
    });
    const may = await runReminders(t, '2026-05-06', { deliver: false });
    expect(
      may.created
        .filter((c) => c.kind === 'report.late' && c.params.month === 4)
        .map((c) => c.params.projectName),
    ).toEqual([waiting.name]);
    expect((await admin.put('/api/reminder-settings', { dueSoonDays: 3, version: 0 })).status).toBe(409);
  });

  it('takes the deadline from the reporting calendar of the project’s region', async () => {
    const [county] = await t.db.select().from(regions).where(eq(regions.code, '350902'));
    // 蕉城区: a month's report is due on the 10th of the next month.
    await t.db.insert(reportingCalendars).values({
      regionCode: '350902',
      regionPath: county!.path,
      deadlineKind: 'dayOfMonth',
      deadlineDay: 10,
      deadlineMonthOffset: 1,
    });
    // Written past the use case, so the process's kept rules are dropped by hand.
    forgetCachedReadings();
    const june = await runReminders(t, '2026-06-09', { deliver: false });
    const forSilent = june.created.filter((c) => c.params.projectName === silent.name);
    expect(forSilent.map((c) => [c.kind, c.params.month, c.params.dueOn])).toEqual([
      ['report.dueSoon', 5, '2026-06-10'],
    ]);
  });
});

describe('my notifications', () => {
  it('lists only my own, newest first, with the unread count', async () => {
    const owner = await t.as('owner1');
    const list = await owner.get('/api/notifications');
    expect(list.status).toBe(200);
    const own = await notificationsOf('owner1');
    expect(list.body.unreadCount).toBe(own.length);
    expect(list.body.data.length).toBe(Math.min(own.length, 20));
    expect(list.body.data[0]).not.toHaveProperty('dedupeKey');
    expect(list.body.data[0]).not.toHaveProperty('userId');
    const county = await t.as('jiaocheng');
    const theirs = (await county.get('/api/notifications')).body.data;
    expect(theirs.every((n: { kind: string }) => n.kind === 'report.awaitingReview')).toBe(true);
    expect((await t.call(null, 'GET', '/api/notifications')).status).toBe(401);
    expect((await owner.get('/api/notifications?limit=0')).status).toBe(400);
  });

  it('marks one read; another person’s notification is NOT_FOUND; then all read', async () => {
    const owner = await t.as('owner1');
    const county = await t.as('jiaocheng');
    const first = (await owner.get('/api/notifications')).body;
    const id = first.data[0].id;
    expect((await county.post(`/api/notifications/${id}/read`)).status).toBe(404);
    expect((await owner.post('/api/notifications/00000000-0000-4000-8000-000000000009/read')).status).toBe(
      404,
    );
    expect((await owner.post('/api/notifications/not-a-uuid/read')).status).toBe(400);
    expect((await owner.post(`/api/notifications/${id}/read`)).body).toEqual({ updated: 1 });
    expect((await owner.post(`/api/notifications/${id}/read`)).body).toEqual({ updated: 0 });
    const after = (await owner.get('/api/notifications')).body;
    expect(after.unreadCount).toBe(first.unreadCount - 1);
    expect(after.data.find((n: { id: string }) => n.id === id).readAt).not.toBeNull();
    expect(
      (await owner.get('/api/notifications?unreadOnly=true')).body.data.some(
        (n: { id: string }) => n.id === id,
      ),
    ).toBe(false);

    const countyBefore = (await county.get('/api/notifications')).body.unreadCount;
    expect((await owner.post('/api/notifications/read-all')).body.updated).toBe(after.unreadCount);
    expect((await owner.get('/api/notifications')).body.unreadCount).toBe(0);
    expect((await county.get('/api/notifications')).body.unreadCount).toBe(countyBefore);
  });
});

describe('the reminder job', () => {
  it('runs in the server process through the job worker and stops when told', async () => {
    const today = chinaDate(t.clock.now());
    const logged: string[] = [];
    const worker = startJobWorker({
      db: t.db,
      clock: t.clock,
      auditKey: testAuditKey,
      jobs: [remindersJob],
      firstRunDelayMs: 0,
      log: (line) => logged.push(line),
    });
    try {
      await expect
        .poll(
          async () =>
            (await notificationsOf('jiaocheng')).some((n) => (n.params as { date?: string }).date === today),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
      await expect.poll(() => logged.join('\n'), { timeout: 10_000 }).toMatch(/报送提醒：新增 \d+ 条通知/);
    } finally {
      await worker.stop();
    }
  });
});
