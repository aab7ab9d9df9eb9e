/**
 * What every benchmark shares: timing a step (a warm-up run, then medians and tails of N runs),
 * printing the Markdown table docs/PERFORMANCE.md takes, and running the same benchmark on PGlite
 * and then on PostgreSQL in a database of its own (BENCH_DATABASE_URL, default the local server
 * at 127.0.0.1:5432 as postgres; skipped with a line saying so when it cannot be reached).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseHandle } from '../src/db/database';
import { openDatabase } from '../src/db/open-database';

/** Progress on stderr, so a long seed shows where it is without touching the tables on stdout. */
export const step = (what: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`);

export interface Measured {
  label: string;
  median: string;
  p95: string;
  max: string;
  /** What the last run returned (rows, size…), for a table's last column. */
  note: string;
}

/** Runs `fn` once to warm up, then `runs` times, and reports milliseconds at the median, p95 and max. */
export async function measure(label: string, runs: number, fn: () => Promise<unknown>): Promise<Measured> {
  step(label);
  await fn();
  const times: number[] = [];
  let note = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await fn();
    note = typeof result === 'string' ? result : '';
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return { label, median: pick(0.5), p95: pick(0.95), max: pick(1), note };
}

/** A heading and the table of results: request, median, p95 — or, with `note`, step, median, max, note. */
export function printResults(heading: string, results: Measured[], columns: 'latency' | 'steps' = 'latency') {
  console.log(`\n### ${heading}\n`);
  if (columns === 'latency') {
    console.log('| request | median ms | p95 ms |\n|---|---|---|');
    for (const r of results) console.log(`| ${r.label} | ${r.median} | ${r.p95} |`);
  } else {
    console.log('| step | median ms | max ms | result |\n|---|---|---|---|');
    for (const r of results) console.log(`| ${r.label} | ${r.median} | ${r.max} | ${r.note} |`);
  }
}

/** A fresh temporary directory for a benchmark's files. */
export const scratchDir = (what: string) => mkdtempSync(join(tmpdir(), `tuijin-bench-${what}-`));

/** Seconds since `start` (a performance.now() reading), one decimal. */
export const secondsSince = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

/**
 * Runs `bench` on a fresh PGlite directory, then on a fresh PostgreSQL database named after `name`
 * (dropped afterwards), so both engines' figures come from the same code.
 */
export async function onEachEngine(
  name: string,
  bench: (engine: 'PGlite' | 'PostgreSQL', handle: DatabaseHandle) => Promise<void>,
) {
  const dataDir = scratchDir(name);
  const lite = await openDatabase({ dataDir });
  try {
    await bench('PGlite', lite);
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
  if (!reachable) return;
  const database = `tuijin_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
  await admin.query(`create database ${database}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), dataDir });
  try {
    await bench('PostgreSQL', handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}
