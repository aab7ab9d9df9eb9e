import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testEpoch } from '../testing/test-constants';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('the demo’s approvals', () => {
  it('reproduce Luohe’s 66 → 38 working days from the item dates through the statistics', async () => {
    const today = testEpoch.toISOString().slice(0, 10);
    const city = await t.as('ningde');
    const query = new URLSearchParams({
      from: dayBefore(today, 364),
      to: today,
      compareFrom: dayBefore(today, 729),
      compareTo: dayBefore(today, 365),
    });
    const stats = await city.get(`/api/approval-statistics?${query}`);
    expect(stats.status).toBe(200);
    expect(stats.body.period.span.count).toBeGreaterThanOrEqual(5);
    expect(stats.body.compare.span.count).toBeGreaterThanOrEqual(5);
    expect(stats.body.period.span.averageWorkingDays).toBe(38);
    expect(stats.body.compare.span.averageWorkingDays).toBe(66);
    const permit = stats.body.period.byProcedure.find((p: { key: string }) => p.key === 'shigong-xuke');
    expect(permit).toMatchObject({ averageWorkingDays: 3, onTime: permit.count });
    const before = stats.body.compare.byProcedure.find((p: { key: string }) => p.key === 'shigong-xuke');
    expect(before).toMatchObject({ averageWorkingDays: 6, onTime: 0 });
    // After the reform every procedure keeps its committed limit; before it, most did not (the few on
    // time belong to projects of the reform year whose first procedures were approved before it).
    for (const p of stats.body.period.byProcedure) expect(p.onTime).toBe(p.count);
    for (const p of stats.body.compare.byProcedure) expect(p.onTime, p.name).toBeLessThan(p.count / 2);
    expect(stats.body.period.byDepartment.map((d: { name: string }) => d.name)).toContain('宁德市自然资源局');
  });

  it('leave the 前期 projects with checklists under way: 容缺, late ones, and items for the agent', async () => {
    const city = await t.as('ningde');
    const open = await city.get('/api/approval-items?pageSize=200');
    expect(open.status).toBe(200);
    const rows = open.body.data as { status: string; timing: { colour: string; promiseOverdue: boolean } }[];
    const colours = new Set(rows.map((r) => r.timing.colour));
    for (const colour of ['green', 'yellow', 'red', 'overdue', 'none']) expect(colours).toContain(colour);
    expect(rows.some((r) => r.status === 'accepted_with_gaps')).toBe(true);
    expect(rows.some((r) => r.timing.promiseOverdue)).toBe(true);
    // Every county with a 前期 project has a 容缺 item among them.
    const jiaocheng = await t.as('jiaocheng');
    const county = await jiaocheng.get('/api/approval-items?pageSize=200');
    expect(county.body.data.some((r: { status: string }) => r.status === 'accepted_with_gaps')).toBe(true);
    const officer = await t.as('officer1');
    const mine = await officer.get('/api/approval-items?view=agent');
    expect(mine.body.page.total).toBeGreaterThanOrEqual(3);
  });

  it('are scoped: 福安 sees no item of 蕉城', async () => {
    const fuan = await t.as('fuan');
    const all = await fuan.get('/api/approval-items?view=all&pageSize=200');
    expect(all.status).toBe(200);
    const other = await fuan.get('/api/approval-items?view=all&pageSize=200&regionCode=350902');
    expect(other.status).toBe(200);
    expect(other.body.page.total).toBe(0);
  });
});
