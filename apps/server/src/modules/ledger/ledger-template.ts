import { type ColumnKey, ledgerColumns } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../lib/excel';

/** The template's columns, in the order offices lay them out; the group row spans 年度计划. */
const templateColumns: { key: ColumnKey; width: number; group?: string; header?: string }[] = [
  { key: 'seq', width: 6 },
  { key: 'code', width: 26 },
  { key: 'name', width: 36 },
  { key: 'owner', width: 28 },
  { key: 'location', width: 16 },
  { key: 'scale', width: 36 },
  { key: 'period', width: 14 },
  { key: 'totalInvestment', width: 14 },
  { key: 'annualPlan', width: 14, group: '年度计划', header: '计划投资' },
  { key: 'annualTarget', width: 24, group: '年度计划', header: '形象进度目标' },
  { key: 'completedToDate', width: 14 },
  { key: 'progress', width: 24 },
  { key: 'responsibleUnit', width: 16 },
  { key: 'leader', width: 10 },
  { key: 'remark', width: 16 },
];

/**
 * The import template, generated from the same column vocabulary the importer reads: title, units
 * line, a two-row header (年度计划 over 计划投资 and 形象进度目标), one category row and one sample
 * row, and a footnote on the markers. A sheet filled in from it imports without any mapping.
 */
export async function buildLedgerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点项目台账', { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = templateColumns.map((c) => ({ width: c.width }));
  const last = templateColumns.length;
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = '重点项目台账（导入模板）';
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = '单位：万元';
  templateColumns.forEach((column, index) => {
    const col = index + 1;
    if (column.group) {
      sheet.getCell(3, col).value = column.group;
      sheet.getCell(4, col).value = column.header ?? ledgerColumns[column.key].label;
    } else {
      sheet.getCell(3, col).value = ledgerColumns[column.key].label;
      sheet.mergeCells(3, col, 4, col);
    }
  });
  const groupStart = templateColumns.findIndex((c) => c.group) + 1;
  const groupEnd = templateColumns.findLastIndex((c) => c.group) + 1;
  sheet.mergeCells(3, groupStart, 3, groupEnd);
  for (const row of [3, 4]) {
    sheet.getRow(row).font = { bold: true };
    sheet.getRow(row).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.mergeCells(5, 1, 5, last);
  sheet.getCell(5, 1).value = '一、产业项目（1个）';
  sheet.getRow(6).values = [
    1,
    '2025-350902-38-01-000001',
    '★示例新材料产业园项目',
    '示例产业投资有限公司',
    '蕉城区',
    '建设标准厂房10万平方米',
    '2025.07-2027',
    120000,
    30000,
    '主体工程封顶',
    8000,
    '桩基施工',
    '区工信局',
    '张三',
    '示例行，导入前请删除',
  ];
  sheet.getCell(8, 1).value =
    '注：名称前加 ★ 或 ■ 的为省重点项目；金额单位为万元，可在单元格内写明“亿元”“万元”；建设起止年限可写 2025、2025.07-2027、2025年7月-2027年。';
  return workbookToBuffer(workbook);
}
