import { systemActor } from '@tuijin/domain';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReportEvents, monthlyReports, organisations, projects } from '../db/schema';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testAuditKey } from '../testing/test-constants';
import { loadDemoReports } from './demo-reports';

let t: TestApp;
let result: { reports: number };
let seconds: number;
const today = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await t.db.delete(monthlyReportEvents);
  await t.db.delete(monthlyReports);
  // The plans helper's demo plans, minimally: every project not dropped gets a 2026 plan.
  const due = await t.db.select().from(projects).where(ne(projects.stage, 'dropped'));
  await t.db
    .insert(annualPlans)
    .values(
      due.map((p, i) => ({
        projectId: p.id,
        year: 2026,
        plannedInvestmentWanYuan: String(Math.max(1000, Math.round(Number(p.totalInvestmentWanYuan) / 4))),
        priorCompletedWanYuan: String(Math.round(Number(p.totalInvestmentWanYuan) / 10)),
        plansStart: i % 7 === 0,
        startMonth: i % 7 === 0 ? (i % 10) + 1 : null,
      })),
    )
    .onConflictDoNothing();
  const started = Date.now();
  result = await loadDemoReports({
    db: t.db,
    actor: systemActor,
    clock: { now: () => today },
    ip: null,
    auditKey: testAuditKey,
  });
  seconds = (Date.now() - started) / 1000;
}, 600_000);
afterAll(async () => t.close());

describe('demo reports', () => {
  it('reports up to October through the use cases, mostly approved, with late, returned and missing ones', async () => {
    console.info(`demo reports: ${result.reports} in ${seconds.toFixed(1)} s`);
    const byStatus = Object.fromEntries(
      (
        await t.db
          .select({ status: monthlyReports.status, n: count() })
          .from(monthlyReports)
          .groupBy(monthlyReports.status)
      ).map((r) => [r.status, r.n]),
    );
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.reports);
    expect(byStatus.approved! / total).toBeGreaterThan(0.75);
    expect(byStatus.submitted).toBeGreaterThan(0);
    expect(byStatus.returned).toBeGreaterThan(0);
    const [late] = await t.db
      .select({ n: count() })
      .from(monthlyReports)
      .where(eq(monthlyReports.late, true));
    expect(late!.n).toBeGreaterThan(0);
    const [returned] = await t.db
      .select({ n: count() })
      .from(monthlyReportEvents)
      .where(and(eq(monthlyReportEvents.action, 'returned'), sql`${monthlyReportEvents.reason} is not null`));
    expect(returned!.n).toBeGreaterThan(0);
    const [latest] = await t.db
      .select({ m: sql<number>`max(${monthlyReports.month})::int` })
      .from(monthlyReports);
    expect(latest!.m).toBe(11);
  });

  it('leaves owner1 a draft for this month and some October reports missing', async () => {
    const [org] = await t.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
    const november = await t.db
      .select({ status: monthlyReports.status, owner: projects.ownerOrganisationId })
      .from(monthlyReports)
      .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
      .where(eq(monthlyReports.month, 11));
    expect(november).toEqual([{ status: 'draft', owner: org!.id }]);
    t.clock.set(today);
    const ningde = await t.as('ningde');
    const board = await ningde.get('/api/monthly-reports/status-board?year=2026&month=10');
    expect(board.body.counts.missing).toBeGreaterThan(0);
    expect(board.body.counts.approved).toBeGreaterThan(board.body.counts.due / 2);
  });
});
