import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

describe('the demo’s node plans', () => {
  it('frozen for the projects of 5,000 万元 and more, with nodes reached and some past their dates', async () => {
    const city = await t.as('ningde');
    const portfolio = await city.get('/api/milestone-portfolio?pageSize=200');
    expect(portfolio.status).toBe(200);
    const plans = portfolio.body.data as {
      status: string;
      nodes: { actualOn: string | null; overdue: boolean; baselineOn: string | null }[];
    }[];
    expect(plans.length).toBeGreaterThanOrEqual(10);
    expect(plans.every((p) => p.status === 'frozen')).toBe(true);
    expect(plans.every((p) => p.nodes.every((n) => n.baselineOn !== null))).toBe(true);
    expect(plans.some((p) => p.nodes.some((n) => n.actualOn !== null))).toBe(true);
    const overdue = await city.get('/api/milestone-portfolio?pageSize=200&overdue=true');
    expect(overdue.body.page.total).toBeGreaterThan(0);
    expect(overdue.body.page.total).toBeLessThan(portfolio.body.page.total);
  });
});
