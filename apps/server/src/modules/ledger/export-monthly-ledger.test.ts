import { addDecimals, neutraliseCellText } from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports, projects, users } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { parseLedger } from './parse-ledger';

/** Texts a reader's spreadsheet would run as formulas or commands. */
const hazards = ["=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(A1:A9)', '\tcalc', '\rcalc'];

interface Expected {
  id: string;
  name: string;
  provincial: boolean;
  domain: string;
  startYear: number;
  endYear: number;
  total: string;
  planned: string;
  baseline: string | null;
  month: string | null;
  ytd: string;
  sinceStart: string;
}

let t: TestApp;
let expected: Expected[] = [];
let fuanIds: string[] = [];

/** The name as the sheet shows it after ★: neutralised unless the ★ already leads the cell. */
const cellName = (p: Expected) => (p.provincial ? p.name : neutraliseCellText(p.name));

const get = (cookie: string | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/**
 * Plans for 2026 for every project of 蕉城区 and 福安市, and monthly reports Jan–Nov: approved except
 * a submitted October (not counted), a returned March (not counted), plus a 2025 report (other year).
 */
async function seedPlansAndReports() {
  const rows = await t.db
    .select()
    .from(projects)
    .where(inArray(projects.regionCode, ['350902', '350981']))
    .orderBy(asc(projects.regionPath), asc(projects.name));
  const jiaocheng = rows.filter((r) => r.regionCode === '350902');
  // One project dropped this year: it is no longer due, so it leaves the ledger.
  const dropped = jiaocheng.at(-1)!;
  await t.db.update(projects).set({ stage: 'dropped' }).where(eq(projects.id, dropped.id));
  // A name that would run as a formula: the ledger shows it neutralised.
  const hazardous = jiaocheng[0]!;
  await t.db.update(projects).set({ name: '@SUM(1+1)项目' }).where(eq(projects.id, hazardous.id));
  hazardous.name = '@SUM(1+1)项目';

  for (const [i, project] of rows.entries()) {
    const planned = `${1000 + i * 137}.25`;
    const frozen = i % 2 === 0;
    const prior = i % 3 === 0 ? null : `${i * 50}.5`;
    await t.db.insert(annualPlans).values({
      projectId: project.id,
      year: 2026,
      plannedInvestmentWanYuan: planned,
      priorCompletedWanYuan: prior,
      goals: i < hazards.length ? hazards[i] : `完成年度目标${i}`,
      status: frozen ? 'frozen' : 'draft',
      baselineInvestmentWanYuan: frozen ? `${900 + i * 137}.25` : null,
    });
    let ytd = '0';
    let month: string | null = null;
    for (let m = 1; m <= 11; m++) {
      const completed = `${10 + i}.${String(1000 + m).slice(1)}`;
      const status = i === 1 && m === 10 ? 'submitted' : i === 2 && m === 3 ? 'returned' : 'approved';
      await t.db.insert(monthlyReports).values({
        projectId: project.id,
        year: 2026,
        month: m,
        completedWanYuan: completed,
        progress: m === 10 && i < hazards.length ? hazards[i]! : `第${m}月进展`,
        inStatistics: m === 10 && i % 2 === 0,
        status,
        dueOn: `2026-${String(m).padStart(2, '0')}-25`,
      });
      if (status === 'approved' && m <= 10) ytd = addDecimals([ytd, completed]);
      if (status === 'approved' && m === 10) month = completed;
    }
    await t.db.insert(monthlyReports).values({
      projectId: project.id,
      year: 2025,
      month: 12,
      completedWanYuan: '9999',
      status: 'approved',
      dueOn: '2025-12-25',
    });
    if (project.regionCode === '350902' && project.id !== dropped.id) {
      expected.push({
        id: project.id,
        name: project.name,
        provincial: project.levels.includes('provincial'),
        domain: project.domain,
        startYear: project.startYear,
        endYear: project.endYear,
        total: addDecimals([project.totalInvestmentWanYuan]),
        planned: addDecimals([planned]),
        baseline: frozen ? addDecimals([`${900 + i * 137}.25`]) : null,
        month,
        ytd,
        sinceStart: addDecimals([prior ?? '0', ytd]),
      });
    }
  }
  fuanIds = rows.filter((r) => r.regionCode === '350981').map((r) => r.id);
}

async function download(username: string, query: string) {
  const cookie = (await t.as(username)).cookie;
  return get(cookie, `/api/ledger/monthly.xlsx?${query}`);
}

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  expected = [];
  await clearPlansAndReports(t.db);
  await seedPlansAndReports();
});
afterAll(async () => t.close());

