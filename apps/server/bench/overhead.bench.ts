/**
 * Per-request overhead (issue 18 item 5): simple authenticated GETs through the whole stack, with
 * the process caches (session, holiday calendar, reporting rules) warm and — the behaviour before
 * they existed — forgotten before every request, on a province installed by `initialiseInstallation`.
 * Prints a Markdown table for PERFORMANCE.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { systemClock } from '../src/context';
import type { DatabaseHandle } from '../src/db/database';
import { users } from '../src/db/schema';
import { forgetCachedReadings } from '../src/lib/process-cache';
import { initialiseInstallation } from '../src/modules/system';
import { measure, onEachEngine, printResults, step } from './bench-kit';

const auditKey = Buffer.alloc(32, 1);
const password = 'Bench#Manager2026';

async function bench(engine: 'PGlite' | 'PostgreSQL', handle: DatabaseHandle) {
  step(`${engine}: migrate and initialise 福建省`);
  await handle.migrate();
  await initialiseInstallation(
    { db: handle.db, actor: systemActor, clock: systemClock, ip: null, auditKey },
    {
      region: { code: '350000', name: '福建省' },
      organisationName: '福建省大数据服务中心',
      passwords: { admin: password, security: 'Bench#Officer2026', auditor: 'Bench#Checker2026' },
    },
  );
  await handle.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'admin'));
  const app = await buildApp({
    database: handle,
    auditKey,
    filesDir: mkdtempSync(join(tmpdir(), 'tuijin-bench-files-')),
    loginRatePerMinute: 100_000,
  });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password },
    });
    const cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
    const get = (url: string, cold: boolean) => async () => {
      if (cold) forgetCachedReadings();
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    };
    const results = [];
    for (const [label, url] of [
      ['GET /api/regions', '/api/regions'],
      ['GET /api/reporting-calendars/350000 (rule + holiday calendar)', '/api/reporting-calendars/350000'],
    ] as const) {
      // Interleaved, so load on the shared machine falls on both alike.
      results.push(await measure(`${label}, caches forgotten (before)`, 300, get(url, true)));
      results.push(await measure(`${label}, caches warm (after)`, 300, get(url, false)));
    }
    printResults(engine, results);
  } finally {
    await app.close();
  }
}

await onEachEngine('overhead', bench);
