import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeIdNumber } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDump, runCli, scratchDataDir } from '../cli-test-kit';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
  }
}

// The CLI runs on its own PGlite copy of the demo the db tests use, on the real clock.
describe('tuijin import workers', () => {
  const dataDir = scratchDataDir('tuijin-cli-workers-import');
  let good = '';
  let bad = '';
  beforeAll(async () => {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const client = await openTestDump(dataDir, dump);
    // owner1's demo project with a roster gets the code the command names.
    const { rows } = await client.query<{ id: string }>(
      `select p.id from projects p join organisations o on o.id = p.owner_organisation_id
       where o.name = '宁德市蕉城区城市建设投资开发有限公司'
         and exists (select 1 from contractors c where c.project_id = p.id and c.name = '宁德市闽东劳务有限公司')
       limit 1`,
    );
    await client.query('update projects set code = $1 where id = $2', ['TJ-CLI-WF-01', rows[0]!.id]);
    await client.close();
    const write = async (name: string, lines: (string | null)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('花名册');
      sheet.addRow(['姓名', '身份证号码', '工种', '来源省份', '到岗日期', '施工单位']);
      for (const line of lines) sheet.addRow(line);
      const path = join(dataDir, name);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
      return path;
    };
    const a = composeIdNumber('511381', '19850101', 11);
    const b = composeIdNumber('360731', '19920606', 12);
    good = await write('good.xlsx', [
      ['命令行甲', a, '钢筋工', '四川省', '2026-11-20', null],
      ['命令行乙', b, '木工', '江西', '2026-11-21', null],
    ]);
    bad = await write('bad.xlsx', [
      ['命令行丙', `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`, '木工', '四川', '2026-11-20', null],
    ]);
  }, 60_000);

  const base = (file: string) => [
    'import',
    'workers',
    file,
    '--project',
    'TJ-CLI-WF-01',
    '--contractor',
    '宁德市闽东劳务有限公司',
    '--as',
    'owner1',
  ];

  it('previews, imports as the owner unit, and finds the same people the second time', async () => {
    const preview = await runCli(...base(good), '--dry-run');
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(
      '预检（未写入）：花名册 2 人；新增 2 人、更新 0 人、无变化 0 人；问题 0 个',
    );
    const first = await runCli(...base(good));
    expect(first.code).toBe(0);
    expect(first.out).toContain('已导入：花名册 2 人；新增 2 人');
    const second = await runCli(...base(good), '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  }, 120_000);

  it('names a wrong row and imports nothing (exit 1)', async () => {
    const refused = await runCli(...base(bad));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('错误：花名册有 1 个问题须先改正，未导入任何工人');
    expect(refused.err).toContain('第 2 行 B 列：身份证号码校验码不正确，请核对');
  }, 120_000);

  it('refuses a missing --project, an unknown contractor and another county', async () => {
    const noProject = await runCli('import', 'workers', good, '--as', 'owner1');
    expect(noProject.code).toBe(2);
    expect(noProject.err).toContain('须用 --project <项目代码> 指明导入到哪个项目');
    const args = base(good);
    args[6] = '不存在的公司';
    const unknown = await runCli(...args);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('施工单位“不存在的公司”不是该项目已登记的施工单位');
    const other = await runCli('import', 'workers', good, '--project', 'TJ-CLI-WF-01', '--as', 'fuan');
    expect(other.code).not.toBe(0);
    expect(other.err).toContain('项目代码 TJ-CLI-WF-01 不在项目库中，或不在您的辖区内');
  }, 120_000);
});
