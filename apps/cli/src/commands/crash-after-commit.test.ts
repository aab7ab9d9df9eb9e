import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataDir } from '../cli-test-kit';

/**
 * The crash drill of issue 19: the server process dies right after a keyed write committed and before
 * it answered (TUIJIN_FAULT_CRASH_AFTER_COMMIT), the client sees the connection drop and retries with
 * the same Idempotency-Key against the restarted server — and gets the first answer back, with exactly
 * one change, one audit event and one key record in the database.
 */
const dataDir = demoDataDir('tuijin-crash-');
const password = 'Tuijin#2026';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
});

/** Starts `tuijin serve` on the demo copy; resolves once it listens, with its exit as a promise. */
async function serve(port: number, fault: boolean) {
  const child = spawn(process.execPath, ['apps/cli/bin/tuijin.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TUIJIN_DATA_DIR: dataDir,
      TUIJIN_REMIND_INTERVAL_MINUTES: '0',
      TUIJIN_FAULT_CRASH_AFTER_COMMIT: fault ? '1' : '',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const started = Date.now();
  while (!output.includes('推进 Tuijin 已启动')) {
    if (Date.now() - started > 90_000) throw new Error(`the server did not start:\n${output}`);
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { exited, output: () => output };
}

describe('a crash between the commit and the answer', () => {
  it('gives the retry with the same key the first answer, and the database one change', async () => {
    // The demo's own events (a draft it left) are older than this test.
    const startedAt = new Date().toISOString();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await serve(port, true);
    expect(first.output()).toContain('故障演练模式');

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner1', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    interface Form {
      window: { state: string } | null;
      canSubmit: boolean;
      report: { version: number; abilities: { canEdit: boolean } } | null;
    }

    // A month owner1 may write now for one of its projects: this month, else the last.
    const today = new Date(Date.now() + 8 * 3600_000);
    const months = [
      [today.getUTCFullYear(), today.getUTCMonth() + 1],
      today.getUTCMonth() === 0
        ? [today.getUTCFullYear() - 1, 12]
        : [today.getUTCFullYear(), today.getUTCMonth()],
    ] as const;
    const list = await get<{ data: { id: string }[] }>('/api/projects?pageSize=100');
    let target: { id: string; year: number; month: number; version: number | null } | undefined;
    for (const [year, month] of months) {
      for (const project of list.data) {
        const form = await get<Form>(`/api/projects/${project.id}/reports/${year}/${month}/form`);
        const open = form.window && ['open', 'late'].includes(form.window.state);
        if (open && form.canSubmit && (form.report === null || form.report.abilities.canEdit)) {
          target = { id: project.id, year, month, version: form.report?.version ?? null };
          break;
        }
      }
      if (target) break;
    }
    if (!target) throw new Error('the demo leaves owner1 no month to write');

    const url = `${base}/api/projects/${target.id}/reports/${target.year}/${target.month}`;
    const request = () =>
      fetch(url, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'crash-drill-1' },
        body: JSON.stringify({
          completedWanYuan: '321.5',
          progress: '故障演练：提交后进程退出',
          version: target.version,
        }),
      });
    // The write commits, then the process is killed before it answers: the client sees the drop.
    await expect(request()).rejects.toThrow();
    expect(await first.exited).toBe('SIGKILL');

    const second = await serve(port, false);
    const retry = await request();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const answer = (await retry.json()) as { completedWanYuan: string; version: number };
    expect(answer.completedWanYuan).toBe('321.5');
    // Once more, to be sure a replay does not write either.
    const again = await request();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { version: number }).version).toBe(answer.version);

    server?.kill('SIGTERM');
    await second.exited;
    const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    try {
      const { rows } = await db.query<{ reports: number; saves: number; keys: number; version: number }>(
        `select
          (select count(*)::int from monthly_reports where project_id = $1::uuid and year = $2 and month = $3) as reports,
          (select count(*)::int from audit_events where entity_id = $1::text and action = 'report.save'
            and detail->>'month' = $3::text and at >= $4::timestamptz) as saves,
          (select count(*)::int from idempotency_keys where key = 'crash-drill-1') as keys,
          (select version from monthly_reports where project_id = $1::uuid and year = $2 and month = $3) as version`,
        [target.id, target.year, target.month, startedAt],
      );
      expect(rows[0]).toEqual({
        reports: 1,
        saves: 1,
        keys: 1,
        version: target.version === null ? answer.version : target.version + 1,
      });
      expect(rows[0]!.version).toBe(answer.version);
    } finally {
      await db.close();
    }
  }, 240_000);
});
