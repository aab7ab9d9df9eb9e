/**
 * Ledger benchmark: parse a 50,000-row ledger (streaming read, every cell through the parsing
 * rules) and report time and peak memory. Prints a Markdown table for PERFORMANCE.md.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseLedger } from '../src/modules/ledger/parse-ledger';

const rows = 50_000;
const file = join(mkdtempSync(join(tmpdir(), 'tuijin-ledger-bench-')), 'ledger.xlsx');
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
