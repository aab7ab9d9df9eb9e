import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { chinaDate } from '@tuijin/domain';

/**
 * A demo data directory loaded once (by `tuijin demo`, on today's date) and kept for the test run's
 * later tiers: the CLI tests copy it, and the browser tier's server starts from a copy instead of
 * loading the demo again (≈40 s of both cores). Kept under `.tmp/demo-cache/<key>`, where the key
 * hashes everything that shapes the demo — the server, CLI, domain and contracts sources, the
 * migrations, the lockfile — and the date in China, so a change to any of them or a new day loads
 * it afresh. Only the newest directory is kept.
 */
const sourceRoots = [
  'apps/server/src',
  'apps/server/drizzle',
  'apps/cli/src',
  'apps/cli/bin',
  'packages/domain/src',
  'packages/contracts/src',
];

function filesUnder(root: string, dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(root, path, out);
    else if (!/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The cache key of the demo the sources under `root` load on `now`'s date in China. */
export function demoCacheKey(root: string, now = new Date()): string {
  const hash = createHash('sha256');
  hash.update(chinaDate(now));
  for (const file of [
    ...sourceRoots.flatMap((r) => filesUnder(root, join(root, r), [])),
    join(root, 'package-lock.json'),
  ]) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const cacheRoot = (root: string) => join(root, '.tmp', 'demo-cache');

/** The kept demo directory for today's sources, if a run has loaded it. */
export function cachedDemoDir(root = process.cwd()): string | undefined {
  const dir = join(cacheRoot(root), demoCacheKey(root));
  return existsSync(join(dir, '.complete')) ? dir : undefined;
}

/** Keeps a freshly loaded demo directory for the later tiers (and drops older ones). */
export function keepDemoDir(loaded: string, root = process.cwd()): string {
  const key = demoCacheKey(root);
  const target = join(cacheRoot(root), key);
  mkdirSync(cacheRoot(root), { recursive: true });
  for (const name of readdirSync(cacheRoot(root)))
    if (name !== key) rmSync(join(cacheRoot(root), name), { recursive: true, force: true });
  if (existsSync(join(target, '.complete'))) return target;
  const staging = `${target}.${process.pid}`;
  cpSync(loaded, staging, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  // The marker last: a directory without it is a copy that did not finish.
  writeFileSync(join(target, '.complete'), `${new Date().toISOString()}\n`);
  return target;
}
