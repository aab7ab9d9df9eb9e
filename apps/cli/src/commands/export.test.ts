import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, parseLedger } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-export');
beforeAll(async () => {
  // Plans and one approved October report for 蕉城区's projects, in place of the demo's own.
  const handle = await openDatabase({ dataDir });
  try {
    await handle.db.execute(sql`update project_files set monthly_report_id = null`);
    await handle.db.execute(sql`delete from monthly_report_events`);
    await handle.db.execute(sql`delete from monthly_reports`);
    await handle.db.execute(sql`delete from annual_plan_adjustments`);
    await handle.db.execute(sql`delete from annual_plans`);
    await handle.db.execute(sql`
      insert into annual_plans (project_id, year, planned_investment_wan_yuan)
      select id, 2026, 1000.5 from projects where region_code = '350902' and stage <> 'dropped'
      on conflict do nothing`);
    await handle.db.execute(sql`
      insert into monthly_reports (project_id, year, month, completed_wan_yuan, status, due_on)
      select id, 2026, 10, 12.25, 'approved', '2026-10-25' from projects
      where region_code = '350902' and stage <> 'dropped'
      on conflict do nothing`);
  } finally {
    await handle.close();
  }
}, 600_000);

describe('tuijin export', () => {
  it('exports the monthly ledger as a named user, scoped to their jurisdiction', async () => {
    const out = join(dataDir, 'ledger.xlsx');
    const result = await runCli(
      'export',
      'ledger',
      '--year',
      '2026',
      '--month',
      '10',
      '--as',
      'jiaocheng',
      '--out',
      out,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const parsed = await parseLedger(readFileSync(out));
    expect(parsed.problems).toEqual([]);
    expect(result.out).toContain(`已导出 ${parsed.records.length} 个项目`);
    expect(parsed.records.length).toBeGreaterThan(0);
    expect(
      parsed.records.every((r) => r.annualPlanWanYuan === '1000.5' && r.completedToDateWanYuan === '12.25'),
    ).toBe(true);
    const outside = await runCli(
      'export',
      'ledger',
      '--year',
      '2026',
      '--month',
      '10',
      '--region',
      '350981',
      '--as',
      'jiaocheng',
      '--out',
      out,
    );
    expect(outside.code).toBe(1);
  });

  it('exports the project list, and refuses a bad month or an unknown user', async () => {
    const out = join(dataDir, 'projects.xlsx');
    expect(
      (await runCli('export', 'projects', '--region', '350902', '--as', 'ningde', '--out', out)).code,
    ).toBe(0);
    expect((await parseLedger(readFileSync(out))).records.length).toBeGreaterThan(0);
    const badMonth = await runCli(
      'export',
      'ledger',
      '--year',
      '2026',
      '--month',
      '13',
      '--as',
      'jiaocheng',
      '--out',
      out,
    );
    expect(badMonth.code).toBe(2);
    expect(badMonth.err).toContain('--month');
    const nobody = await runCli(
      'export',
      'ledger',
      '--year',
      '2026',
      '--month',
      '10',
      '--as',
      'nobody',
      '--out',
      out,
    );
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('nobody');
  });
});
