/**
 * Cockpit benchmark: whole-stack latency of the cockpit rollup (by region, and by an overlapping
 * dimension), the monthly series and a drill-down page at 10,000 projects × 12 months of plans and
 * reports, on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default the local server at
 * 127.0.0.1:5432 as postgres; skipped with a message when unreachable). Prints Markdown tables for
 * docs/PERFORMANCE.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app';
import type { DatabaseHandle } from '../src/db/database';
import { openDatabase } from '../src/db/open-database';
import { loadDemo } from '../src/demo/load-demo';
import { seedBenchProjects, seedCockpitFigures } from './cockpit-seed';

const auditKey = Buffer.alloc(32, 1);
const year = 2026;
const projectCount = 10_000;

/** Progress on stderr, so a long seed shows where it is without touching the tables on stdout. */
const step = (what: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`);

async function seed(handle: DatabaseHandle) {
  await handle.migrate();
  step('loading the demo jurisdiction');
  await loadDemo({ db: handle.db, auditKey });
  step(`inserting ${projectCount} projects`);
  await seedBenchProjects(handle.db, projectCount);
  step('inserting plans and 12 months of reports');
  await seedCockpitFigures(handle.db, year, 12);
  step('seeded');
}

async function measure(label: string, runs: number, fn: () => Promise<void>) {
  step(label);
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return { label, median: pick(0.5), p95: pick(0.95) };
}

async function run(engine: string, handle: DatabaseHandle) {
  const seedStart = performance.now();
  await seed(handle);
  const seedSeconds = ((performance.now() - seedStart) / 1000).toFixed(1);
  const counts = await handle.db.execute(sql`select (select count(*) from annual_plans)::int as plans,
    (select count(*) from monthly_reports)::int as reports`);
  const { plans, reports } = (counts as unknown as { rows: { plans: number; reports: number }[] }).rows[0]!;
  const app = await buildApp({
    database: handle,
    auditKey,
    loginRatePerMinute: 1_000_000,
    filesDir: mkdtempSync(join(tmpdir(), 'tuijin-bench-files-')),
  });
  const login = async (username: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Tuijin#2026' },
    });
    return `tuijin_session=${response.cookies[0]!.value}`;
  };
  const city = await login('ningde');
  const county = await login('jiaocheng');
  const leader = await login('leader1');
  const get = (cookie: string, url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  const period = `year=${year}&month=6`;
  step(`${engine}: measuring`);
  const results = [
    await measure(
      'rollup by region (city office, all 10k projects, 11 child rows + total)',
      10,
      get(city, `/api/cockpit/rollup?${period}`),
    ),
    await measure(
      'rollup by region, baseline basis',
      10,
      get(city, `/api/cockpit/rollup?${period}&basis=baseline`),
    ),
    await measure(
      'rollup by level (overlapping lists)',
      10,
      get(city, `/api/cockpit/rollup?${period}&dimension=level`),
    ),
    await measure(
      'rollup by department',
      10,
      get(city, `/api/cockpit/rollup?${period}&dimension=department`),
    ),
    await measure(
      'rollup of a county (county office, ~1k projects, one row per project)',
      10,
      get(county, `/api/cockpit/rollup?${period}`),
    ),
    await measure(
      'rollup as a linked leader (assigned projects)',
      10,
      get(leader, `/api/cockpit/rollup?${period}`),
    ),
    await measure('monthly series + stage funnel (city)', 10, get(city, `/api/cockpit/series?${period}`)),
    await measure(
      'drill-down: planned to start, not started (city, first page)',
      10,
      get(city, `/api/cockpit/projects?${period}&measure=notStarted`),
    ),
  ];
  await app.close();
  console.log(`\n### ${engine} (seed ${seedSeconds} s: ${plans} plans, ${reports} reports)\n`);
  console.log('| request | median ms | p95 ms |\n|---|---|---|');
  for (const r of results) console.log(`| ${r.label} | ${r.median} | ${r.p95} |`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-bench-'));
const lite = await openDatabase({ dataDir });
try {
  await run('PGlite', lite);
} finally {
  await lite.close();
}

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
const reachable = await admin.connect().then(
  () => true,
  (error: Error) => {
    console.log(`\nPostgreSQL at ${new URL(url).host} is unreachable (${error.message}): skipped.`);
    return false;
  },
);
if (reachable) {
  const name = `tuijin_bench_cockpit_${process.pid}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), dataDir });
  try {
    await run('PostgreSQL', handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
