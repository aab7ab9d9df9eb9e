import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessyLedger } from '../../../server/src/modules/ledger/messy-ledger.fixture';
import { main } from '../main';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'tuijin', ...args], {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('tuijin import ledger', () => {
  it('prints exactly one JSON object for a dry run of a messy ledger', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tuijin-ledger-')), '蕉城区台账.xlsx');
    writeFileSync(file, await buildMessyLedger());
    const result = await run('import', 'ledger', file, '--dry-run', '--json');
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
    const text = await run('import', 'ledger', file, '--dry-run');
    expect(text.out).toContain('识别到 5 个项目');
  });

  it('explains a missing file, a file that is not a ledger, and a missing --dry-run', async () => {
    const missing = await run('import', 'ledger', '/nonexistent/台账.xlsx', '--dry-run');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const notExcel = join(mkdtempSync(join(tmpdir(), 'tuijin-ledger-')), 'a.xlsx');
    writeFileSync(notExcel, 'hello');
    const refused = await run('import', 'ledger', notExcel, '--dry-run');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('不是 Excel');
    expect((await run('import', 'ledger', notExcel)).code).toBe(2);
  });
});
