import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { answerProblem } from './answer-problem';
import { confirmProblem } from './confirm-problem';
import { beijingMorning, insertTestProject, organisationId, systemTestCtx } from './problem-test-kit';
import { raiseProblem } from './raise-problem';
import { rejectProblem } from './reject-problem';
import { writeOffProblem } from './write-off-problem';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A county of the test's own, so the figures count only what this file raises.
  await t.db.insert(regions).values({
    code: '350999',
    name: '测试县',
    level: 'county',
    parentCode: '350900',
    path: '350000.350900.350999',
  });
  const ctx = systemTestCtx(t);
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  const project = await insertTestProject(t, {
    regionCode: '350999',
    ownerOrganisationId: owner,
    sector: '住建',
  });
  const raise = (category: string) =>
    raiseProblem(ctx, {
      projectId: project,
      category,
      description: '统计测试',
      request: '',
      channel: 'meeting',
      callerName: null,
      callerPhone: null,
    });
  t.clock.set(beijingMorning('2026-03-02'));
  const solvedA = await raise('用地');
  const solvedB = await raise('用地');
  const overdue = await raise('资金');
  const rejected = await raise('资金');
  const solve = async (id: string, on: string) => {
    t.clock.set(beijingMorning(on));
    await answerProblem(ctx, id, { version: 0, answer: '已解决' });
    await confirmProblem(ctx, id, { version: 1, note: null });
    await writeOffProblem(ctx, id, { version: 2, note: null });
  };
  await solve(solvedA, '2026-03-05');
  await solve(solvedB, '2026-03-12');
  await rejectProblem(ctx, rejected, { version: 0, reason: '重复提交' });
  expect(overdue).toBeTruthy();
  t.clock.set(beijingMorning('2026-03-20'));
});
afterAll(async () => t.close());

describe('problem statistics', () => {
  it('counts received, solved, overdue, the rate and the average days by category', async () => {
    const stats = (await (await t.as('ningde')).get('/api/problems/statistics?by=category&regionCode=350999'))
      .body;
    expect(stats.total).toMatchObject({
      received: 3,
      solved: 2,
      overdue: 1,
      resolutionRate: { percent: '66.7' },
      totalDaysToSolve: '13',
      averageDaysToSolve: '6.5',
    });
    const byCategory = Object.fromEntries(
      stats.rows.map((r: { key: string; figures: { received: number; solved: number } }) => [
        r.key,
        r.figures,
      ]),
    );
    expect(byCategory.用地).toMatchObject({
      received: 2,
      solved: 2,
      overdue: 0,
      resolutionRate: { percent: '100.0' },
    });
    expect(byCategory.资金).toMatchObject({
      received: 1,
      solved: 0,
      overdue: 1,
      averageDaysToSolve: null,
    });
  });

  it('groups by level and department, and shows nothing to an office outside the region', async () => {
    const city = await t.as('ningde');
    const byLevel = (await city.get('/api/problems/statistics?by=level&regionCode=350999')).body;
    expect(byLevel.rows).toEqual([expect.objectContaining({ key: '1', label: '第1级' })]);
    const byDepartment = (await city.get('/api/problems/statistics?by=department&regionCode=350999')).body;
    expect(byDepartment.rows.map((r: { label: string }) => r.label)).toEqual(['宁德市重点项目建设办公室']);
    const fuan = (await (await t.as('fuan')).get('/api/problems/statistics?regionCode=350999')).body;
    expect(fuan.total.received).toBe(0);
    const overdue = (await city.get('/api/problems?overdue=true&regionCode=350999')).body;
    expect(overdue.page.total).toBe(1);
    expect(overdue.data[0]).toMatchObject({ category: '资金', isOverdue: true });
    expect((await city.get('/api/problems/statistics?by=colour')).status).toBe(400);
  });
});
