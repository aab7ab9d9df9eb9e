import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReports, problems, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

// 一项一档's first screen in one request (issue 18 item 3): each part equal to what its own endpoint
// answers, and the project's scope as strict as the project page's.
let t: TestApp;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A 蕉城 project with open problems and reports (the demo has several).
  const [row] = await t.db
    .select({ id: projects.id, n: sql<number>`count(distinct ${problems.id})::int` })
    .from(projects)
    .innerJoin(problems, eq(problems.projectId, projects.id))
    .innerJoin(monthlyReports, eq(monthlyReports.projectId, projects.id))
    .where(
      and(
        sql`${projects.regionPath} like '350000.350900.350902%'`,
        inArray(problems.status, ['raised', 'accepted', 'in_progress']),
      ),
    )
    .groupBy(projects.id)
    .orderBy(desc(sql`count(distinct ${problems.id})`), projects.id)
    .limit(1);
  projectId = row!.id;
});
afterAll(async () => t.close());

describe('the project page’s first screen', () => {
  it('answers the project, its last 12 reports, its open problems and its colour, each as its own endpoint does', async () => {
    const office = await t.as('jiaocheng');
    const response = await office.get(`/api/projects/${projectId}/first-screen`);
    expect(response.status).toBe(200);
    const screen = response.body;

    expect(screen.project).toEqual((await office.get(`/api/projects/${projectId}`)).body);

    const reports = await t.db
      .select()
      .from(monthlyReports)
      .where(eq(monthlyReports.projectId, projectId))
      .orderBy(desc(monthlyReports.year), desc(monthlyReports.month))
      .limit(12);
    expect(reports.length).toBeGreaterThan(0);
    expect(screen.reports.map((r: { id: string }) => r.id)).toEqual(reports.map((r) => r.id));
    for (const report of screen.reports) {
      const year = (await office.get(`/api/projects/${projectId}/reports?year=${report.year}`)).body;
      const month = year.months.find((m: { month: number }) => m.month === report.month);
      expect(report.ytdWanYuan, `${report.year}-${report.month}`).toBe(month.ytdApprovedWanYuan);
      expect(report.completedWanYuan).toBe(month.report.completedWanYuan);
      expect(report.status).toBe(month.report.status);
    }

    const listed = (await office.get(`/api/problems?projectId=${projectId}&pageSize=100`)).body.data as {
      id: string;
      status: string;
    }[];
    const open = listed.filter((p) => ['raised', 'accepted', 'in_progress'].includes(p.status));
    expect(open.length).toBeGreaterThan(0);
    expect(screen.openProblems.map((p: { id: string }) => p.id).sort()).toEqual(open.map((p) => p.id).sort());
    const dueDates = screen.openProblems.map((p: { dueOn: string }) => p.dueOn);
    expect([...dueDates].sort()).toEqual(dueDates);
    for (const p of screen.openProblems) expect(p.overdue).toBe(p.dueOn < '2026-03-02');

    const warnings = (await office.get(`/api/projects/${projectId}/warnings`)).body;
    expect(screen.warning).toEqual(
      warnings.current ? { month: warnings.current.month, colour: warnings.current.colour } : null,
    );
  });

  it('keeps to the reader’s scope: another county’s office and another owner get 404, nobody signed in 401', async () => {
    expect((await (await t.as('fuan')).get(`/api/projects/${projectId}/first-screen`)).status).toBe(404);
    const owner = await t.as('owner1');
    const own = await owner.get(`/api/projects/${projectId}`);
    expect((await owner.get(`/api/projects/${projectId}/first-screen`)).status).toBe(own.status);
    expect((await t.call(null, 'GET', `/api/projects/${projectId}/first-screen`)).status).toBe(401);
    const city = await t.as('ningde');
    expect((await city.get(`/api/projects/${projectId}/first-screen`)).status).toBe(200);
  });
});
