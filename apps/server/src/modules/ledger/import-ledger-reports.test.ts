import { addDecimals, ratio } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { annualPlans, auditEvents, monthlyReportEvents, monthlyReports, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { importLedgerReports } from './import-ledger-reports';
import { parseLedger } from './parse-ledger';

let t: TestApp;
let jiaocheng: string[] = [];
let fuan: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-06T02:00:00.000Z'));
  const names = async (regionCode: string) =>
    (
      await t.db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.regionCode, regionCode))
        .orderBy(asc(projects.name))
    ).map((r) => r.name);
  jiaocheng = (await names('350902')).slice(0, 3);
  fuan = (await names('350981')).slice(0, 2);
});
afterAll(async () => t.close());

async function ctxOf(username: string): Promise<Ctx> {
  const actor = await loadActorByUsername(t.db, username);
  return { db: t.db, actor: actor!, clock: t.clock, ip: null, auditKey: testAuditKey };
}

/** A two-row header as offices draw it: 11月完成 merged down, 1-11月完成 over 完成投资 / 占年度计划%. */
function progressSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  month: number,
  rows: [string, number, number, number][],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, 6);
  sheet.addRow(['单位：万元']);
  sheet.addRow(['序号', '项目名称', `${month}月完成`, `1-${month}月完成`, null, `${month}月形象进度`]);
  sheet.addRow([null, null, null, '完成投资', '占年度计划%', null]);
  for (const cell of [1, 2, 3, 6]) sheet.mergeCells(3, cell, 4, cell);
  sheet.mergeCells(3, 4, 3, 5);
  sheet.addRow([`合计（${rows.length}个）`, null, rows.reduce((a, r) => a + r[1], 0), null, null, null]);
  rows.forEach(([project, monthAmount, toDate, share], i) => {
    sheet.addRow([i + 1, project, monthAmount, toDate, share, '主体施工中']);
  });
}

