import { addDecimals, ratio } from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports, projects, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { learnActualDatesFromReports } from '../projects';

let t: TestApp;
const ids: Record<string, string> = {};

type Plan = typeof annualPlans.$inferInsert;
type Report = typeof monthlyReports.$inferInsert;

/** An approved report of 2026 for `month`, submitted on time, with the given amount and extras. */
const report = (
  projectId: string,
  month: number,
  completed: string,
  extra: Partial<Report> = {},
): Report => ({
  projectId,
  year: 2026,
  month,
  completedWanYuan: completed,
  status: 'approved',
  dueOn: `2026-${String(month).padStart(2, '0')}-25`,
  submittedAt: new Date(`2026-${String(month).padStart(2, '0')}-20T02:00:00Z`),
  ...extra,
});

/**
 * The hand-made picture (2026, as of May, clock at 30 June so May's deadline has passed):
 * 蕉城区 J1..J4, 福安市 F1, F2. Figures below are worked out by hand from these rows.
 */
async function seedPlansAndReports() {
  await t.db.execute(sql`update project_files set monthly_report_id = null`);
  await t.db.execute(sql`delete from monthly_report_events`);
  await t.db.execute(sql`delete from monthly_reports`);
  await t.db.execute(sql`delete from annual_plan_adjustments`);
  await t.db.execute(sql`delete from annual_plans`);
  await t.db
    .update(projects)
    .set({ leaderUserId: null, actualStartOn: null, actualCompletionOn: null, actualOperationOn: null });
  const pick = async (region: string, n: number) =>
    (
      await t.db
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.regionCode, region))
        .orderBy(asc(projects.name))
        .limit(n)
    ).map((r) => r.id);
  const [j1, j2, j3, j4] = await pick('350902', 4);
  const [f1, f2] = await pick('350981', 2);
  Object.assign(ids, { j1, j2, j3, j4, f1, f2 });
  for (const id of [j1, j2, j3, f1, f2])
    await t.db.update(projects).set({ stage: 'underway' }).where(eq(projects.id, id!));
  await t.db.update(projects).set({ stage: 'dropped' }).where(eq(projects.id, j4!));
  const [leader1] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'leader1'));
  await t.db.update(projects).set({ leaderUserId: leader1!.id }).where(sql`${projects.id} in (${j1}, ${f1})`);

  const plan = (projectId: string, planned: string, extra: Partial<Plan> = {}): Plan => ({
    projectId,
    year: 2026,
    plannedInvestmentWanYuan: planned,
    ...extra,
  });
  await t.db.insert(annualPlans).values([
    plan(j1!, '1200', { plansStart: true }),
    plan(j2!, '600', {
      plansStart: true,
      plansCompletion: true,
      splitKind: 'month',
      splitWanYuan: Array.from({ length: 12 }, () => '50'),
    }),
    plan(j3!, '900', {
      plansCompletion: true,
      splitKind: 'quarter',
      splitWanYuan: ['100', '200', '300', '300'],
      status: 'frozen',
      baselineInvestmentWanYuan: '800',
      baselineSplitKind: 'none',
      baselinePlansStart: false,
      baselinePlansCompletion: true,
      baselinePlansOperation: false,
    }),
    plan(j4!, '100'),
    plan(f1!, '3000', {
      plansStart: true,
      plansOperation: true,
      status: 'frozen',
      baselineInvestmentWanYuan: '3000',
      baselineSplitKind: 'none',
      baselinePlansStart: true,
      baselinePlansCompletion: false,
      baselinePlansOperation: true,
    }),
    plan(f2!, '500', { plansStart: true }),
  ]);
  await t.db
    .insert(monthlyReports)
    .values([
      report(j1!, 1, '100'),
      report(j1!, 2, '100', { actualStartOn: '2026-02-10' }),
      report(j1!, 3, '100', { actualStartOn: '2026-02-10' }),
      report(j1!, 4, '100', { actualStartOn: '2026-02-10' }),
      report(j1!, 5, '100', { actualStartOn: '2026-02-10', inStatistics: true }),
      report(j1!, 6, '200', { status: 'submitted' }),
      ...[1, 2, 3, 4].map((m) => report(j2!, m, '30')),
      report(j3!, 3, '100'),
      report(j3!, 5, '300', { late: true, actualCompletionOn: '2026-05-20', inStatistics: true }),
      ...[1, 2, 3, 4].map((m) => report(f1!, m, '250', { actualStartOn: '2026-01-05' })),
      report(f1!, 5, '250', { status: 'draft', submittedAt: null, actualOperationOn: '2026-05-30' }),
      report(f2!, 5, '80', { status: 'returned', actualStartOn: '2026-05-02', inStatistics: true }),
    ]);
  await learnActualDatesFromReports(t.db);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-30T01:00:00Z'));
  await seedPlansAndReports();
});
afterAll(async () => t.close());

