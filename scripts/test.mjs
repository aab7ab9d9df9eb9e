// `npm test`: makes sure Chromium is there, builds the web app if its sources changed, then runs
// every test tier (unit, db on PGlite — and PostgreSQL when TEST_DATABASE_URL is set — and browser).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser-only');
const passThrough = args.filter((a) => a !== '--browser-only');

ensureChromium();
const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const vitest = [
  'node_modules/vitest/vitest.mjs',
  'run',
  ...(browserOnly ? ['--project', 'browser'] : []),
  ...passThrough,
];
const run = spawnSync(process.execPath, vitest, { stdio: 'inherit' });
process.exit(run.status ?? 1);
