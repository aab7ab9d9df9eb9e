import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMessyLedger } from '../../../server/src/modules/ledger/messy-ledger.fixture';
import { openTestDump, runCli, scratchDataDir } from '../cli-test-kit';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
  }
}

describe('tuijin import ledger', () => {
  it('prints exactly one JSON object for a dry run of a messy ledger', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tuijin-ledger-')), '蕉城区台账.xlsx');
    writeFileSync(file, await buildMessyLedger());
    const result = await runCli('import', 'ledger', file, '--dry-run', '--json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.out);
    expect(Object.keys(preview)).toEqual(['records', 'skippedRows', 'problems', 'totals']);
    expect(preview.totals.records).toBe(5);
    expect(Object.keys(preview.records[0])).toEqual([
      'row',
      'name',
      'level',
      'category',
      'owner',
      'location',
      'scale',
      'startYear',
      'endYear',
      'totalInvestmentWanYuan',
      'annualPlanWanYuan',
      'completedToDateWanYuan',
      'annualTarget',
      'progress',
      'responsibleUnit',
      'leader',
      'remark',
    ]);
    const text = await runCli('import', 'ledger', file, '--dry-run');
    expect(text.out).toContain('识别到 5 个项目');
  });

  it('explains a missing file, a file that is not a ledger, and a commit without --as', async () => {
    const missing = await runCli('import', 'ledger', '/nonexistent/台账.xlsx', '--dry-run');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const notExcel = join(mkdtempSync(join(tmpdir(), 'tuijin-ledger-')), 'a.xlsx');
    writeFileSync(notExcel, 'hello');
    const refused = await runCli('import', 'ledger', notExcel, '--dry-run');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('不是 Excel');
    const withoutAs = await runCli('import', 'ledger', notExcel);
    expect(withoutAs.code).toBe(2);
    expect(withoutAs.err).toContain('--as');
    const badRegion = await runCli('import', 'ledger', notExcel, '--dry-run', '--region', '蕉城');
    expect(badRegion.code).toBe(2);
    expect(badRegion.err).toContain('--region');
    const badYear = await runCli('import', 'ledger', notExcel, '--as', 'jiaocheng', '--year', '26');
    expect(badYear.code).toBe(2);
    expect(badYear.err).toContain('参数 --year 无效');
  });
});

// The CLI runs on its own PGlite copy of the demo the db tests use.
describe('tuijin import ledger (commit)', () => {
  const dataDir = scratchDataDir('tuijin-cli-ledger');
  let file = '';
  beforeAll(async () => {
    // a data directory holding the demo database the db tests use
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    await client.close();
    file = join(dataDir, '蕉城区台账.xlsx');
    writeFileSync(file, await buildMessyLedger());
  }, 60_000);

  it('commits as an office account, then finds everything unchanged on a second run', async () => {
    const first = await runCli('import', 'ledger', file, '--as', 'jiaocheng');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('已导入：新建 5 个项目，更新 0 个，无变化 0 个');
    // the title says 2025年: every record with a 年度计划投资 gets a 2025 draft plan
    expect(first.out).toMatch(/年度计划（2025 年）：新建草稿 [1-5] 个，更新 0 个/);
    const second = await runCli('import', 'ledger', file, '--as', 'jiaocheng', '--json');
    expect(second.code).toBe(0);
    const result = JSON.parse(second.out);
    expect(result.counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
      plansCreated: 0,
      plansUpdated: 0,
    });
    expect(result.planYears).toEqual([2025]);
  }, 120_000);

  it('writes the plan figures into the year given by --year', async () => {
    const run2027 = await runCli('import', 'ledger', file, '--as', 'jiaocheng', '--year', '2027', '--json');
    expect(run2027.code).toBe(0);
    const result = JSON.parse(run2027.out);
    expect(result.planYears).toEqual([2027]);
    const planned = result.actions.filter((a: { planAction: string | null }) => a.planAction !== null);
    expect(planned.length).toBeGreaterThan(0);
    expect(result.counts.plansCreated).toBe(planned.length);
    expect(planned.every((a: { planYear: number }) => a.planYear === 2027)).toBe(true);
  }, 120_000);

  it('refuses an account without the permission, one outside the jurisdiction, and an unknown one', async () => {
    const owner = await runCli('import', 'ledger', file, '--as', 'owner1');
    expect(owner.code).toBe(1);
    expect(owner.err).toContain('没有执行此操作的权限');
    const outside = await runCli('import', 'ledger', file, '--as', 'fuan', '--json');
    expect(outside.code).toBe(1);
    const refused = JSON.parse(outside.out);
    expect(refused.error.code).toBe('VALIDATION_FAILED');
    expect(refused.problems.some((p: { message: string }) => p.message.includes('不在本单位辖区'))).toBe(
      true,
    );
    const unknown = await runCli('import', 'ledger', file, '--as', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('找不到用户 nobody');
  }, 120_000);
});

describe('tuijin import ledger --reports', () => {
  const dataDir = scratchDataDir('tuijin-cli-ledger-reports');
  let file = '';
  beforeAll(async () => {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    const { rows } = await client.query<{ name: string }>(
      `select name from projects where region_code = '350902' order by name limit 1`,
    );
    await client.close();
    const workbook = new ExcelJS.Workbook();
    const dated = workbook.addWorksheet('蕉城区');
    dated.addRow(['2024年1-11月重点项目进展情况']);
    dated.addRow(['项目名称', '11月完成', '1-11月完成', '11月形象进度']);
    dated.addRow([rows[0]!.name, 55, 55, '基础施工']);
    const undated = workbook.addWorksheet('福安市');
    undated.addRow(['1-7月份重点项目进展情况']);
    undated.addRow(['项目名称', '7月完成', '1-7月完成', '形象进度']);
    undated.addRow([rows[0]!.name, 10, 10, '']);
    file = join(dataDir, '进展台账.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  }, 60_000);

  it('previews per-sheet periods, asks the year of an undated sheet, then writes the reports', async () => {
    const preview = await runCli(
      'import',
      'ledger',
      file,
      '--reports',
      '--dry-run',
      '--json',
      '--as',
      'ningde',
    );
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    const outcome = JSON.parse(preview.out);
    expect(outcome.sheets.map((s: { status: string }) => s.status)).toEqual(['ok', 'needsYear']);
    expect(outcome.counts).toMatchObject({ created: 1 });
    const text = await runCli('import', 'ledger', file, '--reports', '--as', 'ningde');
    expect(text.code).toBe(0);
    expect(text.out).toContain('工作表“福安市”未读取：标题“1-7月份重点项目进展情况”没有写年份');
    expect(text.out).toContain('已导入：新建已审核月报 1 份');
    const withYear = await runCli(
      'import',
      'ledger',
      file,
      '--reports',
      '--as',
      'ningde',
      '--sheet-year',
      '福安市=2024',
    );
    expect(withYear.out).toContain('已导入：新建已审核月报 1 份，已有相同 1 份');
    const bad = await runCli(
      'import',
      'ledger',
      file,
      '--reports',
      '--as',
      'ningde',
      '--sheet-year',
      '福安市',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sheet-year');
  }, 120_000);
});
