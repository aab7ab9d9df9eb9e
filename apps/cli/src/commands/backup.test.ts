import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli, scratchDataDir } from '../cli-test-kit';

/** Loading a PGlite snapshot takes seconds, and tens of them on a loaded two-core machine. */
const slow = 300_000;

describe('tuijin backup, backup verify and restore on the embedded database', () => {
  const dataDir = demoDataDir('tuijin-cli-backup');
  const out = join(mkdtempSync(join(tmpdir(), 'tuijin-cli-backup-out-')), 'nightly');

  it('asks for --out', async () => {
    const run = await runCli('backup');
    expect(run.code).toBe(2);
    expect(run.err).toContain('缺少 --out <目录>');
  });

  it(
    'writes a backup and checks it at once, then verifies it again on request',
    async () => {
      const run = await runCli('backup', '--out', out);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`已写出备份 ${out}：引擎 pglite`);
      expect(run.out).toContain('已核验：每个部件的校验和、各表行数与审计链（含 HMAC）均与清单一致');
      const verify = await runCli('backup', 'verify', out);
      expect(verify.code).toBe(0);
      expect(verify.out).toMatch(/核验通过：.*审计链 \d+ 条事件的 HMAC 全部复算一致/);
      // Never over an existing backup.
      const again = await runCli('backup', '--out', out);
      expect(again.code).toBe(2);
      expect(again.err).toContain('不是空目录');
    },
    slow,
  );

  it(
    'restores into an empty data directory only with the backup’s audit key, and not over data unless forced',
    async () => {
      const fresh = mkdtempSync(join(tmpdir(), 'tuijin-cli-restore-'));
      process.env.TUIJIN_DATA_DIR = fresh;
      const keyless = await runCli('restore', out);
      expect(keyless.code).toBe(2);
      expect(keyless.err).toMatch(/恢复需要备份时的审计密钥（指纹 [0-9a-f]{16}），当前没有/);

      copyFileSync(join(dataDir, 'audit.key'), join(fresh, 'audit.key'));
      const restored = await runCli('restore', out);
      expect(restored.err).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(/各表行数与清单一致，审计链 \d+ 条事件的 HMAC 全部复算一致/);

      const over = await runCli('restore', out);
      expect(over.code).toBe(2);
      expect(over.err).toContain(`数据目录 ${fresh} 不是空的`);
      expect((await runCli('restore', out, '--force')).code).toBe(0);
      process.env.TUIJIN_DATA_DIR = dataDir;
    },
    slow,
  );

  it(
    'names each damaged part and exits 1',
    async () => {
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      manifest.counts['public.projects'] += 1;
      writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
      const run = await runCli('backup', 'verify', out);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/✗ 行数不符 public\.projects：清单 \d+，实际 \d+/);
      expect(run.err).toContain('备份核验未通过：1 处问题');
      const missing = await runCli('backup', 'verify', tmpdir());
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('不是备份目录：缺少 manifest.json');
    },
    slow,
  );
});

describe('tuijin backup while the server holds the embedded database', () => {
  const dataDir = scratchDataDir('tuijin-cli-backup-held');

  it('says how the running server backs itself up instead', async () => {
    mkdirSync(dataDir, { recursive: true });
    // A live process (pid 1) holds the directory, as a running server does.
    writeFileSync(join(dataDir, 'tuijin.lock'), '1');
    const run = await runCli('backup', '--out', join(dataDir, '..', `held-${Date.now()}`));
    expect(run.code).toBe(1);
    expect(run.err).toContain('正被运行中的服务（进程 1）占用');
    expect(run.err).toContain('TUIJIN_BACKUP_DIR');
  });
});
