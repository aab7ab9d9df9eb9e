import type { ProjectQuery } from '@tuijin/contracts';
import {
  constructionTypeNames,
  type ProjectLevel,
  type ProjectStage,
  projectLevelNames,
  projectStageNames,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { safeCellText } from '../../lib/excel';
import { amount } from './projects.presenter';
import { listProjectsForExport } from './projects.queries';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目代码', width: 26 },
  { header: '项目名称', width: 40 },
  { header: '所在区划', width: 12 },
  { header: '项目业主', width: 30 },
  { header: '级别', width: 14 },
  { header: '阶段', width: 8 },
  { header: '领域', width: 10 },
  { header: '产业', width: 10 },
  { header: '新建/续建', width: 10 },
  { header: '总投资（万元）', width: 16 },
  { header: '建设起止年限', width: 14 },
  { header: '挂钩领导', width: 10 },
  { header: '责任部门', width: 24 },
  { header: '批次', width: 20 },
  { header: '标签', width: 24 },
] as const;

/**
 * The current project list as an .xlsx the office can send on: title, units line, header, one row
 * per project in scope, and a 合计 row whose SUM formula carries its correct value. Text cells are
 * neutralised against formula injection; amounts are numbers formatted #,##0.00.
 */
export async function exportProjects(
  ctx: Ctx,
  query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const rows = await listProjectsForExport(ctx.db, ctx.actor, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const sheet = workbook.addWorksheet('项目库', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = '重点项目库';
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = `导出时间：${ctx.clock.now().toISOString().slice(0, 10)}    单位：万元`;
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  let total = 0n;
  rows.forEach((row, index) => {
    const wan = amount(row.totalInvestmentWanYuan);
    total += toTenThousandths(wan);
    const values = [
      index + 1,
      row.code ?? '',
      row.name,
      row.regionName,
      row.ownerName,
      (row.levels as ProjectLevel[]).map((l) => projectLevelNames[l]).join('、'),
      projectStageNames[row.stage as ProjectStage],
      row.domain ?? '',
      row.industry ?? '',
      constructionTypeNames[row.constructionType ?? 'new'],
      Number(wan),
      row.startYear === row.endYear ? `${row.startYear}` : `${row.startYear}-${row.endYear}`,
      row.leaderName ?? '',
      row.departmentName ?? '',
      row.batchNames.join('、'),
      (row.tags as string[]).join('、'),
    ];
    sheet.addRow(values.map((v) => (typeof v === 'string' ? safeCellText(v) : v)));
  });
  const first = 4;
  const last = 3 + rows.length;
  const totalRow = sheet.addRow(['合计', '', `${rows.length} 个项目`]);
  totalRow.font = { bold: true };
  totalRow.getCell(11).value = rows.length
    ? { formula: `SUM(K${first}:K${last})`, result: Number(fromTenThousandths(total)) }
    : 0;
  sheet.getColumn(11).numFmt = '#,##0.00';
  sheet.getColumn(11).alignment = { horizontal: 'right' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Decimal string → exact integer ten-thousandths of a 万元 (amounts carry at most 4 decimals). */
function toTenThousandths(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 10000n + BigInt(`${fraction}0000`.slice(0, 4));
}

const fromTenThousandths = (units: bigint) => `${units / 10000n}.${String(units % 10000n).padStart(4, '0')}`;
