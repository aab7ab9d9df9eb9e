#!/usr/bin/env node
// Builds the web app into apps/web/dist with vite (then .br/.gz twins of its text files), unless the build is already newer than every
// source it depends on (so `npm start` is quick the second time). `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compressDist } from './compress-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'apps/web');
const configFile = join(webDir, 'vite.config.ts');
const builtIndex = join(webDir, 'dist/index.html');
const sources = [
  join(webDir, 'src'),
  join(webDir, 'index.html'),
  configFile,
  join(root, 'packages/contracts/src'),
  join(root, 'packages/domain/src'),
];

/** Latest modification time (ms) of a file, or of any file below a directory. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isUpToDate() {
  if (!existsSync(builtIndex)) return false;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sources.every((source) => newestMtime(source) < builtAt);
}

const force = process.argv.includes('--force');
const distLabel = relative(root, join(webDir, 'dist'));

if (!force && isUpToDate()) {
  console.log(`web: ${distLabel} is up to date`);
} else {
  // vite is a dependency of apps/web, so resolve it from there rather than from the repo root.
  const requireFromWeb = createRequire(join(webDir, 'package.json'));
  const { build } = await import(pathToFileURL(requireFromWeb.resolve('vite')).href);
  const started = Date.now();
  await build({ configFile, root: webDir, logLevel: 'warn' });
  console.log(`web: built ${distLabel} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// Brotli and gzip twins of each text file, served as they are by the server (written only when missing or stale).
const started = Date.now();
const written = compressDist(join(webDir, 'dist'));
if (written > 0)
  console.log(`web: compressed ${written} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
