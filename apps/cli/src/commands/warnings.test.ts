import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const saved = { ...process.env };
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tuijin-cli-warnings-'));
  process.env.TUIJIN_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  expect((await run('demo')).code).toBe(0);
}, 180_000);
afterAll(() => {
  process.env = saved;
});

async function resultCount(month: string) {
  const handle = await openDatabase({ dataDir });
  try {
    const result = (await handle.db.execute(
      sql`select count(*)::int as n from warning_results where month = ${month}`,
    )) as unknown as { rows: { n: number }[] };
    return Number(result.rows[0]!.n);
  } finally {
    await handle.close();
  }
}

describe('tuijin warnings recompute', () => {
  it('computes a month once and changes nothing on a second run', async () => {
    // The demo has no reports for December of last year, so the month is new to the job.
    const month = `${new Date().getFullYear() - 1}-12`;
    const first = await run('warnings', 'recompute', '--month', month);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const computed = Number(/计算 (\d+) 个项目/.exec(first.out)?.[1]);
    expect(computed).toBeGreaterThan(0);
    expect(first.out).toContain(`写入 ${computed} 条`);
    expect(await resultCount(month)).toBe(computed);
    const second = await run('warnings', 'recompute', '--month', month);
    expect(second.code).toBe(0);
    expect(second.out).toContain('写入 0 条');
    expect(await resultCount(month)).toBe(computed);
  });

  it('refuses a malformed month with exit code 2', async () => {
    const bad = await run('warnings', 'recompute', '--month', '2026-5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--month');
  });
});
