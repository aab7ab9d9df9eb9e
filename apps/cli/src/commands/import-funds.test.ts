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

// The CLI runs on its own PGlite copy of the demo the db tests use, on the real clock.
describe('tuijin import funds', () => {
  const dataDir = scratchDataDir('tuijin-cli-funds-import');
  let good = '';
  let bad = '';
  beforeAll(async () => {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    // One 蕉城区 project given the code the sheet names, and one of 福安市.
    const { rows } = await client.query<{ id: string }>(
      `(select id from projects where region_code = '350902' order by name limit 1)
       union all (select id from projects where region_code = '350981' order by name limit 1)`,
    );
    const codes = ['TJ-CLI-FUND-01', 'TJ-CLI-FUND-FA'];
    for (const [i, row] of rows.entries())
      await client.query('update projects set code = $1 where id = $2', [codes[i], row.id]);
    await client.close();
    const write = async (name: string, lines: (string | number | null)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('资金');
      sheet.addRow([
        '项目代码',
        '项目名称',
        '资金类型',
        '年度',
        '批次',
        '下达金额（万元）',
        '下达日期',
        '支付金额（万元）',
        '支付日期',
        '凭证/说明',
      ]);
      for (const line of lines) sheet.addRow(line);
      const path = join(dataDir, name);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
      return path;
    };
    good = await write('good.xlsx', [
      [
        'TJ-CLI-FUND-01',
        '项目一',
        '中央预算内投资',
        2026,
        '第九批',
        '1500',
        '2026-02-01',
        null,
        null,
        '发改投资〔2026〕9号',
      ],
      [
        'TJ-CLI-FUND-01',
        '项目一',
        '中央预算内投资',
        2026,
        '第九批',
        null,
        null,
        '500.25',
        '2026-02-15',
        '进度款',
      ],
    ]);
    bad = await write('bad.xlsx', [
      ['NO-SUCH-CODE', '不存在', '专项债券', 2026, null, 10, '2026-02-01', null, null, null],
      ['TJ-CLI-FUND-FA', '福安项目', '专项债券', 2026, null, 20, '2026-02-01', null, null, null],
    ]);
  }, 60_000);

  it('previews, imports as the county office, and finds everything recorded the second time', async () => {
    const args = ['import', 'funds', good, '--as', 'jiaocheng'];
    const preview = await runCli(...args, '--dry-run');
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(
      '预检（未写入）：资金台账 2 行；资金下达新增 1 笔、已有 0 笔，资金支付新增 1 笔、已有 0 笔；问题 0 个',
    );
    const first = await runCli(...args);
    expect(first.code).toBe(0);
    expect(first.out).toContain('已导入：资金台账 2 行；资金下达新增 1 笔、已有 0 笔，资金支付新增 1 笔');
    const second = await runCli(...args, '--json');
    expect(second.code).toBe(0);
    const result = JSON.parse(second.out);
    expect(result.counts).toEqual({
      allocationsCreated: 0,
      allocationsExisting: 1,
      paymentsCreated: 0,
      paymentsExisting: 1,
    });
    expect(result.rows.map((r: { amountWanYuan: string }) => r.amountWanYuan)).toEqual(['1500', '500.25']);
  }, 120_000);

  it('names each wrong row and imports nothing (exit 1)', async () => {
    const refused = await runCli('import', 'funds', bad, '--as', 'jiaocheng');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('错误：资金台账有 2 个问题须先改正，未导入任何资金记录');
    expect(refused.err).toContain('第 2 行 A 列：项目代码 NO-SUCH-CODE 不在项目库中，或不在您的辖区内');
    expect(refused.err).toContain('第 3 行 A 列：项目代码 TJ-CLI-FUND-FA 不在项目库中，或不在您的辖区内');
  }, 120_000);

  it('refuses a missing --as, a missing file and an owner', async () => {
    const noActor = await runCli('import', 'funds', good);
    expect(noActor.code).toBe(2);
    expect(noActor.err).toContain('须用 --as <用户名> 指明以哪个重点办账号的身份导入');
    const missing = await runCli('import', 'funds', join(dataDir, 'none.xlsx'), '--as', 'jiaocheng');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const owner = await runCli('import', 'funds', good, '--as', 'owner1');
    expect(owner.code).not.toBe(0);
    expect(owner.err).toMatch(/权限|无权/);
  }, 120_000);
});
