/**
 * Ledger benchmark: parse a 50,000-row ledger (streaming read, every cell through the parsing
 * rules) and report time and peak memory; then COMMIT it into the demo database on PGlite with
 * `importLedger` (one transaction, the project use cases' create path, one audit event per
 * project, the 年度计划投资 into draft plans) and import it again (every record unchanged). `BENCH_IMPORT_ROWS` shrinks the commit
 * part for a quick look. Prints Markdown tables for PERFORMANCE.md.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { systemClock } from '../src/context';
import { openDatabase } from '../src/db/open-database';
import { loadDemo } from '../src/demo/load-demo';
import { loadActorByUsername } from '../src/modules/auth/actor.queries';
import { ensureDefaultDictionaries } from '../src/modules/dictionaries/dictionaries';
import { importLedger } from '../src/modules/ledger/import-ledger';
import { parseLedger } from '../src/modules/ledger/parse-ledger';

const rows = 50_000;
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? rows);
const dir = mkdtempSync(join(tmpdir(), 'tuijin-ledger-bench-'));

/** A generated ledger of `rows` projects, written with exceljs' streaming writer. */
async function writeLedger(file: string, rows: number) {
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
        `${i % 7 === 0 ? '★' : ''}测试项目${i}`,
        `建设单位${i % 300}`,
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

const file = join(dir, 'ledger.xlsx');
await writeLedger(file, rows);
const bytes = readFileSync(file);

global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const start = performance.now();
const parsed = await parseLedger(bytes);
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

console.log('\n### Ledger import (parse and check, 50,000 rows)\n');
console.log('| file | records | problems | time s | rows/s | RSS growth MB |\n|---|---|---|---|---|---|');
console.log(
  `| ${(bytes.length / 1024 / 1024).toFixed(1)} MB | ${parsed.records.length} | ${parsed.problems.length} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds)} | ${Math.round((peak - before) / 1024 / 1024)} |`,
);

// ---- commit into PGlite ------------------------------------------------------------------------
const handle = await openDatabase({ dataDir: join(dir, 'db') });
await handle.migrate();
await ensureDefaultDictionaries(handle.db);
const auditKey = Buffer.alloc(32, 3);
await loadDemo({ db: handle.db, auditKey });
const actor = await loadActorByUsername(handle.db, 'jiaocheng');
const ctx = { db: handle.db, actor: actor!, clock: systemClock, ip: null, auditKey };
const importFile = join(dir, 'import.xlsx');
await writeLedger(importFile, importRows);
const toImport = await parseLedger(readFileSync(importFile));

async function timed<T>(run: () => Promise<T>) {
  const began = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - began) / 1000 };
}

const first = await timed(() => importLedger(ctx, { parsed: toImport, fileName: 'bench.xlsx' }));
const again = await timed(() => importLedger(ctx, { parsed: toImport, fileName: 'bench.xlsx' }));
await handle.close();

console.log(
  `\n### Ledger import COMMIT on PGlite (${importRows.toLocaleString('en')} rows, one transaction)\n`,
);
console.log(
  '| run | created | unchanged | owners created | plans created | time s | rows/s |\n|---|---|---|---|---|---|---|',
);
for (const [label, run] of [
  ['first import', first],
  ['same file again', again],
] as const) {
  const c = run.result.counts;
  console.log(
    `| ${label} | ${c.created} | ${c.unchanged} | ${c.ownersCreated} | ${c.plansCreated} | ${run.seconds.toFixed(1)} | ${Math.round(importRows / run.seconds)} |`,
  );
}
