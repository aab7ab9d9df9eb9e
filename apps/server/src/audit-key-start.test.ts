import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '@tuijin/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from './context';
import { openDatabase } from './db/open-database';
import { recordAuditNow } from './modules/audit';

const cli = fileURLToPath(new URL('../../cli/bin/tuijin.mjs', import.meta.url));
const writtenWith = 'cd'.repeat(32);

/** Runs `tuijin serve` on a data directory until it exits (or 60 s): exit code and what it printed. */
function serve(dataDir: string, auditKey: string | null) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve'], {
      env: {
        ...process.env,
        PORT: String(30_000 + Math.floor(Math.random() * 20_000)),
        HOST: '127.0.0.1',
        TUIJIN_DATA_DIR: dataDir,
        TUIJIN_AUDIT_KEY: auditKey ?? '',
        TUIJIN_REMIND_INTERVAL_MINUTES: '0',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tuijin serve did not exit:\n${output}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('starting with an audit key that cannot continue the chain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-audit-key-'));
  beforeAll(async () => {
    // A database that already holds an audit event written with one key.
    const handle = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      await handle.migrate();
      await recordAuditNow(
        handle.db,
        { actor: systemActor, clock: systemClock, ip: null, auditKey: Buffer.from(writtenWith, 'hex') },
        { action: 'demo.load' },
      );
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('refuses to start with a different key, in one line that says so', async () => {
    const run = await serve(dataDir, 'ef'.repeat(32));
    expect(run.code).not.toBe(0);
    expect(run.output).not.toContain('已启动');
    expect(run.output.trim().split('\n')).toHaveLength(1);
    expect(run.output).toContain('审计密钥不符：TUIJIN_AUDIT_KEY');
  }, 70_000);

  it('refuses to start with no key at all, and says the key is missing', async () => {
    const run = await serve(dataDir, null);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('审计密钥缺失');
  }, 70_000);
});
