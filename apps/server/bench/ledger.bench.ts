/**
 * Ledger benchmark, end to end: a generated ledger of 10,000 and of 50,000 rows is parsed
 * (`parseLedger`: the streaming sheet scanner, every cell through the parsing rules) and committed
 * into the demo database with `importLedger` (one transaction, the project use cases' create path,
 * one audit event per project, plan and owner unit, the 年度计划投资 into draft plans), then the
 * same file is imported again (every record unchanged) — on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, see bench-kit). Also how long a 250,000-row file takes to be refused at the
 * 200,000-row limit (`BENCH_LEDGER_LIMIT=0` leaves that out). `BENCH_LEDGER_ROWS=2000,5000` picks
 * other sizes. Besides wall time it gives this process's CPU time (PGlite runs inside it; a
 * PostgreSQL server's own CPU is not counted), which a shared machine's load skews less. Prints Markdown tables for
 * docs/PERFORMANCE.md.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { systemClock } from '../src/context';
import type { DatabaseHandle } from '../src/db/database';
import { loadDemo } from '../src/demo/load-demo';
import { ledgerLimits } from '../src/lib/xlsx-guard';
import { loadActorByUsername } from '../src/modules/auth/actor.queries';
import { ensureDefaultDictionaries } from '../src/modules/dictionaries/dictionaries';
import { importLedger } from '../src/modules/ledger/import-ledger';
import { parseLedger } from '../src/modules/ledger/parse-ledger';
import { onEachEngine, scratchDir, step } from './bench-kit';

const sizes = (process.env.BENCH_LEDGER_ROWS ?? '10000,50000').split(',').map(Number);
const dir = scratchDir('ledger');

/**
 * A generated ledger of `rows` projects (title, units line, header, a category row every 500
 * projects, numbers stored as text, ★ markers, mixed 建设起止年限 spellings, 300 owner units, two
 * rows in three with a 年度计划投资, a footnote), written with exceljs' streaming writer. `tag`
 * keeps the names of one file apart from another's.
 */
async function writeLedger(file: string, rows: number, tag: string) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('台账');
  sheet.addRow(['2025年重点项目建设计划表']).commit();
  sheet.addRow(['单位：万元']).commit();
  sheet
    .addRow([
      '序号',
      '项目名称',
      '建设单位',
      '建设地点',
      '建设内容',
      '建设起止年限',
      '总投资',
      '年度计划投资',
      '1-10月完成投资',
      '形象进度',
      '责任单位',
      '备注',
    ])
    .commit();
  for (let i = 1; i <= rows; i++) {
    if (i % 500 === 1)
      sheet
        .addRow([
          `${'一二三四五六七八九十'[Math.floor(i / 500) % 10]}、第${Math.floor(i / 500) + 1}类项目（500个）`,
        ])
        .commit();
    sheet
      .addRow([
        i,
        `${i % 7 === 0 ? '★' : ''}${tag}测试项目${i}`,
        `${tag}建设单位${i % 300}`,
        '宁德市',
        '建设内容',
        i % 2 ? '2025.07-2028' : '2024年',
        `${(i % 9000) + 100}.5`,
        i % 3 ? 1200 : null,
        '300 ',
        '施工中',
        '发改局',
        null,
      ])
      .commit();
  }
  sheet.addRow(['注：本表为基准测试数据']).commit();
  await writer.commit();
}

const files = new Map<number, Buffer>();
for (const rows of sizes) {
  step(`writing a ${rows}-row ledger`);
  const file = join(dir, `ledger-${rows}.xlsx`);
  await writeLedger(file, rows, `L${rows}`);
  files.set(rows, readFileSync(file));
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// ---- refusal at the row limit (BENCH_LEDGER_LIMIT=0 leaves it out) -------------------------------
if (process.env.BENCH_LEDGER_LIMIT !== '0') {
  const over = ledgerLimits.maxRows + 50_000;
  step(`writing a ${over}-row ledger`);
  const file = join(dir, 'too-big.xlsx');
  await writeLedger(file, over, 'big');
  const bytes = readFileSync(file);
  const start = performance.now();
  const refusal = await parseLedger(bytes).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  console.log(
    `\n### Ledger over the row limit (${over.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB)\n`,
  );
  console.log(`Refused in ${seconds(start).toFixed(2)} s: “${refusal}” (load average ${load()})`);
}

// ---- parse + commit on each engine ----------------------------------------------------------------
async function bench(engine: string, handle: DatabaseHandle) {
  step(`${engine}: migrate and load the demo`);
  await handle.migrate();
  await ensureDefaultDictionaries(handle.db);
  const auditKey = Buffer.alloc(32, 3);
  await loadDemo({ db: handle.db, auditKey });
  const actor = await loadActorByUsername(handle.db, 'jiaocheng');
  const ctx = { db: handle.db, actor: actor!, clock: systemClock, ip: null, auditKey };
  const lines: string[] = [];
  for (const rows of sizes) {
    for (const run of ['first import', 'same file again']) {
      step(`${engine}: ${rows} rows, ${run}`);
      global.gc?.();
      const start = performance.now();
      const cpuBefore = process.cpuUsage();
      const parsed = await parseLedger(files.get(rows)!);
      const parseSeconds = seconds(start);
      const outcome = await importLedger(ctx, { parsed, fileName: 'bench.xlsx' });
      const total = seconds(start);
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const c = outcome.counts;
      lines.push(
        `| ${rows.toLocaleString('en')} | ${run} | ${c.created} | ${c.unchanged} | ${c.ownersCreated} | ${c.plansCreated} | ${parseSeconds.toFixed(2)} | ${(total - parseSeconds).toFixed(2)} | ${total.toFixed(2)} | ${Math.round(rows / total)} | ${cpuSeconds.toFixed(2)} | ${Math.round(rows / cpuSeconds)} | ${load()} |`,
      );
    }
  }
  console.log(`\n### Ledger import end to end on ${engine} (parse + one-transaction commit)\n`);
  console.log(
    '| rows | run | created | unchanged | owners created | plans created | parse s | commit s | total s | rows/s | CPU s | rows per CPU s | load average |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const line of lines) console.log(line);
}

console.log(`\n(${cpus().length} cores; load average at start ${load()})`);
await onEachEngine('ledger', bench);
