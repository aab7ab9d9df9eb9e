import { evaluateWarning, warningPresets } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualPlans,
  monthlyReports,
  projects,
  statisticsFigures,
  statisticsImports,
  users,
} from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { loadWarningFacts } from './warning-facts';

let t: TestApp;
let project: string;

/**
 * A 蕉城 project with a 2026 plan and approved reports of 200 万元 in each of January to March (自报
 * 1–3 月 600 万元), and the statistics bureau's 入统 of 1–2 月 (300) and 1–3 月 (450) imported.
 */
beforeAll(async () => {
  t = await createTestApp();
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  project = await insertTestProject(t, { regionCode: '350902', ownerOrganisationId: owner });
  await t.db.update(projects).set({ actualStartOn: '2026-01-10' }).where(eq(projects.id, project));
  await t.db.insert(annualPlans).values({ projectId: project, year: 2026, plannedInvestmentWanYuan: '2400' });
  await t.db.insert(monthlyReports).values(
    [1, 2, 3].map((month) => ({
      projectId: project,
      year: 2026,
      month,
      completedWanYuan: '200',
      status: 'approved' as const,
      dueOn: `2026-0${month}-25`,
      submittedAt: new Date(`2026-0${month}-20T02:00:00Z`),
      actualStartOn: '2026-01-10',
    })),
  );
  const [office] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'jiaocheng'));
  for (const [month, value] of [
    [2, '300'],
    [3, '450'],
  ] as const) {
    const [imported] = await t.db
      .insert(statisticsImports)
      .values({
        regionCode: '350902',
        year: 2026,
        month,
        rowCount: 1,
        importedBy: office!.id,
        importedByName: '蕉城',
      })
      .returning({ id: statisticsImports.id });
    await t.db
      .insert(statisticsFigures)
      .values({ projectId: project, year: 2026, month, yearToDateWanYuan: value, importId: imported!.id });
  }
});
afterAll(async () => t.close());

const factsAt = async (month: number) => {
  const [row] = await loadWarningFacts(t.db, eq(projects.id, project), { year: 2026, month }, '2026-04-20');
  return row!.facts;
};

describe('三数比对 as a warning dimension', () => {
  it('gives each month the latest 入统 figure imported up to it', async () => {
    expect((await factsAt(1)).statisticsFigure).toBeNull();
    expect((await factsAt(2)).statisticsFigure).toEqual({ month: 2, wanYuan: '300' });
    expect((await factsAt(3)).statisticsFigure).toEqual({ month: 3, wanYuan: '450' });
    expect((await factsAt(4)).statisticsFigure).toEqual({ month: 3, wanYuan: '450' });
  });

  it('colours the month by how far 自报 is from 入统 (600 against 450: 33.3%, red above 30%)', async () => {
    const rules = {
      ...warningPresets.yinchuan.rules,
      start: { enabled: false, yellow: null, red: null },
      progress: { ...warningPresets.yinchuan.rules.progress, enabled: false },
      statistics: { enabled: false, yellow: null, red: null },
      reconciliation: {
        enabled: true,
        yellow: { value: 10, inclusive: true },
        red: { value: 30, inclusive: false },
      },
    };
    const march = evaluateWarning(await factsAt(3), rules, { year: 2026, month: 3 });
    expect(march.colour).toBe('red');
    expect(march.reasons[0]).toMatchObject({
      dimension: 'reconciliation',
      params: { month: 3, reported: '600', statistics: '450', gapPercent: '33.3' },
    });
    // 1–2 月: 400 reported against 300: 33.3% too; with red at 40% it is yellow.
    const february = evaluateWarning(
      await factsAt(2),
      { ...rules, reconciliation: { ...rules.reconciliation, red: { value: 40, inclusive: false } } },
      { year: 2026, month: 2 },
    );
    expect(february.colour).toBe('yellow');
  });
});