type Figures = Record<
  string,
  { value?: string; numerator?: string; denominator?: string; percent?: string | null }
>;
interface Row {
  key: string;
  label: string;
  kind: string;
  figures: Figures;
}

const rollupUrl = (params: string) => `/api/cockpit/rollup?year=2026&month=5&${params}`;

describe('cockpit rollup', () => {
  it('computes every indicator of a county from its plans and approved reports', async () => {
    const county = await t.as('jiaocheng');
    const { status, body } = await county.get(rollupUrl('dimension=domain'));
    expect(status).toBe(200);
    expect(body.region).toEqual({ code: '350902', name: '蕉城区', level: 'county' });
    const f = body.total;
    expect(f.projectCount.value).toBe('4');
    expect(f.plannedInvestment).toEqual({ formula: 'plannedInvestment', value: '2800' });
    // 1200×5/12 + (50×5) + (100 + 200×2/3) + 100×5/12
    expect(f.cumulativePlan.value).toBe('1025');
    // Only approved reports: J1 5×100, J2 4×30, J3 100 + 300 (J1's June report is after May).
    expect(f.completedYtd.value).toBe('1020');
    expect(f.planCompletionRate).toEqual({
      formula: 'planCompletionRate',
      numerator: '1020',
      denominator: '2800',
      percent: '36.4',
    });
    expect(f.timeProgress).toMatchObject({ numerator: '5', denominator: '12', percent: '41.7' });
    expect(f.progressGap).toEqual({ formula: 'progressGap', value: '-5.3', isBehind: true });
    expect(f.startRate).toMatchObject({ numerator: '1', denominator: '2', percent: '50.0' });
    expect(f.completionRate).toMatchObject({ numerator: '1', denominator: '2', percent: '50.0' });
    expect(f.operationRate).toMatchObject({ numerator: '0', denominator: '0', percent: null });
    // Due: J1, J2, J3 (J4 is dropped). On time: J1. Late: J3. Missing: J2 (no May report).
    expect(f.reportingTimeliness).toMatchObject({
      formula: 'reportingTimeliness',
      numerator: '1',
      denominator: '3',
      percent: '33.3',
    });
    expect(f.lateCount.value).toBe('1');
    expect(f.missingCount.value).toBe('1');
    expect(f.statisticsEntry).toMatchObject({ numerator: '2', denominator: '3', percent: '66.7' });
    expect(f.doubleHalf).toMatchObject({ asOfMonth: 5, isReached: false });
    expect(f.doubleHalf.investment).toMatchObject({ numerator: '1020', denominator: '2800' });
  });

  it('counts a draft or absent report as missing only after the deadline', async () => {
    const city = await t.as('ningde');
    const fuan = (await city.get(rollupUrl('region=350981'))).body.total;
    expect(fuan.projectCount.value).toBe('2');
    expect(fuan.cumulativePlan.value).toBe('1458.3333');
    expect(fuan.completedYtd.value).toBe('1000');
    // F1's May report is a draft: missing; F2's was returned but submitted on time.
    expect(fuan.missingCount.value).toBe('1');
    expect(fuan.reportingTimeliness).toMatchObject({ numerator: '1', denominator: '2' });
    // F2's start date is on a returned report, which does not count; F1's operation date is on a draft.
    expect(fuan.startRate).toMatchObject({ numerator: '1', denominator: '2' });
    expect(fuan.operationRate).toMatchObject({ numerator: '0', denominator: '1', percent: '0.0' });
    t.clock.set(new Date('2026-05-20T01:00:00Z'));
    const before = (await city.get(rollupUrl('region=350981'))).body;
    t.clock.set(new Date('2026-06-30T01:00:00Z'));
    expect(before.deadlineOn).toBe('2026-05-25');
    expect(before.total.missingCount.value).toBe('0');
  });

  it('makes the city figure the sum over its counties, rates recomputed from the sums', async () => {
    const city = await t.as('ningde');
    const { body } = await city.get(rollupUrl('dimension=region'));
    expect(body.region.code).toBe('350900');
    expect(body.isAdditive).toBe(true);
    const rows = body.rows as Row[];
    expect(rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(['350902', '350981', '350921', '350900-DQ']),
    );
    expect(rows.find((r) => r.key === '350921')!.figures.projectCount!.value).toBe('0');
    const total = body.total as Figures;
    expect(total.projectCount!.value).toBe('6');
    expect(total.plannedInvestment!.value).toBe('6300');
    expect(total.completedYtd!.value).toBe('2020');
    for (const key of [
      'projectCount',
      'plannedInvestment',
      'cumulativePlan',
      'completedYtd',
      'lateCount',
      'missingCount',
    ]) {
      expect(addDecimals(rows.map((r) => r.figures[key]!.value!))).toBe(total[key]!.value);
    }
    for (const key of [
      'planCompletionRate',
      'startRate',
      'completionRate',
      'operationRate',
      'reportingTimeliness',
      'statisticsEntry',
    ]) {
      const numerator = addDecimals(rows.map((r) => r.figures[key]!.numerator!));
      const denominator = addDecimals(rows.map((r) => r.figures[key]!.denominator!));
      expect({ numerator, denominator }).toEqual({
        numerator: total[key]!.numerator,
        denominator: total[key]!.denominator,
      });
      expect(total[key]!.percent).toBe(ratio(numerator, denominator).percent);
    }
    const county = (await city.get(rollupUrl('region=350902'))).body.total;
    expect(rows.find((r) => r.key === '350902')!.figures).toEqual(county);
  });

  it('shows the projects of a leaf region as its rows, and the frozen baseline on request', async () => {
    const county = await t.as('jiaocheng');
    const leaf = (await county.get(rollupUrl('region=350902'))).body;
    expect(leaf.isLeaf).toBe(true);
    expect(leaf.breadcrumb.map((r: { code: string }) => r.code)).toEqual(['350902']);
    expect((leaf.rows as Row[]).map((r) => r.key).sort()).toEqual([ids.j1, ids.j2, ids.j3, ids.j4].sort());
    const j3 = (leaf.rows as Row[]).find((r) => r.key === ids.j3)!;
    expect(j3.figures.cumulativePlan!.value).toBe('233.3333');
    const baseline = (await county.get(rollupUrl('basis=baseline'))).body.total;
    expect(baseline.projectCount.value).toBe('1');
    expect(baseline.plannedInvestment.value).toBe('800');
    expect(baseline.cumulativePlan.value).toBe('333.3333');
    expect(baseline.startRate).toMatchObject({ numerator: '0', denominator: '0' });
    expect(baseline.completionRate).toMatchObject({ numerator: '1', denominator: '1', percent: '100.0' });
  });

  it('groups by leader, level and batch, marking overlapping dimensions as not additive', async () => {
    const city = await t.as('ningde');
    const byLeader = (await city.get(rollupUrl('dimension=leader'))).body;
    const wu = (byLeader.rows as Row[]).find((r) => r.label === '吴国平')!;
    expect(wu.figures.plannedInvestment!.value).toBe('4200');
    expect((byLeader.rows as Row[]).at(-1)!.kind).toBe('none');
    const byLevel = (await city.get(rollupUrl('dimension=level'))).body;
    expect(byLevel.isAdditive).toBe(false);
    expect(byLevel.total.plannedInvestment.value).toBe('6300');
    const byBatch = (await city.get(rollupUrl('dimension=batch'))).body;
    expect(byBatch.total.projectCount.value).toBe('6');
  });
});

