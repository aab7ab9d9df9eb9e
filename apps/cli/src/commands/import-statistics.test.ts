import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDump, runCli, scratchDataDir } from '../cli-test-kit';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
  }
}

// The CLI runs on its own PGlite copy of the demo the db tests use.
describe('tuijin import statistics', () => {
  const dataDir = scratchDataDir('tuijin-cli-statistics-import');
  let good = '';
  let bad = '';
  beforeAll(async () => {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    // Two 蕉城区 projects given codes the sheet names, and one of 福安市.
    const { rows } = await client.query<{ id: string; region_code: string }>(
      `(select id, region_code from projects where region_code = '350902' order by name limit 2)
       union all (select id, region_code from projects where region_code = '350981' order by name limit 1)`,
    );
    const codes = ['TJ-CLI-STAT-01', 'TJ-CLI-STAT-02', 'TJ-CLI-STAT-FA'];
    for (const [i, row] of rows.entries())
      await client.query('update projects set code = $1 where id = $2', [codes[i], row.id]);
    await client.close();
    const write = async (name: string, lines: (string | number)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('入统');
      sheet.addRow(['项目代码', '项目名称', '1-2月累计入统投资（万元）']);
      for (const line of lines) sheet.addRow(line);
      const path = join(dataDir, name);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
      return path;
    };
    good = await write('good.xlsx', [
      ['TJ-CLI-STAT-01', '项目一', 1200],
      ['TJ-CLI-STAT-02', '项目二', '350.5'],
    ]);
    bad = await write('bad.xlsx', [
      ['TJ-CLI-STAT-01', '项目一', 1200],
      ['NO-SUCH-CODE', '不存在', 10],
      ['TJ-CLI-STAT-FA', '福安项目', 20],
    ]);
  }, 60_000);

  it('previews, imports as the county office, and finds everything unchanged the second time', async () => {
    const args = ['import', 'statistics', good, '--year', '2026', '--month', '2', '--as', 'jiaocheng'];
    const preview = await runCli(...args, '--dry-run');
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(
      '预检（未写入）：2026 年 1–2 月入统数据 2 行；新增 2 个，更新 0 个，无变化 0 个；问题 0 个',
    );
    const first = await runCli(...args);
    expect(first.code).toBe(0);
    expect(first.out).toContain('已导入：2026 年 1–2 月入统数据 2 行；新增 2 个');
    const second = await runCli(...args, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  }, 120_000);

  it('names each wrong row and imports nothing (exit 1)', async () => {
    const refused = await runCli(
      'import',
      'statistics',
      bad,
      '--year',
      '2026',
      '--month',
      '2',
      '--as',
      'jiaocheng',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('错误：入统数据表有 2 个问题须先改正，未导入任何数据');
    expect(refused.err).toContain('第 3 行：项目代码 NO-SUCH-CODE（不存在） 不在项目库中');
    expect(refused.err).toContain('第 4 行：项目 TJ-CLI-STAT-FA（');
  }, 120_000);

  it('refuses a missing or wrong --year/--month, a missing --as and an owner', async () => {
    const noMonth = await runCli('import', 'statistics', good, '--year', '2026', '--as', 'jiaocheng');
    expect(noMonth.code).toBe(2);
    expect(noMonth.err).toContain('须用 --month 指明月份');
    const badYear = await runCli(
      'import',
      'statistics',
      good,
      '--year',
      '26',
      '--month',
      '2',
      '--as',
      'jiaocheng',
    );
    expect(badYear.code).toBe(2);
    expect(badYear.err).toContain('参数 --year 无效：“26”应为 2000–2100 的整数');
    expect((await runCli('import', 'statistics', good, '--year', '2026', '--month', '2')).code).toBe(2);
    const owner = await runCli(
      'import',
      'statistics',
      good,
      '--year',
      '2026',
      '--month',
      '2',
      '--as',
      'owner1',
    );
    expect(owner.code).not.toBe(0);
    expect(owner.err).toMatch(/权限|无权/);
  }, 120_000);
});
