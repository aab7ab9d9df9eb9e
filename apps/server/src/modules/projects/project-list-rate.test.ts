import { compareDecimals, completedYearToDate, type ReportStatus, ratio } from '@tuijin/domain';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

// The project list sorted by 本年累计完成率 (issue 18 item 2): read from the kept rollup, each row's
// figure equal to the domain's rule over the project's own reports and plan, filters kept.
let t: TestApp;
type Row = {
  id: string;
  stage: string;
  regionCode: string;
  ytdCompletedWanYuan: string | null;
  ytdRatePercent: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const list = async (who: string, search: string) => {
  const response = await (await t.as(who)).get(`/api/projects?${search}`);
  expect(response.status).toBe(200);
  return response.body as { data: Row[]; page: { total: number } };
};

/** The rate by the domain's rule, from the project's reports and plan of 2026 (the test clock's year). */
async function expectedRates(ids: string[]) {
  const reports = await t.db.select().from(monthlyReports).where(inArray(monthlyReports.projectId, ids));
  const plans = await t.db.select().from(annualPlans).where(inArray(annualPlans.projectId, ids));
  return new Map(
    ids.map((id) => {
      const ytd = completedYearToDate(
        reports.filter((r) => r.projectId === id).map((r) => ({ ...r, status: r.status as ReportStatus })),
        { year: 2026, month: 12 },
      );
      const plan = plans.find((p) => p.projectId === id && p.year === 2026);
      return [id, plan ? ratio(ytd, plan.plannedInvestmentWanYuan).percent : null];
    }),
  );
}

const byRate = (a: string | null, b: string | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareDecimals(b, a);

describe('the project list by 本年累计完成率', () => {
  it('sorts the city’s projects under construction by the rate, highest first, no plan last', async () => {
    const page = await list('ningde', 'stage=underway&sort=ytdRate&order=desc&pageSize=100');
    expect(page.data.length).toBeGreaterThan(5);
    expect(page.data.every((r) => r.stage === 'underway')).toBe(true);
    const rates = page.data.map((r) => r.ytdRatePercent);
    expect([...rates].sort(byRate)).toEqual(rates);
    expect(rates.filter((r) => r !== null && r !== '0.0').length).toBeGreaterThan(0);
    const expected = await expectedRates(page.data.map((r) => r.id));
    for (const row of page.data) expect(row.ytdRatePercent, row.id).toBe(expected.get(row.id));
  });

  it('sorts lowest first on request, keeps the region filter and the reader’s scope', async () => {
    const county = await list('jiaocheng', 'sort=ytdRate&order=asc&pageSize=100');
    expect(county.data.every((r) => r.regionCode.startsWith('350902'))).toBe(true);
    const rates = county.data.map((r) => r.ytdRatePercent);
    const nulls = rates.filter((r) => r === null).length;
    expect(rates.slice(rates.length - nulls).every((r) => r === null)).toBe(true);
    const present = rates.slice(0, rates.length - nulls) as string[];
    expect([...present].sort((a, b) => compareDecimals(a, b))).toEqual(present);
    const cityOnCounty = await list('ningde', 'region=350902&sort=ytdRate&order=asc&pageSize=100');
    expect(cityOnCounty.data.map((r) => r.id)).toEqual(county.data.map((r) => r.id));
  });

  it('moves a project up when a report of it is approved (the rollup is never stale)', async () => {
    const page = await list('jiaocheng', 'sort=ytdRate&order=desc&pageSize=100');
    const last = [...page.data].reverse().find((r) => r.ytdRatePercent !== null);
    expect(last).toBeDefined();
    const [plan] = await t.db.select().from(annualPlans).where(eq(annualPlans.projectId, last!.id));
    const month = await t.db
      .select({ month: monthlyReports.month })
      .from(monthlyReports)
      .where(eq(monthlyReports.projectId, last!.id));
    const free = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => !month.some((r) => r.month === m))!;
    await t.db.insert(monthlyReports).values({
      projectId: last!.id,
      year: 2026,
      month: free,
      completedWanYuan: plan!.plannedInvestmentWanYuan,
      status: 'approved',
      dueOn: '2026-12-31',
    });
    const after = await list('jiaocheng', 'sort=ytdRate&order=desc&pageSize=1');
    expect(after.data[0]?.id).toBe(last!.id);
  });
});
