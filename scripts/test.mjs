// `npm test`: makes sure Chromium is there, builds the web app if its sources changed, then runs
// every test tier in turn — unit, db on PGlite, db on PostgreSQL (when TEST_DATABASE_URL is set) and
// browser — printing each tier's time and a summary. A failing tier does not stop the later ones;
// the exit status is non-zero if any failed. Extra arguments (file filters, flags) go to one vitest
// run over every tier instead.
import { spawnSync } from 'node:child_process';
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
const results = [];
for (const tier of tiers) {
  console.log(`\n== test tier ${tier}`);
  const result = vitest(['--project', tier]);
  results.push({ tier, ...result });
  console.log(
    `== test tier ${tier}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(0)} s`,
  );
}

console.log('\n== test tiers');
for (const { tier, status, seconds } of results) {
  console.log(
    `   ${tier.padEnd(12)} ${status === 0 ? 'passed' : 'FAILED'}  ${seconds.toFixed(0).padStart(5)} s`,
  );
}
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`   ${'total'.padEnd(12)} ${' '.repeat(6)}  ${total.toFixed(0).padStart(5)} s`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