describe('monthly ledger export → import (round trip)', () => {
  it('reads back with the same projects, amounts, categories, levels and years, and no problem but the formula-like name', async () => {
    const response = await download('jiaocheng', 'year=2026&month=10');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const parsed = await parseLedger(response.rawPayload);
    // The name stored before such names were refused reads back, and is refused as a name again.
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        column: 'B',
        severity: 'error',
        message: expect.stringContaining('项目名称“@SUM(1+1)项目”以 =、+、-、@ 开头'),
      }),
    ]);
    expect(parsed.records).toHaveLength(expected.length);
    const byName = new Map(parsed.records.map((r) => [r.name, r]));
    for (const project of expected) {
      const record = byName.get(project.name);
      expect(record, project.name).toBeDefined();
      expect(record).toMatchObject({
        level: project.provincial ? 'provincial' : null,
        category: project.domain,
        startYear: project.startYear,
        endYear: project.endYear,
        totalInvestmentWanYuan: project.total,
        annualPlanWanYuan: project.planned,
        completedToDateWanYuan: project.ytd,
      });
    }
    expect(parsed.skippedRows.filter((r) => r.kind === 'total')).toHaveLength(1);
    const categories = new Set(expected.map((p) => p.domain));
    expect(parsed.skippedRows.filter((r) => r.kind === 'category')).toHaveLength(categories.size);
    expect(parsed.skippedRows.filter((r) => r.kind === 'subtotal')).toHaveLength(categories.size);
  });

  it('writes 小计 and 合计 as SUM formulas whose cached values are exact', async () => {
    const sheet = await load((await download('jiaocheng', 'year=2026&month=10')).rawPayload);
    const amountColumns: [string, (p: Expected) => string | null][] = [
      ['G', (p) => p.total],
      ['H', (p) => p.planned],
      ['I', (p) => p.baseline],
      ['K', (p) => p.month],
      ['L', (p) => p.ytd],
      ['N', (p) => p.sinceStart],
    ];
    const total = sheet.getRow(6);
    expect(String(total.getCell(1).value)).toBe(`合计（${expected.length}个）`);
    const subtotalRows: number[] = [];
    sheet.eachRow((row, n) => {
      if (String(row.getCell(1).value).startsWith('小计')) subtotalRows.push(n);
    });
    expect(subtotalRows).toHaveLength(new Set(expected.map((p) => p.domain)).size);
    for (const [letter, pick] of amountColumns) {
      const cell = total.getCell(letter).value as ExcelJS.CellFormulaValue;
      expect(cell.formula).toBe(`SUM(${subtotalRows.map((r) => `${letter}${r}`).join(',')})`);
      const exact = addDecimals(expected.map(pick).filter((v): v is string => v !== null));
      expect(cell.result).toBe(Number(exact));
    }
    // Each 小计 sums its own category's rows, and its cached value is that category's exact sum.
    for (const row of subtotalRows) {
      const cell = sheet.getCell(`L${row}`).value as ExcelJS.CellFormulaValue;
      const [, from, to] = /^SUM\(L(\d+):L(\d+)\)$/.exec(cell.formula)!;
      const names: string[] = [];
      for (let r = Number(from); r <= Number(to); r++)
        names.push(String(sheet.getCell(`B${r}`).value).replace(/^★/, ''));
      const inCategory = expected.filter((p) => names.includes(cellName(p)));
      expect(inCategory).toHaveLength(names.length);
      expect(cell.result).toBe(Number(addDecimals(inCategory.map((p) => p.ytd))));
    }
  });

  it('lays the sheet out as an office sends it: title, units, merged two-row header, frozen, printable', async () => {
    const sheet = await load((await download('jiaocheng', 'year=2026&month=10')).rawPayload);
    expect(sheet.getCell('A1').value).toBe('2026年宁德市蕉城区重点项目建设情况表（截至10月）');
    expect(String(sheet.getCell('A2').value)).toMatch(/^填报单位：.+/);
    expect(sheet.getCell('Q3').value).toBe('单位：万元');
    expect(sheet.getCell('S3').isMerged).toBe(true);
    expect(sheet.getCell('H4').value).toBe('2026年计划');
    expect(sheet.getCell('J4').isMerged).toBe(true);
    expect(sheet.getCell('L4').value).toBe('1-10月完成');
    expect(['H5', 'I5', 'J5', 'L5', 'M5'].map((a) => sheet.getCell(a).value)).toEqual([
      '计划投资',
      '年初计划投资',
      '形象进度目标',
      '完成投资',
      '占年度计划%',
    ]);
    expect(sheet.getCell('B5').isMerged).toBe(true);
    expect(String(sheet.getCell('A7').value)).toMatch(/^一、.+（\d+个）$/);
    expect(sheet.getCell('A8').value).toBe(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:5' });
    expect(sheet.getCell('L8').numFmt).toBe('#,##0.00');
    const share = sheet.getCell('M8');
    expect(share.numFmt).toBe('0.0%');
    expect((share.value as ExcelJS.CellFormulaValue).formula).toBe('IF(N(H8)=0,"",N(L8)/H8)');
  });

  it('counts approved reports only: a submitted month is blank and marked, a returned month is left out', async () => {
    const sheet = await load((await download('jiaocheng', 'year=2026&month=10')).rawPayload);
    const rowOf = (project: Expected) => {
      let found = 0;
      sheet.eachRow((row, n) => {
        if (String(row.getCell(2).value).replace(/^★/, '') === cellName(project)) found = n;
      });
      return sheet.getRow(found);
    };
    const submitted = rowOf(expected[1]!);
    expect(submitted.getCell('K').value).toBeNull();
    expect(submitted.getCell('O').value).toBeNull();
    expect(submitted.getCell('S').value).toBe('月报未审核');
    expect(submitted.getCell('L').value).toBe(Number(expected[1]!.ytd));
    const first = rowOf(expected[0]!);
    expect(first.getCell('P').value).toBe('是');
  });

  it('neutralises every text cell that would run as a formula', async () => {
    const sheet = await load((await download('jiaocheng', 'year=2026&month=10')).rawPayload);
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // XML reads a carriage return back as a line feed; the text is the same for this check.
        if (typeof cell.value === 'string') texts.push(cell.value.replace(/\n/g, '\r'));
      }),
    );
    for (const hazard of hazards) {
      expect(texts).toContain(`'${hazard}`);
      expect(texts).not.toContain(hazard);
    }
    const named = expected.find((p) => p.name === '@SUM(1+1)项目')!;
    expect(texts).toContain(named.provincial ? '★@SUM(1+1)项目' : "'@SUM(1+1)项目");
    expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
  });
});

