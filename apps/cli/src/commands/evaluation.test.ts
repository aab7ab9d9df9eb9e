import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-evaluation');

describe('tuijin evaluation compute', () => {
  const quarter = `${new Date().getUTCFullYear()}Q4`;

  it('computes the quarter under the demo scheme, ranking all ten units, and a re-run replaces it', async () => {
    const first = await runCli('evaluation', 'compute', '--quarter', quarter);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`季度考评（350900）${quarter}：已计算`);
    expect(first.out).toContain('共 2 个考评方案');
    const regional = first.out.split('行业主管部门季度考评')[0]!;
    const lines = regional.split('\n').filter((l) => /^ {2}\d+\t/.test(l));
    expect(lines).toHaveLength(10);
    expect(first.out).toMatch(/行业主管部门季度考评（350900）\d{4}Q4：已计算\n {2}\d+\t宁德市/);
    expect(lines.some((l) => l.includes('蕉城区'))).toBe(true);
    const second = await runCli('evaluation', 'compute', '--quarter', quarter);
    expect(second.out).toBe(first.out);
    const handle = await openDatabase({ dataDir });
    try {
      const rows = (await handle.db.execute(
        sql`select count(*)::int as n from evaluation_results r join evaluation_runs u on u.id = r.run_id
          join evaluation_schemes s on s.id = u.scheme_id where u.quarter = ${quarter} and s.entity_kind = 'region'`,
      )) as unknown as { rows: { n: number }[] };
      expect(Number(rows.rows[0]?.n)).toBe(10);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses a malformed quarter with exit code 2', async () => {
    const bad = await runCli('evaluation', 'compute', '--quarter', '2026-3');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--quarter');
  });
});
