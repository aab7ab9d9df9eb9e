import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-jobs');
beforeAll(async () => {
  // One escalation slot done, one delivery waiting to retry, one problem the escalation job failed on.
  const handle = await openDatabase({ dataDir });
  try {
    // The demo's own runs (deliveries queued while it was loaded) are not this test's.
    await handle.db.execute(sql`delete from job_outbox`);
    await handle.db.execute(sql`
      insert into job_outbox (job, natural_key, run_after, attempts, state, result, created_at, finished_at)
      values ('escalations', 'escalations:2026-03-16T01:00', '2026-03-16T01:00Z', 1, 'done',
        '新增提醒 2 条，提级 1 个问题，失败 0 个', '2026-03-16T01:00Z', '2026-03-16T01:01Z')`);
    await handle.db.execute(sql`
      insert into job_outbox (job, natural_key, run_after, attempts, state, last_error, created_at)
      values ('deliverNotifications', 'deliverNotifications:n1', '2026-03-16T01:05Z', 2, 'pending',
        '1 条投递失败，稍后重试', '2026-03-16T01:02Z')`);
    await handle.db.execute(sql`
      insert into job_failures (job, item_key, region_path, label, reason, attempts, first_failed_at, last_failed_at)
      values ('problem.escalation', 'p1', '350000.350900.350902', 'WT-350902-2026-0009', '提级层级缺失', 3,
        '2026-03-14T01:00Z', '2026-03-16T01:00Z')`);
  } finally {
    await handle.close();
  }
}, 300_000);

describe('tuijin jobs list', () => {
  it('lists every job with its schedule, the latest runs with retries, and the failed items', async () => {
    const listed = await runCli('jobs', 'list');
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      /^escalations\t问题提级\t每 60 分钟\t0\t0\t1\t0\tescalations:2026-03-16T01:00 已完成$/m,
    );
    expect(listed.out).toMatch(/^deliverNotifications\t通知渠道投递\t事件触发\t1\t0\t0\t0\t/m);
    expect(listed.out).toMatch(/^warnings\t红黄绿灯预警计算\t每 60 分钟\t0\t0\t0\t0\t—$/m);
    expect(listed.out).toContain('deliverNotifications:n1\t待运行\t第 2 次\t1 条投递失败，稍后重试');
    expect(listed.out).toContain('problem.escalation\tWT-350902-2026-0009\t3 次\t提级层级缺失');
    const failedOnly = await runCli('jobs', 'list', '--state', 'failed');
    expect(failedOnly.out).toContain('最近运行（0 条）');
  });

  it('refuses an unknown state or a bad limit with exit code 2', async () => {
    const bad = await runCli('jobs', 'list', '--state', 'sleeping');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--state');
    expect((await runCli('jobs', 'list', '--limit', '0')).code).toBe(2);
  });
});
