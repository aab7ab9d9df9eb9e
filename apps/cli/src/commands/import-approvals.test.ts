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
describe('tuijin import approvals', () => {
  const dataDir = scratchDataDir('tuijin-cli-approvals-import');
  let good = '';
  let bad = '';
  beforeAll(async () => {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    // A 蕉城区 project with no checklist yet.
    const { rows } = await client.query<{ name: string }>(
      `select name from projects p where region_code = '350902'
         and not exists (select 1 from approval_items i where i.project_id = p.id) order by name limit 1`,
    );
    await client.close();
    const write = async (name: string, cells: string[]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('蕉城区');
      sheet.addRow(['项目名称', '用地预审与选址意见书', '环境影响评价审批']);
      sheet.addRow(cells);
      const path = join(dataDir, name);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
      return path;
    };
    good = await write('good.xlsx', [rows[0]!.name, '2026-02-10 宁自然资预〔2026〕5号', '已受理 2026-02-20']);
    bad = await write('bad.xlsx', ['没有这个项目', '2026-02-30', '']);
  }, 60_000);

  it('previews, imports as the county office, and finds everything unchanged the second time', async () => {
    const preview = await runCli('import', 'approvals', good, '--as', 'jiaocheng', '--dry-run');
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(
      '预检（未写入）：1 行，匹配项目 1 个；新建手续 2 项，更新 0 项，无变化 0 项',
    );
    const first = await runCli('import', 'approvals', good, '--as', 'jiaocheng');
    expect(first.code).toBe(0);
    expect(first.out).toContain('已导入：1 行，匹配项目 1 个；新建手续 2 项');
    const second = await runCli('import', 'approvals', good, '--as', 'jiaocheng', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).counts).toMatchObject({
      itemsCreated: 0,
      itemsUpdated: 0,
      itemsUnchanged: 2,
    });
  }, 120_000);

  it('lists the problems by row and column and imports nothing (exit 1)', async () => {
    const dry = await runCli('import', 'approvals', bad, '--as', 'jiaocheng', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(
      JSON.parse(dry.out).problems.map((p: { row: number; column: string | null; issue: string }) => [
        p.row,
        p.column,
        p.issue,
      ]),
    ).toEqual([[2, null, 'unknownProject']]);
    const refused = await runCli('import', 'approvals', bad, '--as', 'jiaocheng');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('“蕉城区” 第 2 行［错误］找不到项目“没有这个项目”');
  }, 120_000);

  it('refuses without --as, with a bad --region, for an owner and for another county’s region', async () => {
    expect((await runCli('import', 'approvals', good)).code).toBe(2);
    const region = await runCli('import', 'approvals', good, '--as', 'jiaocheng', '--region', '宁德');
    expect(region.code).toBe(2);
    expect(region.err).toContain('参数 --region 无效');
    const owner = await runCli('import', 'approvals', good, '--as', 'owner1', '--dry-run');
    expect(owner.code).toBe(1);
    const other = await runCli(
      'import',
      'approvals',
      good,
      '--as',
      'fuan',
      '--region',
      '350902',
      '--dry-run',
    );
    expect(other.code).toBe(1);
    expect(other.err).toContain('只能导入本辖区的前期手续台账');
  }, 120_000);
});
