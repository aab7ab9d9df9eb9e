import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../cli/bin/tuijin.mjs', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** GET on the keep-alive agent: status, and whether the server kept the connection open. */
function fetchStatus(agent: Agent, port: number, path: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
});

describe('stopping the server (SIGTERM)', () => {
  it('answers not-ready at once, keeps serving through the notice, closes kept-alive connections and exits 0', async () => {
    const port = await freePort();
    const noticeMs = 1_500;
    server = spawn(process.execPath, [cli, 'serve'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        TUIJIN_DATA_DIR: mkdtempSync(join(tmpdir(), 'tuijin-drain-')),
        TUIJIN_DRAIN_NOTICE_MS: String(noticeMs),
        TUIJIN_REMIND_INTERVAL_MINUTES: '0',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!output.includes('推进 Tuijin 已启动')) {
      if (Date.now() - started > 60_000) throw new Error(`the server did not start:\n${output}`);
      if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await fetchStatus(agent, port, '/api/ready')).status).toBe(200);
    const socketClosed = new Promise<void>((resolve) => {
      const [socket] = Object.values(agent.freeSockets).flat();
      if (!socket) throw new Error('no kept-alive connection');
      socket.once('close', () => resolve());
    });

    const stoppingAt = Date.now();
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // During the notice: not ready (a load balancer takes the instance out), still serving.
    const notReady = await fetchStatus(agent, port, '/api/ready');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body).checks.draining).toBe(true);
    expect((await fetchStatus(agent, port, '/api/health')).status).toBe(200);

    await socketClosed;
    expect(await exited).toBe(0);
    const stoppedIn = Date.now() - stoppingAt;
    expect(stoppedIn).toBeGreaterThanOrEqual(noticeMs);
    expect(stoppedIn).toBeLessThan(noticeMs + 10_000);
    expect(output).toContain('收到 SIGTERM');
    agent.destroy();
  }, 90_000);
});
