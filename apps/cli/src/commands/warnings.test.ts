import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-warnings');

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
    // Warnings apply to projects on the year's plan: the demo plans this year and has no reports or
    // warnings yet for the calendar month we are in, so that month is new to the job.
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const first = await runCli('warnings', 'recompute', '--month', month);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const computed = Number(/计算 (\d+) 个项目/.exec(first.out)?.[1]);
    expect(computed).toBeGreaterThan(0);
    expect(first.out).toContain(`写入 ${computed} 条`);
    expect(await resultCount(month)).toBe(computed);
    const second = await runCli('warnings', 'recompute', '--month', month);
    expect(second.code).toBe(0);
    expect(second.out).toContain('写入 0 条');
    expect(await resultCount(month)).toBe(computed);
    // Two CLI processes each opening the demo directory: as the other CLI tests that run it twice.
  }, 120_000);

  it('refuses a malformed month with exit code 2', async () => {
    const bad = await runCli('warnings', 'recompute', '--month', '2026-5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--month');
  });
});
