import type { StatusBoard, Workbench, WorkbenchSection } from '@tuijin/contracts';
import { pathInSubtree } from '@tuijin/domain';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems, projects, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const workbenchOf = async (username: string): Promise<Workbench> => {
  const response = await (await t.as(username)).get('/api/workbench');
  expect(response.status).toBe(200);
  return response.body;
};
const sectionOf = (workbench: Workbench, key: WorkbenchSection['key']) => {
  const found = workbench.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no ${key} section`);
  return found;
};
const keys = (workbench: Workbench) => workbench.sections.map((s) => s.key);
const idIn = (link: string, pattern: RegExp) => link.match(pattern)?.[1];

/** The region paths of every project and problem an item of the workbench links to. */
async function linkedRegionPaths(workbench: Workbench) {
  const links = workbench.sections.filter((s) => s.key !== 'notifications').flatMap((s) => s.items);
  const projectIds = links
    .map((i) => idIn(i.link, /\/projects\/([0-9a-f-]{36})/) ?? idIn(i.link, /project=([0-9a-f-]{36})/))
    .filter((id): id is string => Boolean(id));
  const problemIds = links
    .map((i) => idIn(i.link, /\/problems\/([0-9a-f-]{36})/))
    .filter((id): id is string => Boolean(id));
  const projectPaths = projectIds.length
    ? await t.db.select({ path: projects.regionPath }).from(projects).where(inArray(projects.id, projectIds))
    : [];
  const problemPaths = problemIds.length
    ? await t.db.select({ path: problems.regionPath }).from(problems).where(inArray(problems.id, problemIds))
    : [];
  return [...projectPaths, ...problemPaths].map((r) => r.path);
}

const userId = async (username: string) =>
  (await t.db.select().from(users).where(eq(users.username, username)))[0]!;

describe('GET /api/workbench', () => {
  it('needs a session', async () => {
    expect((await t.call(null, 'GET', '/api/workbench')).status).toBe(401);
  });

  it("lists owner1's reports to fill for the reporting month, from its own projects and the status board", async () => {
    const workbench = await workbenchOf('owner1');
    expect(keys(workbench)).toEqual([
      'reportsToFill',
      'problemsToConfirm',
      'tasksToHandle',
      'findingsToRectify',
      'warnings',
      'notifications',
    ]);
    // The demo's inspections left findings on 城投's sites to rectify (待整改 or 复核不通过), its own only.
    const findings = sectionOf(workbench, 'findingsToRectify');
    const mine = await (await t.as('owner1')).get('/api/inspection-findings?pageSize=100');
    const awaiting = mine.body.data.filter(
      (f: { status: string }) => f.status === 'open' || f.status === 'returned',
    );
    expect(findings.total).toBe(awaiting.length);
    expect(findings.total).toBeGreaterThan(0);
    for (const entry of findings.items) {
      expect(['open', 'returned']).toContain(entry.status);
      expect(entry.link).toBe(`/inspections?tab=findings&finding=${entry.id}`);
    }
    // 2 March 2026: March's window opens on the 15th, so February (due 25 February) is the month.
    expect(workbench.reportingMonth).toEqual({ year: 2026, month: 2 });
    const toFill = sectionOf(workbench, 'reportsToFill');
    const board: StatusBoard = (
      await (await t.as('owner1')).get('/api/monthly-reports/status-board?year=2026&month=2&pageSize=200')
    ).body;
    const open = board.data.filter((r) => ['absent', 'draft', 'returned'].includes(r.status));
    expect(open.length).toBeGreaterThan(0);
    expect(toFill.total).toBe(open.length);
    expect(toFill.items.map((i) => i.id).sort()).toEqual(open.map((r) => r.projectId).sort());
    expect(toFill.figures).toMatchObject({ due: board.counts.due, approved: board.counts.approved });
    const owner = await userId('owner1');
    for (const entry of toFill.items) {
      expect(entry.link).toBe(`/reports/fill?month=2026-02&project=${entry.id}`);
      expect(entry.dueOn).toBe('2026-02-25');
      expect(entry.daysLeft).toBe(-5);
      const [project] = await t.db.select().from(projects).where(eq(projects.id, entry.id));
      expect(project!.ownerOrganisationId).toBe(owner.organisationId);
    }
    const warnings = sectionOf(workbench, 'warnings');
    expect(warnings.items.every((i) => i.status === 'red' || i.status === 'yellow')).toBe(true);
    // The demo's 蕉城 weekly meeting gave 城投 a task now overdue; the one reported done waits on the office.
    const tasks = sectionOf(workbench, 'tasksToHandle');
    expect(tasks.total).toBe(1);
    expect(tasks.items[0]).toMatchObject({
      status: 'in_progress',
      link: `/tasks?task=${tasks.items[0]!.id}`,
    });
    expect(tasks.items[0]!.daysLeft).toBeLessThan(0);
    expect(tasks.items[0]!.detail).toMatch(/^JB-350902-2026-\d{4} · 县区周例会$/);
  });

  it('gives a county office its status board, reviews and problems, never another county’s', async () => {
    const county = await workbenchOf('jiaocheng');
    const city = await workbenchOf('ningde');
    for (const w of [county, city])
      expect(keys(w)).toEqual([
        'statusBoard',
        'reportsToReview',
        'problemsToHandle',
        'lettersToReply',
        'problemsAwaitingOffice',
        'problemsOverdue',
        'redProjects',
        'notifications',
      ]);
    const jiaocheng = '350000.350900.350902';
    const countyPaths = await linkedRegionPaths(county);
    expect(countyPaths.length).toBeGreaterThan(0);
    expect(countyPaths.every((path) => pathInSubtree(path, jiaocheng))).toBe(true);
    // The city sees the other counties' overdue problems and missing reports the county does not.
    expect((await linkedRegionPaths(city)).some((path) => !pathInSubtree(path, jiaocheng))).toBe(true);
    expect(sectionOf(city, 'problemsOverdue').total).toBeGreaterThan(
      sectionOf(county, 'problemsOverdue').total,
    );

    const board: StatusBoard = (
      await (await t.as('jiaocheng')).get('/api/monthly-reports/status-board?year=2026&month=2')
    ).body;
    const summary = sectionOf(county, 'statusBoard');
    expect(summary.figures).toEqual(board.counts);
    expect(summary.total).toBe(board.counts.missing);
    expect(summary.link).toBe('/reports/status?month=2026-02');
    const queue = (await (await t.as('jiaocheng')).get('/api/monthly-reports/review-queue')).body;
    expect(sectionOf(county, 'reportsToReview').total).toBe(queue.page.total);
    const overdue = sectionOf(county, 'problemsOverdue');
    expect(overdue.items.length).toBeGreaterThan(0);
    for (const entry of overdue.items) {
      expect(entry.link).toBe(`/problems/${entry.id}`);
      expect(entry.daysLeft).toBeLessThan(0);
    }
  });

  it('gives a department the reviews, the problems routed to it with days left and the letters to answer', async () => {
    const workbench = await workbenchOf('zhujian');
    expect(keys(workbench)).toEqual([
      'reportsToReview',
      'problemsToConfirm',
      'problemsToHandle',
      'lettersToReply',
      'tasksToHandle',
      'warnings',
      'notifications',
    ]);
    const department = await userId('zhujian');
    const handling = sectionOf(workbench, 'problemsToHandle');
    expect(handling.items.length).toBeGreaterThan(0);
    const rows = await t.db
      .select()
      .from(problems)
      .where(
        inArray(
          problems.id,
          handling.items.map((i) => i.id),
        ),
      );
    expect(rows.every((p) => p.handlerOrganisationId === department.organisationId)).toBe(true);
    expect(handling.items.every((i) => i.dueOn !== null && typeof i.daysLeft === 'number')).toBe(true);
    const letters = sectionOf(workbench, 'lettersToReply');
    expect(letters.total).toBe(1);
    expect(letters.items[0]).toMatchObject({ status: 'reminder', dueOn: '2026-03-06', daysLeft: 4 });
    expect(letters.items[0]!.detail).toContain('提醒〔2026〕1号');
  });

  it('gives leader1 the problems and warnings of the projects it leads, and only those', async () => {
    const workbench = await workbenchOf('leader1');
    expect(keys(workbench)).toEqual([
      'problemsToHandle',
      'lettersToReply',
      'problemsOnMyProjects',
      'warnings',
      'notifications',
    ]);
    const leader = await userId('leader1');
    const mine = sectionOf(workbench, 'problemsOnMyProjects');
    expect(mine.items.length).toBeGreaterThan(0);
    const problemRows = await t.db
      .select({ leader: projects.leaderUserId, status: problems.status })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(
        inArray(
          problems.id,
          mine.items.map((i) => i.id),
        ),
      );
    expect(problemRows.every((r) => r.leader === leader.id)).toBe(true);
    expect(problemRows.every((r) => !['written_off', 'rejected', 'confirmed'].includes(r.status))).toBe(true);
    const warnings = sectionOf(workbench, 'warnings');
    expect(warnings.items.length).toBeGreaterThan(0);
    const warned = await t.db
      .select({ leader: projects.leaderUserId })
      .from(projects)
      .where(
        inArray(
          projects.id,
          warnings.items.map((i) => i.id),
        ),
      );
    expect(warned.every((r) => r.leader === leader.id)).toBe(true);
  });

  it('shows the admins locked accounts, the auditor the failed logins and the intact chain', async () => {
    for (let i = 0; i < 5; i += 1) await t.tryLogin('leader2', 'Wrong#Password1', '10.9.9.9');
    const admin = await workbenchOf('admin');
    expect(keys(admin)).toEqual(['holidayCalendar', 'lockedUsers', 'notifications']);
    expect(sectionOf(admin, 'holidayCalendar')).toMatchObject({ total: 0, items: [] });
    const locked = sectionOf(admin, 'lockedUsers');
    expect(locked.items.map((i) => i.title)).toEqual(['陈立军（leader2）']);
    expect(locked.items[0]!.params?.lockedUntil).toBeTruthy();
    expect(sectionOf(await workbenchOf('security'), 'lockedUsers').total).toBe(1);
    // A county office holds no account rights: no locked-account section at all.
    expect(keys(await workbenchOf('jiaocheng'))).not.toContain('lockedUsers');

    const auditor = await workbenchOf('auditor');
    expect(keys(auditor)).toEqual(['auditChain', 'auditEvents', 'notifications']);
    expect(sectionOf(auditor, 'auditChain')).toMatchObject({ total: 0, figures: { intact: 1 } });
    expect(sectionOf(auditor, 'auditChain').figures!.checked).toBeGreaterThan(0);
    expect(sectionOf(auditor, 'auditEvents').figures).toMatchObject({ failedLogins: 5, lockouts: 1 });
  });

  it('takes the month whose window is open, once it opens', async () => {
    t.clock.set(new Date('2026-03-16T02:00:00Z'));
    try {
      const workbench = await workbenchOf('owner1');
      expect(workbench.reportingMonth).toEqual({ year: 2026, month: 3 });
      expect(sectionOf(workbench, 'reportsToFill').link).toBe('/reports/fill?month=2026-03');
    } finally {
      t.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });

  it('reminds the system admin from 1 November of next year’s holiday arrangements', async () => {
    t.clock.set(new Date('2029-11-16T02:00:00Z'));
    try {
      const calendar = sectionOf(await workbenchOf('admin'), 'holidayCalendar');
      expect(calendar.items.map((i) => [i.id, i.link, i.dueOn])).toEqual([
        ['2029', '/calendar?year=2029', null],
        ['2030', '/calendar?year=2030', '2030-01-01'],
      ]);
      expect(calendar.items[1]!.daysLeft).toBe(46);
      t.clock.set(new Date('2029-10-31T02:00:00Z'));
      const october = sectionOf(await workbenchOf('admin'), 'holidayCalendar');
      expect(october.items.map((i) => i.id)).toEqual(['2029']);
    } finally {
      t.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });
});
