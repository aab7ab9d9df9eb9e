import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { keptDemoDir } from '../apps/server/src/testing/cli-demo-dir';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The servers started for the browser tests, one per worker. */
    servers: E2eServer[];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** One server the browser tests drive: its address and its data directory. */
export interface E2eServer {
  baseUrl: string;
  /** The server's data directory (offline basemap tiles go in its `tiles`). */
  dataDir: string;
}

/**
 * Starts the real server the way `npm start` does (`tuijin serve --demo`) on a fresh PGlite
 * directory (a copy of the kept demo) and a free port, and waits until it is
 * healthy; resolves to the server and a way to stop it.
 */
async function startServer(demoDir: string): Promise<{ server: E2eServer; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-e2e-'));
  // A copy of the demo loaded today on these sources: `serve --demo` finds it in and starts at once.
  cpSync(demoDir, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['apps/cli/bin/tuijin.mjs', 'serve', '--demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TUIJIN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TUIJIN_REMIND_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { server: { baseUrl, dataDir }, stop };
}

/**
 * One server per browser-test worker (see `browserWorkers` in vitest.config.ts): each worker's
 * files drive their own server, so two files running at once never see each other's changes. All
 * start from the demo the database tier kept for today (`tuijin demo` loads it first when no run has).
 */
export default async function setup(project: TestProject) {
  const count = Math.max(1, Number(project.config.maxWorkers) || 1);
  const demoDir = await keptDemoDir();
  const started = await Promise.all(Array.from({ length: count }, () => startServer(demoDir)));
  project.provide(
    'servers',
    started.map((s) => s.server),
  );
  return async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
}
