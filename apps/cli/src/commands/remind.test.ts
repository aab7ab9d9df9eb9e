import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-remind');
beforeAll(async () => {
  // No plans or reports but a 2026 plan for one project of owner1's unit, whatever the demo holds.
  const handle = await openDatabase({ dataDir });
  try {
    for (const statement of [
      sql`delete from monthly_report_events`,
      sql`update project_files set monthly_report_id = null where monthly_report_id is not null`,
      sql`delete from monthly_reports`,
      sql`delete from annual_plan_adjustments`,
      sql`delete from annual_plans`,
    ])
      await handle.db.execute(statement);
    await handle.db.execute(sql`
      insert into annual_plans (project_id, year, planned_investment_wan_yuan)
      select p.id, 2026, 100 from projects p join organisations o on o.id = p.owner_organisation_id
      where o.name = '宁德市蕉城区城市建设投资开发有限公司' and p.stage <> 'dropped'
      order by p.name limit 1`);
  } finally {
    await handle.close();
  }
}, 300_000);

describe('tuijin remind', () => {
  it('prints the reminders it created, and nothing new on a second run the same day', async () => {
    const first = await runCli('remind', '--date', '2026-03-23');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/owner1\t月报已逾期\t项目「.+」2026年2月月报已过截止日 2026-02-25/);
    expect(first.out).toMatch(
      /owner1\t月报即将截止\t项目「.+」2026年3月月报将于 2026-03-25 截止（还有 2 天）/,
    );
    expect(first.out).toContain('（截止前 3 天提醒）');
    const second = await runCli('remind', '--date', '2026-03-23');
    expect(second.code).toBe(0);
    expect(second.out).toContain('2026-03-23：新增 0 条通知');
  });

  it('refuses a malformed date with exit code 2', async () => {
    const bad = await runCli('remind', '--date', '23/03/2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--date');
    expect((await runCli('remind', '--date', '2026-02-30')).code).toBe(2);
  });
});
