/**
 * Cockpit benchmark: whole-stack latency of the cockpit rollup (by region, and by an overlapping
 * dimension), the monthly series and a drill-down page at 10,000 projects × 12 months of plans and
 * reports, on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default the local server at
 * 127.0.0.1:5432 as postgres; skipped with a message when unreachable). Prints Markdown tables for
 * docs/PERFORMANCE.md.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import type { DatabaseHandle } from '../src/db/database';
import { loadDemo } from '../src/demo/load-demo';
import { measure, onEachEngine, printResults, scratchDir, secondsSince, step } from './bench-kit';
import { seedBenchProjects, seedCockpitFigures } from './cockpit-seed';

const auditKey = Buffer.alloc(32, 1);
const year = 2026;
const projectCount = 10_000;

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

async function run(engine: string, handle: DatabaseHandle) {
  const seedStart = performance.now();
  await seed(handle);
  const seedSeconds = secondsSince(seedStart);
  const counts = await handle.db.execute(sql`select (select count(*) from annual_plans)::int as plans,
    (select count(*) from monthly_reports)::int as reports`);
  const { plans, reports } = (counts as unknown as { rows: { plans: number; reports: number }[] }).rows[0]!;
  const app = await buildApp({
    database: handle,
    auditKey,
    loginRatePerMinute: 1_000_000,
    filesDir: scratchDir('files'),
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
  printResults(`${engine} (seed ${seedSeconds} s: ${plans} plans, ${reports} reports)`, results);
}

await onEachEngine('cockpit', run);