/** A city office's workbook: one sheet per county and report, one without a year, one unreadable. */
async function progressWorkbook() {
  const workbook = new ExcelJS.Workbook();
  progressSheet(workbook, '蕉城区', '2024年1-11月蕉城区重点项目进展情况', 11, [
    [jiaocheng[0]!, 120, 1500, 0.75],
    [jiaocheng[1]!, 80.5, 80.5, 0.1],
  ]);
  progressSheet(workbook, '福安市', '福安市重点项目1-10月份进展情况', 10, [[fuan[0]!, 300, 3000, 0.5]]);
  const broken = workbook.addWorksheet('说明有误');
  broken.addRow(['2024年前三季度进展']);
  broken.addRow(['建设单位', '总投资', '年度计划投资', '本月完成']);
  broken.addRow(['某公司', 100, 50, 5]);
  const quarter = workbook.addWorksheet('前三季度');
  quarter.addRow(['2024年前三季度重点项目完成情况']);
  quarter.addRow(['项目名称', '本月完成投资', '形象进度', '备注']);
  quarter.addRow([jiaocheng[2]!, 66, '设备安装', null]);
  return parseLedger(Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe('importLedgerReports', () => {
  it('reads each sheet on its own: periods, a missing year flagged, an unreadable sheet reported', async () => {
    const outcome = await importLedgerReports(await ctxOf('ningde'), {
      parsed: await progressWorkbook(),
      dryRun: true,
      fileName: '全市进展.xlsx',
    });
    expect(outcome.sheets.map((s) => [s.sheet, s.status, s.year, s.month])).toEqual([
      ['蕉城区', 'ok', 2024, 11],
      ['福安市', 'needsYear', null, 10],
      ['说明有误', 'unreadable', null, null],
      ['前三季度', 'ok', 2024, 9],
    ]);
    expect(outcome.sheets[1]!.reason).toContain('没有写年份');
    expect(outcome.sheets[2]!.reason).toContain('项目名称');
    expect(outcome.counts).toEqual({ created: 3, unchanged: 0, kept: 0, skipped: 0 });
    expect(outcome.actions.map((a) => [a.name, a.month, a.completedWanYuan])).toEqual([
      [jiaocheng[0], 11, '120'],
      [jiaocheng[1], 11, '80.5'],
      [jiaocheng[2], 9, '66'],
    ]);
    // 1-11月 1500 ≠ 0 approved before + 120: reported, the month's figure kept as printed.
    expect(outcome.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('1-11月完成 1500 万元'),
    );
    const written = await t.db.select().from(monthlyReports).where(eq(monthlyReports.year, 2024));
    expect(written).toEqual([]);
  });

  it('writes approved office entries with the sheet as evidence, audited, and never overwrites', async () => {
    const ctx = await ctxOf('ningde');
    const [first] = await t.db.select().from(projects).where(eq(projects.name, jiaocheng[1]!));
    // An owner's own report for November 2024 with another figure: kept, reported.
    await t.db.insert(monthlyReports).values({
      projectId: first!.id,
      year: 2024,
      month: 11,
      completedWanYuan: '70',
      status: 'submitted',
      dueOn: '2024-11-25',
    });
    const parsed = await progressWorkbook();
    const outcome = await importLedgerReports(ctx, {
      parsed,
      sheetYears: { 福安市: 2024 },
      fileName: '全市进展.xlsx',
    });
    expect(outcome.counts).toEqual({ created: 3, unchanged: 0, kept: 1, skipped: 0 });
    expect(outcome.problems.map((p) => p.message)).toContainEqual(
      '2024年11月已有月报（已提交待审核，70 万元），台账为 80.5 万元：未覆盖，请核实后在月报中更正',
    );
    const [project] = await t.db.select().from(projects).where(eq(projects.name, jiaocheng[0]!));
    const [report] = await t.db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.projectId, project!.id), eq(monthlyReports.year, 2024)));
    expect(report).toMatchObject({
      month: 11,
      completedWanYuan: '120.0000',
      status: 'approved',
      progress: '主体施工中',
    });
    const [event] = await t.db
      .select()
      .from(monthlyReportEvents)
      .where(eq(monthlyReportEvents.reportId, report!.id));
    expect(event).toMatchObject({ action: 'approved', reason: '台账导入：全市进展.xlsx“蕉城区”第 6 行' });
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.import'), eq(auditEvents.entityId, project!.id)));
    expect(audits).toHaveLength(1);
    const [fuanProject] = await t.db.select().from(projects).where(eq(projects.name, fuan[0]!));
    const [fuanReport] = await t.db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.projectId, fuanProject!.id), eq(monthlyReports.year, 2024)));
    expect(fuanReport).toMatchObject({ month: 10, completedWanYuan: '300.0000' });

    const again = await importLedgerReports(ctx, { parsed, sheetYears: { 福安市: 2024 } });
    expect(again.counts).toEqual({ created: 0, unchanged: 3, kept: 1, skipped: 0 });
  });

  it('keeps a county office to its own projects and refuses an owner', async () => {
    const outcome = await importLedgerReports(await ctxOf('jiaocheng'), {
      parsed: await progressWorkbook(),
      year: 2023,
      dryRun: true,
    });
    const fuanRow = outcome.actions.find((a) => a.name === fuan[0]);
    expect(fuanRow).toMatchObject({ action: 'skipped', projectId: null });
    await expect(
      importLedgerReports(await ctxOf('owner1'), { parsed: await progressWorkbook(), dryRun: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports 合计/小计 counts and amounts the rows do not bear out, and keeps the rows as printed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('蕉城区');
    sheet.addRow(['2023年1-8月蕉城区重点项目进展情况']);
    sheet.addRow(['单位：万元']);
    sheet.addRow(['序号', '项目名称', '8月完成', '1-8月完成', '8月形象进度']);
    sheet.addRow(['合计（4个）', null, 999, 1800, null]);
    sheet.addRow([1, jiaocheng[0]!, 100, 1000, '主体施工']);
    sheet.addRow([2, jiaocheng[1]!, 50, 500, '主体施工']);
    sheet.addRow(['小计（1个）', null, 150, 1500, null]);
    sheet.addRow([3, jiaocheng[2]!, 30, 300, '设备安装']);
    sheet.addRow(['小计', null, 40, 300, null]);
    const outcome = await importLedgerReports(await ctxOf('ningde'), {
      parsed: await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer())),
      dryRun: true,
    });
    const differences = outcome.problems
      .filter((p) => p.severity === 'warning' && p.message.includes('明细'))
      .map(({ sheet, row, column, message }) => ({ sheet, row, column, message }));
    expect(differences).toEqual(
      expect.arrayContaining([
        {
          sheet: '蕉城区',
          row: 4,
          column: null,
          message: '合计行写明 4 个项目，下列明细实有 3 个；以明细为准，未修改项目数据',
        },
        {
          sheet: '蕉城区',
          row: 4,
          column: 'C',
          message: '合计行的本月完成投资为 999 万元，按明细计算为 180 万元；以明细为准，未修改项目数据',
        },
        {
          sheet: '蕉城区',
          row: 7,
          column: null,
          message: '小计行写明 1 个项目，下列明细实有 2 个；以明细为准，未修改项目数据',
        },
        {
          sheet: '蕉城区',
          row: 9,
          column: 'C',
          message: '小计行的本月完成投资为 40 万元，按明细计算为 30 万元；以明细为准，未修改项目数据',
        },
      ]),
    );
    // The 1-8月 column adds up (1000 + 500 + 300 = 1800; 300 under the second 小计): nothing said.
    expect(differences.filter((d) => d.column === 'D')).toEqual([]);
    expect(differences).toHaveLength(4);
    // The rows' own figures become the month's reports, whatever the totals say.
    expect(outcome.actions.map((a) => [a.name, a.month, a.completedWanYuan, a.action])).toEqual([
      [jiaocheng[0], 8, '100', 'create'],
      [jiaocheng[1], 8, '50', 'create'],
      [jiaocheng[2], 8, '30', 'create'],
    ]);
  });

  it('warns of a 占年度计划% more than 0.5 points from 1–N月完成 ÷ the annual plan, and imports the row', async () => {
    const planned = await t.db
      .select({ name: projects.name, plannedWanYuan: annualPlans.plannedInvestmentWanYuan })
      .from(annualPlans)
      .innerJoin(projects, eq(projects.id, annualPlans.projectId))
      .where(and(eq(projects.regionCode, '350902'), eq(annualPlans.year, 2026)))
      .orderBy(asc(projects.name))
      .limit(2);
    expect(planned).toHaveLength(2);
    const [fits, off] = planned.map((p) => ({ ...p, share: ratio('1000', p.plannedWanYuan).percent! }));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('蕉城区');
    sheet.addRow(['2026年1-11月蕉城区重点项目进展情况']);
    sheet.addRow(['单位：万元']);
    sheet.addRow(['序号', '项目名称', '11月完成', '1-11月完成', null]);
    sheet.addRow([null, null, null, '完成投资', '占年度计划%']);
    for (const cell of [1, 2, 3]) sheet.mergeCells(3, cell, 4, cell);
    sheet.mergeCells(3, 4, 3, 5);
    // As a percent-formatted cell holds it (a fraction), rounded to one decimal: within 0.5 points.
    sheet.addRow([1, fits!.name, 100, 1000, Number(fits!.share) / 100]);
    // One point too many, typed as text.
    sheet.addRow([2, off!.name, 100, 1000, `${(Number(off!.share) + 1).toFixed(1)}%`]);
    const outcome = await importLedgerReports(await ctxOf('jiaocheng'), {
      parsed: await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer())),
      dryRun: true,
    });
    const shares = outcome.problems.filter((p) => p.message.startsWith('占年度计划%'));
    expect(shares).toEqual([
      {
        sheet: '蕉城区',
        row: 6,
        column: 'E',
        severity: 'warning',
        message: `占年度计划% 为 ${(Number(off!.share) + 1).toFixed(1)}%，按 1-11月完成 1000 万元 ÷ 年度计划 ${addDecimals([off!.plannedWanYuan])} 万元应为 ${off!.share}%，相差超过 0.5 个百分点；仍按表中完成额导入，请核实`,
      },
    ]);
    // A warning, not a refusal: both rows are taken (or compared with the month already reported).
    expect(outcome.actions.map((a) => a.projectId !== null)).toEqual([true, true]);
  });
});
