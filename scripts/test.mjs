// `npm test`: makes sure Chromium is there, builds the web app if its sources changed, then runs
// every test tier in turn — unit, db on PGlite, db on PostgreSQL (when TEST_DATABASE_URL is set) and
// browser — printing each tier's time and a summary. A failing tier does not stop the later ones;
// the exit status is non-zero if any failed. TUIJIN_TEST_OVERLAP=1 runs the PostgreSQL tier beside
// the browser tier (its output kept and printed when it ends) — on two cores that made both slower
// (browser 751 → 1,027 s, PostgreSQL 166 → 547 s) and two browser tests time out, so it is off. Extra arguments (file filters, flags) go to one vitest
// run over every tier instead.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser-only');
const passThrough = args.filter((a) => a !== '--browser-only');

ensureChromium();
const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Runs vitest with the given arguments; answers its exit status and wall time in seconds. */
function vitest(extra) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...extra], {
    stdio: 'inherit',
  });
  return { status: run.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

if (passThrough.length > 0) {
  const { status } = vitest([...(browserOnly ? ['--project', 'browser'] : []), ...passThrough]);
  process.exit(status);
}

const tiers = browserOnly
  ? ['browser']
  : ['unit', 'db', ...(process.env.TEST_DATABASE_URL ? ['db-postgres'] : []), 'browser'];
const overlap =
  process.env.TUIJIN_TEST_OVERLAP === '1' && tiers.includes('db-postgres') && tiers.includes('browser');

/** Runs one tier in the background, its output in a log printed when it ends. */
function backgroundTier(tier) {
  mkdirSync('.tmp', { recursive: true });
  const logPath = `.tmp/test-${tier}.log`;
  // A file descriptor, not a pipe: the browser tier's synchronous run blocks this process's event loop.
  const log = openSync(logPath, 'w');
  const started = Date.now();
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', tier], {
    stdio: ['ignore', log, log],
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      closeSync(log);
      // Its last output is when it ended: the exit itself is seen only once the browser tier is done.
      const seconds = (statSync(logPath).mtimeMs - started) / 1000;
      console.log(`\n== test tier ${tier} (ran beside the browser tier; its output follows)`);
      console.log(readFileSync(logPath, 'utf8'));
      console.log(`== test tier ${tier}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`);
      resolve({ tier, status: code ?? 1, seconds });
    });
  });
}

const results = [];
const suiteStarted = Date.now();
let besideBrowser;
for (const tier of tiers) {
  if (overlap && tier === 'db-postgres') {
    besideBrowser = backgroundTier(tier);
    continue;
  }
  console.log(`\n== test tier ${tier}`);
  const result = vitest(['--project', tier]);
  results.push({ tier, ...result });
  console.log(
    `== test tier ${tier}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(0)} s`,
  );
}
if (besideBrowser) results.push(await besideBrowser);

console.log('\n== test tiers');
for (const { tier, status, seconds } of results) {
  console.log(
    `   ${tier.padEnd(12)} ${status === 0 ? 'passed' : 'FAILED'}  ${seconds.toFixed(0).padStart(5)} s`,
  );
}
const total = (Date.now() - suiteStarted) / 1000;
console.log(
  `   ${'total'.padEnd(12)} ${' '.repeat(6)}  ${total.toFixed(0).padStart(5)} s (wall clock${overlap ? '; db-postgres beside browser' : ''})`,
);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