describe('monthly ledger scope and errors', () => {
  it('exports for a county only its own projects, and for the city both counties', async () => {
    const fuan = await parseLedger((await download('fuan', 'year=2026&month=10')).rawPayload);
    const fuanNames = (
      await t.db.select({ name: projects.name }).from(projects).where(inArray(projects.id, fuanIds))
    ).map((r) => r.name);
    expect(fuan.records.map((r) => r.name).sort()).toEqual([...fuanNames].sort());
    const city = await parseLedger((await download('ningde', 'year=2026&month=10&region=350900')).rawPayload);
    expect(city.records.length).toBeGreaterThanOrEqual(expected.length + fuanNames.length);
    const county = await parseLedger(
      (await download('ningde', 'year=2026&month=10&region=350902')).rawPayload,
    );
    expect(county.records).toHaveLength(expected.length);
  });

  it('shows an owner only the projects it owns', async () => {
    const owned = await t.db
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, 2026)))
      .where(
        and(
          inArray(projects.regionCode, ['350902', '350981']),
          eq(
            projects.ownerOrganisationId,
            (await t.db.select().from(users).where(eq(users.username, 'owner1')))[0]!.organisationId,
          ),
        ),
      );
    const parsed = await parseLedger((await download('owner1', 'year=2026&month=10')).rawPayload);
    expect(parsed.records.length).toBeLessThanOrEqual(owned.length);
    expect(parsed.records.length).toBeLessThan(expected.length);
  });

  it('answers NOT_FOUND for a region outside the jurisdiction or unknown, 401, 403 and 400', async () => {
    expect((await download('jiaocheng', 'year=2026&month=10&region=350981')).statusCode).toBe(404);
    expect((await download('jiaocheng', 'year=2026&month=10&region=999999')).statusCode).toBe(404);
    expect((await get(null, '/api/ledger/monthly.xlsx?year=2026&month=10')).statusCode).toBe(401);
    expect((await download('security', 'year=2026&month=10')).statusCode).toBe(403);
    const bad = await download('jiaocheng', 'year=2026&month=13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'month', message: '月份应为 1–12' });
  });

  it('exports an empty month as a lone 合计 of zero', async () => {
    const sheet = await load((await download('jiaocheng', 'year=2031&month=1')).rawPayload);
    expect(sheet.getCell('A6').value).toBe('合计（0个）');
    expect(sheet.getCell('G6').value).toMatchObject({ formula: '0' });
    expect(
      (await parseLedger((await download('jiaocheng', 'year=2031&month=1')).rawPayload)).records,
    ).toEqual([]);
  });
});