describe('cockpit drill-down and series', () => {
  it('lists the projects behind a number', async () => {
    const city = await t.as('ningde');
    const notStarted = (
      await city.get(`/api/cockpit/projects?year=2026&month=5&dimension=region&key=350902&measure=notStarted`)
    ).body;
    expect(notStarted.data.map((p: { id: string }) => p.id)).toEqual([ids.j2]);
    expect(notStarted.data[0]).toMatchObject({
      plannedWanYuan: '600',
      cumulativePlanWanYuan: '250',
      completedYtdWanYuan: '120',
      plansStart: true,
      isStarted: false,
      reportStatus: 'none',
      isMissing: true,
    });
    const missing = (await city.get('/api/cockpit/projects?year=2026&month=5&measure=missing')).body;
    expect(missing.data.map((p: { id: string }) => p.id).sort()).toEqual([ids.j2, ids.f1].sort());
    expect(missing.page.total).toBe(2);
    const behind = (await city.get('/api/cockpit/projects?year=2026&month=5&measure=behind&pageSize=200'))
      .body;
    expect(behind.data.every((p: { isBehind: boolean }) => p.isBehind)).toBe(true);
    expect(behind.data.map((p: { id: string }) => p.id).sort()).toEqual(
      [ids.j2, ids.j4, ids.f1, ids.f2].sort(),
    );
  });

  it('draws the cumulative plan on both bases against the approved year-to-date', async () => {
    const city = await t.as('ningde');
    const { status, body } = await city.get('/api/cockpit/series?year=2026&month=5');
    expect(status).toBe(200);
    expect(body.months.map((m: { actualYtdWanYuan: string | null }) => m.actualYtdWanYuan)).toEqual([
      '380',
      '760',
      '1240',
      '1620',
      '2020',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(body.months[4].adjustedCumulativeWanYuan).toBe('2483.3333');
    expect(body.months[11].adjustedCumulativeWanYuan).toBe('6300');
    expect(body.months[11].baselineCumulativeWanYuan).toBe('3800');
    const stages = body.stages as { stage: string; count: number }[];
    const [counted] = await t.db
      .select({ total: sql<number>`count(*)::int` })
      .from(projects)
      .where(sql`${projects.regionPath} like '350000.350900%'`);
    expect(stages.reduce((sum, s) => sum + s.count, 0)).toBe(Number(counted!.total));
    expect(stages.find((s) => s.stage === 'dropped')!.count).toBeGreaterThanOrEqual(1);
  });
});

describe('cockpit series against the rollup', () => {
  it('draws, month by month and on both bases, the cumulative plan and year-to-date the rollup counts', async () => {
    const city = await t.as('ningde');
    const series = (await city.get('/api/cockpit/series?year=2026&month=12')).body;
    for (const basis of ['adjusted', 'baseline'] as const) {
      for (let month = 1; month <= 12; month += 1) {
        const total = (await city.get(`/api/cockpit/rollup?year=2026&month=${month}&basis=${basis}`)).body
          .total;
        const point = series.months[month - 1];
        const plotted =
          basis === 'adjusted' ? point.adjustedCumulativeWanYuan : point.baselineCumulativeWanYuan;
        expect({ month, basis, plan: plotted }).toEqual({ month, basis, plan: total.cumulativePlan.value });
        if (basis === 'adjusted') expect(point.actualYtdWanYuan).toBe(total.completedYtd.value);
      }
    }
  });
});

describe('cockpit scope', () => {
  it('shows a county office its county only; another region is NOT_FOUND', async () => {
    const county = await t.as('jiaocheng');
    expect((await county.get(rollupUrl(''))).body.total.projectCount.value).toBe('4');
    for (const url of [
      rollupUrl('region=350900'),
      rollupUrl('region=350981'),
      '/api/cockpit/series?year=2026&month=5&region=350981',
      '/api/cockpit/projects?year=2026&month=5&region=350981',
    ]) {
      const answer = await county.get(url);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('shows a linked leader only the projects assigned to them', async () => {
    const leader = await t.as('leader1');
    const body = (await leader.get(rollupUrl('dimension=region'))).body;
    expect(body.total.projectCount.value).toBe('2');
    expect(body.total.plannedInvestment.value).toBe('4200');
    const list = (await leader.get('/api/cockpit/projects?year=2026&month=5')).body;
    expect(list.data.map((p: { id: string }) => p.id).sort()).toEqual([ids.j1, ids.f1].sort());
    const other = (await t.as('leader2')).get(rollupUrl(''));
    expect((await other).body.total.projectCount.value).toBe('0');
  });

  it('lets the supervisor read the city, refuses owners (403) and anonymous callers (401), and bad input (400)', async () => {
    const supervisor = await t.as('supervisor');
    expect((await supervisor.get(rollupUrl(''))).body.total.projectCount.value).toBe('6');
    expect((await (await t.as('owner1')).get(rollupUrl(''))).status).toBe(403);
    expect((await t.call(null, 'GET', rollupUrl(''))).status).toBe(401);
    const city = await t.as('ningde');
    expect((await city.get('/api/cockpit/rollup?year=2026&month=13')).status).toBe(400);
    expect((await city.get(rollupUrl('dimension=colour'))).status).toBe(400);
    expect((await city.get(rollupUrl('region=999999'))).status).toBe(404);
  });
});
