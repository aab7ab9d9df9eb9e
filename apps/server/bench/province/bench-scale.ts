/**
 * `npm run bench:scale [-- --scale 1|10] [--seconds N] [--samples N] [--verify] [--load-only] [--reload]`: the five province workloads of issue 18
 * measured through the HTTP API of the real server (started in-process on its own port, logged-in
 * sessions, same-origin headers and idempotency keys as the web app sends them) next to the raw
 * SQL that answers the same question on the same database, in one run, on PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432; database `tuijin_scale_s<N>`,
 * loaded once per scale and schema version). Prints the machine's load at start and end and a
 * Markdown table for docs/PERFORMANCE.md.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../../src/app';
import { type Clock, systemClock } from '../../src/context';
import { verifyAuditLog } from '../../src/modules/audit/audit-verify';
import { verifyKeptFigures } from '../../src/modules/reports';
import { scratchDir, step } from '../bench-kit';
import { benchPassword } from './load-province';
import { generateProvince, provinceCode } from './province-data';
import { openProvinceDatabase } from './province-database';
import { readWorkloads } from './read-workloads';
import { machineLoad, markdownTable, type Row, Session } from './scale-kit';
import { submitWorkload } from './submit-workload';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    samples: { type: 'string', default: '200' },
    verify: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    reload: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 100)) {
  console.error(`--scale 应为 0 到 100 之间的数（如 1 或 10），收到 ${values.scale}`);
  process.exit(2);
}
const seconds = Number(values.seconds);
const samples = Number(values.samples);
const cores = cpus().length;
const startLoad = machineLoad(cores);
console.log(`\nProvince scale benchmark S=${scale}, ${new Date().toISOString()}; at start: ${startLoad}`);

const auditKey = Buffer.alloc(32, 18);
const shape = generateProvince({ scale, year: new Date().getFullYear() });
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const database = await openProvinceDatabase(serverUrl, shape, auditKey, values.reload);
if (database.loadSeconds) {
  const parts = Object.entries(database.loadSeconds)
    .map(([part, s]) => `${part} ${s} s`)
    .join(', ');
  console.log(`Loaded ${shape.projects.length} projects: ${parts}`);
} else console.log('Reused the loaded database.');
if (values['load-only']) {
  await database.handle.close();
  process.exit(0);
}

// The app's clock starts at the data set's as-of day (10:00 in China) and runs on from there, so
// December's reporting window is open whatever day the benchmark runs.
const offset = new Date(`${shape.asOf}T10:00:00+08:00`).getTime() - Date.now();
const clock: Clock = { now: () => new Date(Date.now() + offset) };
// The server's error log, kept to name the cause of any 5xx beside the figures.
const serverErrors = new Map<string, number>();
const errorLog = {
  write(line: string) {
    const entry = JSON.parse(line) as {
      msg?: string;
      err?: { message?: string; stack?: string; cause?: { message?: string } };
    };
    // A failed query's own message is the SQL; what went wrong is its cause.
    const cause = entry.err?.cause?.message ?? /caused by: ([^\n]+)/i.exec(entry.err?.stack ?? '')?.[1];
    const message = (entry.err?.message ?? '').split('\n')[0]!.slice(0, 90);
    const what = `${entry.msg ?? ''}: ${cause ? `${cause} (${message}…)` : message}`;
    serverErrors.set(what, (serverErrors.get(what) ?? 0) + 1);
  },
};
const app = await buildApp({
  database: database.handle,
  auditKey,
  clock,
  logger: { level: 'error', stream: errorLog },
  loginRatePerMinute: 1_000_000,
  filesDir: scratchDir('scale-files'),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const pool = new pg.Pool({ connectionString: database.url, max: 16 });
const counts = await pool.query<{ projects: number; reports: number; problems: number; audits: string }>(
  `select (select count(*) from projects)::int as projects, (select count(*) from monthly_reports)::int as reports,
     (select count(*) from problems)::int as problems, (select count(*) from audit_events)::text as audits`,
);
const c = counts.rows[0]!;
console.log(
  `Data: ${c.projects} projects, ${c.reports} monthly reports, ${c.problems} problems, ${c.audits} audit events; as of ${shape.asOf}.`,
);

const province = await Session.login(base, `office${provinceCode}`, benchPassword);
const options = { samples, seconds, clients: 16 };
const rows: Row[] = [];
try {
  rows.push(...(await readWorkloads({ base, pool, shape, province, options })));
  rows.push(await submitWorkload({ base, pool, shape, auditKey, options: { ...options, clients: 32 } }));
  if (values.verify) {
    step('verifying the kept rollup');
    const kept = await verifyKeptFigures(database.handle.db);
    console.log(
      `Kept rollup: ${kept.checked} project-years checked, ${kept.mismatches.length === 0 ? 'all equal to the rule' : `${kept.mismatches.length} differ, first ${JSON.stringify(kept.mismatches[0])}`}.`,
    );
    step('verifying the audit chain');
    const chain = await verifyAuditLog(database.handle.db, auditKey, systemClock, {
      checkpoint: false,
      batchSize: 10_000,
    });
    console.log(
      `Audit chain: ${chain.checked} events checked, ${chain.intact ? 'intact' : `broken at id ${chain.firstBrokenId}`}.`,
    );
  }
} finally {
  await app.close();
  await pool.end();
  await database.handle.close();
}
step('done');
console.log(`\n#### S=${scale} (${c.projects} projects), ${new Date().toISOString().slice(0, 16)} UTC\n`);
console.log(`Load at start: ${startLoad}; at end: ${machineLoad(cores)}.\n`);
console.log(markdownTable(rows));
const notes = rows.filter((r) => r.note);
if (notes.length > 0) console.log(`\n${notes.map((r) => `- ${r.label}: ${r.note}`).join('\n')}`);
for (const [what, n] of serverErrors) console.log(`- server error log (${n}×): ${what}`);
for (const r of rows) {
  for (const [side, f] of [
    ['API', r.api],
    ['SQL', r.sql],
  ] as const)
    if (f?.firstError) console.log(`- ${r.label} ${side} first error: ${f.firstError}`);
}
