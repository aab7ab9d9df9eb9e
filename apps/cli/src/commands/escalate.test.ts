import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-escalate');
beforeAll(async () => {
  // A two-level ladder for 蕉城区 and one open problem of its own at level 1, due Friday 2026-03-06.
  const handle = await openDatabase({ dataDir });
  try {
    await handle.db.execute(sql`
      insert into escalation_ladders (region_code, region_path, name) values ('350902', '350000.350900.350902', '测试')`);
    await handle.db.execute(sql`
      insert into escalation_levels (ladder_id, level, name, handler_kind, limit_working_days)
      select id, l.level, l.name, l.kind, 5 from escalation_ladders,
        (values (1, '责任部门', 'department'), (2, '挂钩领导', 'leader')) as l(level, name, kind)
      where region_code = '350902'`);
    await handle.db.execute(sql`
      insert into problems (reference_number, project_id, region_code, region_path, category, description,
        channel, raised_by_name, raised_at, status, level, level_started_on, due_on, handler_organisation_id)
      select 'WT-2026-900001', p.id, p.region_code, p.region_path, '用地', 'CLI 提级测试', 'meeting', '测试',
        '2026-02-27T01:00:00Z', 'accepted', 1, '2026-02-27', '2026-03-06', o.id
      from projects p, organisations o
      where p.region_code = '350902' and o.name = '蕉城区重点项目建设办公室'
      order by p.name limit 1`);
  } finally {
    await handle.close();
  }
}, 900_000);

describe('tuijin escalate', () => {
  it('notices and moves a breached problem up once, and does nothing more at the same moment', async () => {
    const first = await runCli('escalate', '--at', '2026-03-09T09:00:00+08:00');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('WT-2026-900001\t第1级\t问题已超过办理时限');
    expect(first.out).toContain('WT-2026-900001\t提级\t第1级 → 第2级');
    const second = await runCli('escalate', '--at', '2026-03-09T09:00:00+08:00');
    expect(second.code).toBe(0);
    expect(second.out).toContain('新增提醒 0 条，提级 0 个问题');
  });

  it('runs on the demo in December: exits 0, escalates what is due and lists the provisional due dates', async () => {
    const run = await runCli('escalate', '--at', '2026-12-20T09:00:00+08:00');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/提级 [1-9]\d* 个问题/);
    expect(run.out).toContain('处理失败 0 个');
    expect(run.out).toMatch(/暂定期限 [1-9]\d* 个（2027 年法定节假日安排尚未录入/);
    expect(run.out).toMatch(/WT-\d{6}-2026-\d{6}\t期限 2027-\d\d-\d\d（暂定）/);
  });

  it('refuses a malformed time with exit code 2', async () => {
    const bad = await runCli('escalate', '--at', 'tomorrow');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--at');
  });
});
