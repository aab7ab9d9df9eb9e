import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-cli-audit');

/** Opens the CLI's PGlite directory directly, as someone with database rights would. */
async function asDatabaseOwner(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
  const handle = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await run(handle.db);
  } finally {
    await handle.close();
  }
}

describe('tuijin audit', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tuijin-audit-export-')), 'audit.jsonl');

  it('verifies an intact log and pins its heads in a checkpoint', async () => {
    const run = await runCli('audit', 'verify');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('审计日志完整');
  });

  it('exports a range as an archive that `verify --file` re-checks, and notices an edited line', async () => {
    const run = await runCli('audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/已导出审计记录 \d+ 条/);
    expect((await runCli('audit', 'verify', '--file', out)).code).toBe(0);
    const again = await runCli('audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    const edited = join(tmpdir(), `edited-${Date.now()}.jsonl`);
    writeFileSync(edited, readFileSync(out, 'utf8').replace('"action":"', '"action":"x'));
    const bad = await runCli('audit', 'verify', '--file', edited);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('哈希与内容不符');
    const badTime = await runCli(
      'audit',
      'export',
      '--from',
      '昨天',
      '--to',
      '2100-01-01',
      '--out',
      `${out}.2`,
    );
    expect(badTime.code).toBe(2);
    expect(badTime.err).toContain('--from');
  });

  it('reports the newest 50 rows deleted behind its back as truncation, exit 1', async () => {
    await asDatabaseOwner(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      await db.execute(
        sql`delete from audit_events where id in (select id from audit_events order by id desc limit 50)`,
      );
      await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    });
    const run = await runCli('audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.err).toContain('审计日志被截断');
    expect(run.err).toContain('审计日志不完整');
  });

  it('refuses to run with a key that cannot continue the chain, in one line', async () => {
    process.env.TUIJIN_AUDIT_KEY = 'ab'.repeat(32);
    try {
      const run = await runCli('audit', 'verify');
      expect(run.code).toBe(1);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toContain('审计密钥不符');
    } finally {
      delete process.env.TUIJIN_AUDIT_KEY;
    }
  });
});
