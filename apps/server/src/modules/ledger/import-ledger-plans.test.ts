import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { annualPlans, auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { freezeAnnualPlans } from '../plans';
import { importLedger } from './import-ledger';
import { parseLedger } from './parse-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function ctxOf(username: string): Promise<Ctx> {
  const actor = await loadActorByUsername(t.db, username);
  return { db: t.db, actor: actor!, clock: t.clock, ip: null, auditKey: testAuditKey };
}

/** A ledger with an optional title row above the header; rows are [name, owner, 年限, 总投资, 年度计划投资]. */
async function ledger(title: string | null, rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  if (title) sheet.addRow([title]);
  sheet.addRow([
    '项目名称',
    '建设单位',
    '建设起止年限',
    '总投资（万元）',
    '年度计划投资（万元）',
    '累计完成投资',
  ]);
  for (const row of rows) sheet.addRow(row);
  return parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** The plans of the named projects, by project name. */
async function plansOf(names: string[]) {
  const rows = await t.db
    .select({
      name: projects.name,
      year: annualPlans.year,
      planned: annualPlans.plannedInvestmentWanYuan,
      status: annualPlans.status,
      version: annualPlans.version,
      id: annualPlans.id,
      priorCompleted: annualPlans.priorCompletedWanYuan,
    })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(inArray(projects.name, names));
  return new Map(rows.map((r) => [`${r.name}/${r.year}`, r]));
}

const planEvents = async (action: string) =>
  (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n;

describe('importLedger: plan figures', () => {
  it('creates draft plans for the title’s year, then updates a changed amount and leaves equal ones', async () => {
    const ctx = await ctxOf('jiaocheng');
    const names = ['计划导入甲项目', '计划导入乙项目', '计划导入丙项目'];
    const first = await ledger('2025年蕉城区重点项目建设计划表', [
      [names[0]!, '计划导入业主有限公司', '2024-2027', 5000, 1200, 800],
      [names[1]!, '计划导入业主有限公司', '2025-2026', 3000, '800.5', null],
      [names[2]!, '计划导入业主有限公司', '2025-2026', 3000, null, null],
    ]);
    const creates = await planEvents('plan.create');
    const outcome = await importLedger(ctx, { parsed: first });
    expect(outcome.counts).toMatchObject({ created: 3, plansCreated: 2, plansUpdated: 0, plansSkipped: 0 });
    expect(outcome.planYears).toEqual([2025]);
    expect(outcome.actions.map((a) => [a.planYear, a.planAction])).toEqual([
      [2025, 'create'],
      [2025, 'create'],
      [null, null],
    ]);
    expect(await planEvents('plan.create')).toBe(creates + 2);
    let plans = await plansOf(names);
    expect(plans.size).toBe(2);
    // 累计完成 goes nowhere: the draft carries the planned investment only
    expect(plans.get(`${names[0]}/2025`)).toMatchObject({
      planned: '1200.0000',
      status: 'draft',
      version: 0,
      priorCompleted: null,
    });
    expect(plans.get(`${names[1]}/2025`)?.planned).toBe('800.5000');

    const second = await ledger('2025年蕉城区重点项目建设计划表', [
      [names[0]!, '计划导入业主有限公司', '2024-2027', 5000, 1500, 900],
      [names[1]!, '计划导入业主有限公司', '2025-2026', 3000, '800.50', null],
    ]);
    const updates = await planEvents('plan.update');
    const again = await importLedger(ctx, { parsed: second });
    expect(again.counts).toMatchObject({ unchanged: 2, plansCreated: 0, plansUpdated: 1 });
    expect(again.actions.map((a) => a.planAction)).toEqual(['update', 'unchanged']);
    expect(await planEvents('plan.update')).toBe(updates + 1);
    plans = await plansOf(names);
    expect(plans.get(`${names[0]}/2025`)).toMatchObject({ planned: '1500.0000', version: 1 });
  });

  it('leaves a frozen plan untouched and warns on the row’s plan cell', async () => {
    const ctx = await ctxOf('jiaocheng');
    const name = '冻结计划导入项目';
    const parsed = (amount: number) =>
      ledger('2026年重点项目', [[name, '计划导入业主有限公司', '2025-2027', 9000, amount, null]]);
    await importLedger(ctx, { parsed: await parsed(2000) });
    const [draft] = [...(await plansOf([name])).values()];
    await freezeAnnualPlans(ctx, { year: 2026, plans: [{ id: draft!.id, version: draft!.version }] });
    const updates = await planEvents('plan.update');

    const outcome = await importLedger(ctx, { parsed: await parsed(2600) });
    expect(outcome.counts).toMatchObject({ plansCreated: 0, plansUpdated: 0, plansSkipped: 1 });
    expect(outcome.actions[0]).toMatchObject({ planYear: 2026, planAction: 'frozen' });
    expect(outcome.problems).toContainEqual({
      sheet: '台账',
      row: 3,
      column: 'E',
      severity: 'warning',
      message: '计划已冻结，未修改；如需调整请走年中调整',
    });
    expect(await planEvents('plan.update')).toBe(updates);
    const [frozen] = [...(await plansOf([name])).values()];
    expect(frozen).toMatchObject({ planned: '2000.0000', status: 'frozen' });
  });

  it('takes the year from the explicit year, else the title, else the clock', async () => {
    const ctx = await ctxOf('jiaocheng');
    const name = '年度识别导入项目';
    const row = [name, '计划导入业主有限公司', '2025-2028', 7000, 100, null];
    const titled = await ledger('2025年重点项目建设计划表', [row]);
    expect((await importLedger(ctx, { parsed: titled, year: 2027, dryRun: true })).planYears).toEqual([2027]);
    expect((await importLedger(ctx, { parsed: titled, dryRun: true })).planYears).toEqual([2025]);
    const untitled = await ledger(null, [row]);
    // the test clock stands in 2026
    const byClock = await importLedger(ctx, { parsed: untitled });
    expect(byClock.planYears).toEqual([2026]);
    const plans = await plansOf([name]);
    expect([...plans.keys()]).toEqual([`${name}/2026`]);
    await expect(importLedger(ctx, { parsed: untitled, year: 1999 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'year', message: expect.stringContaining('2000–2100') }],
    });
  });

  it('writes no plan when the plan amount is invalid and blocks the import', async () => {
    const ctx = await ctxOf('jiaocheng');
    const name = '负计划导入项目';
    const parsed = await ledger('2026年重点项目', [
      [name, '计划导入业主有限公司', '2025-2027', 9000, -5, null],
    ]);
    const dry = await importLedger(ctx, { parsed, dryRun: true });
    expect(dry.isBlocked).toBe(true);
    expect(dry.problems.filter((p) => p.severity === 'error').map((p) => `${p.column}${p.row}`)).toContain(
      'E3',
    );
    const rows = await t.db
      .select({ n: count() })
      .from(annualPlans)
      .innerJoin(projects, eq(projects.id, annualPlans.projectId))
      .where(and(eq(projects.name, name)));
    expect(rows[0]!.n).toBe(0);
  });
});
