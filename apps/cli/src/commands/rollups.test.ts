import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-rollups');

async function execute(statement: ReturnType<typeof sql>) {
  const handle = await openDatabase({ dataDir });
  try {
    return (await handle.db.execute(statement)) as unknown as { rows: Record<string, unknown>[] };
  } finally {
    await handle.close();
  }
}

describe('tuijin rollups', () => {
  it('verifies the demo, names a tampered row with exit code 1, and rebuilds it', async () => {
    const clean = await runCli('rollups', 'verify');
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/核对 \d+ 个项目年度，与月报和年度计划重算结果一致/);
    expect(clean.out).toMatch(/核对 \d+ 行区划汇总，与项目、计划、月报和问题重算结果一致/);

    const [row] = (
      await execute(sql`update project_year_figures set ytd_total = ytd_total + 1
        where project_id = (select project_id from project_year_figures order by project_id limit 1)
          and year = (select min(year) from project_year_figures) returning project_id`)
    ).rows;
    const tampered = await runCli('rollups', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`不一致：项目 ${String(row?.project_id)}`);
    expect(tampered.out).toContain('ytdTotal');

    const rebuilt = await runCli('rollups', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/已重算 \d+ 个项目年度/);
    expect(rebuilt.out).toMatch(/与月报和年度计划重算结果一致/);
    const audits = (
      await execute(sql`select count(*)::int as n from audit_events where action = 'rollup.rebuild'`)
    ).rows;
    expect(Number(audits[0]?.n)).toBe(2);
  });

  it('names a tampered region sum with exit code 1, and rebuilds it', async () => {
    await execute(sql`update region_month_sums set started = started + 1
      where (year, basis, month, region_code) = (select year, basis, month, region_code from region_month_sums
        order by 1, 2, 3, 4 limit 1)`);
    const tampered = await runCli('rollups', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/不一致：region_month_sums \S+ started/);
    const rebuilt = await runCli('rollups', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/已重算 \d+ 个项目年度的区划汇总/);
    expect((await runCli('rollups', 'verify')).code).toBe(0);
  });
});
