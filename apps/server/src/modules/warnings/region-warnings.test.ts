import { formatDecimal, parseDecimal } from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { warnedStages } from './warning-facts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(async () => t.close());

type RegionColour = { regionCode: string; colour: string; reasons: { code: string; params: object }[] };

/** The warned projects of a county with a plan for 2026 and their planned amounts. */
async function plannedProjects(regionCode: string) {
  return t.db
    .select({ id: projects.id, planned: annualPlans.plannedInvestmentWanYuan })
    .from(projects)
    .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, 2026)))
    .where(and(eq(projects.regionCode, regionCode), inArray(projects.stage, [...warnedStages])));
}

describe('区域预警 (Sanya region rule)', () => {
  it('is absent under the Yinchuan preset', async () => {
    const city = await t.as('ningde');
    const overview = await city.get('/api/warnings?month=2026-02&pageSize=200');
    expect(overview.status).toBe(200);
    expect(overview.body.byRegion.length).toBeGreaterThan(1);
    expect(overview.body.regionColours ?? []).toEqual([]);
  });

  it('colours a county red after two missed months and yellow after the latest only', async () => {
    // County B: a warned project with a plan and an approved January report carries the county's
    // January; county A: another county with a planned warned project.
    const [carrier] = await t.db
      .select({ id: projects.id, regionCode: projects.regionCode, reportId: monthlyReports.id })
      .from(projects)
      .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, 2026)))
      .innerJoin(
        monthlyReports,
        and(
          eq(monthlyReports.projectId, projects.id),
          eq(monthlyReports.year, 2026),
          eq(monthlyReports.month, 1),
          eq(monthlyReports.status, 'approved'),
        ),
      )
      .where(
        and(inArray(projects.stage, [...warnedStages]), sql`${annualPlans.plannedInvestmentWanYuan} > 0`),
      )
      .orderBy(projects.regionCode)
      .limit(1);
    if (!carrier) throw new Error('no planned project with an approved January report in the demo');
    const countyB = carrier.regionCode;
    const [other] = await t.db
      .select({ regionCode: projects.regionCode })
      .from(projects)
      .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, 2026)))
      .where(
        and(
          inArray(projects.stage, [...warnedStages]),
          sql`${projects.regionCode} <> ${countyB}`,
          sql`${annualPlans.plannedInvestmentWanYuan} > 0`,
        ),
      )
      .limit(1);
    const countyA = other!.regionCode;

    // Nothing completed in 2026 in either county: A missed January and February.
    const both = [...(await plannedProjects(countyA)), ...(await plannedProjects(countyB))].map((p) => p.id);
    const all = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(inArray(projects.regionCode, [countyA, countyB]));
    await t.db
      .update(monthlyReports)
      .set({ completedWanYuan: '0' })
      .where(
        and(
          inArray(
            monthlyReports.projectId,
            all.map((p) => p.id),
          ),
          eq(monthlyReports.year, 2026),
        ),
      );
    expect(both.length).toBeGreaterThan(1);
    // B: 10% of its plan completed in January (序时进度 8.3%), nothing in February (16.7%).
    const plannedB = (await plannedProjects(countyB)).reduce((s, p) => s + parseDecimal(p.planned), 0n);
    await t.db
      .update(monthlyReports)
      .set({ completedWanYuan: formatDecimal(plannedB / 10n) })
      .where(eq(monthlyReports.id, carrier.reportId));

    const city = await t.as('ningde');
    const draft = await city.post('/api/warning-rule-sets', { regionCode: '350900', preset: 'sanya' });
    expect(draft.status).toBe(200);
    expect(draft.body.rules.regionRule).toEqual({ enabled: true, consecutiveMonths: 2 });
    const published = await city.post(`/api/warning-rule-sets/${draft.body.id}/publish`, {
      version: draft.body.version,
    });
    expect(published.status).toBe(200);

    const overview = await city.get('/api/warnings?month=2026-02&pageSize=200');
    expect(overview.status).toBe(200);
    const colours = new Map<string, RegionColour>(
      overview.body.regionColours.map((r: RegionColour) => [r.regionCode, r]),
    );
    expect(colours.get(countyA)).toMatchObject({
      colour: 'red',
      reasons: [
        {
          code: 'region.missedConsecutive',
          params: { month: '2026-02', months: 2, completionPercent: '0.0', timePercent: '16.7' },
        },
      ],
    });
    expect(colours.get(countyB)).toMatchObject({
      colour: 'yellow',
      reasons: [
        {
          code: 'region.missedLatest',
          params: { month: '2026-02', months: 1, completionPercent: '10.0', timePercent: '16.7' },
        },
      ],
    });
    // Every region listed in byRegion under the city's rules has its colour.
    expect(overview.body.byRegion.every((r: { regionCode: string }) => colours.has(r.regionCode))).toBe(true);

    // A county office sees its own county's colour only.
    const jiaocheng = await t.as('jiaocheng');
    const own = await jiaocheng.get('/api/warnings?month=2026-02');
    expect(own.body.regionColours.map((r: RegionColour) => r.regionCode)).toEqual(['350902']);
  });
});
