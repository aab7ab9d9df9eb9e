import type { ServicePlanListQuery } from '@tuijin/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { listServicePlans } from './service-plan-list';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 36 },
  { header: '所在地', width: 12 },
  { header: '项目分类', width: 12 },
  { header: '服务目标', width: 40 },
  { header: '牵头单位', width: 20 },
  { header: '措施数', width: 8 },
  { header: '未开始', width: 8 },
  { header: '推进中', width: 8 },
  { header: '已完成', width: 8 },
  { header: '已取消', width: 8 },
  { header: '逾期', width: 8 },
  { header: '最近时限', width: 12 },
];

/**
 * 一项目一策台账 as Excel: the rows of the office list under the same filters (`listServicePlans`),
 * one per plan, and a 合计 row; written through the one neutralising workbook writer.
 */
export async function exportServicePlans(ctx: Ctx, query: ServicePlanListQuery): Promise<Buffer> {
  const list = await listServicePlans(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const sheet = workbook.addWorksheet('一项目一策');
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = '一项目一策服务方案台账';
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = `统计截至 ${list.asOf}；逾期指未完成且已过完成时限的措施`;
  const head = sheet.getRow(3);
  columns.forEach((column, i) => {
    const cell = head.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = border;
    sheet.getColumn(i + 1).width = column.width;
  });
  list.rows.forEach((r, i) => {
    const row = sheet.getRow(4 + i);
    row.values = [
      i + 1,
      r.projectName,
      r.regionName,
      r.projectClass ?? '',
      r.summary,
      r.lead,
      r.counts.total,
      r.counts.notStarted,
      r.counts.inProgress,
      r.counts.done,
      r.counts.cancelled,
      r.counts.overdue,
      r.nextDueOn ?? '',
    ];
    row.eachCell((cell) => {
      cell.border = border;
    });
  });
  const t = list.totals;
  const total = sheet.getRow(4 + list.rows.length);
  total.values = [
    '合计',
    `${list.rows.length} 个项目`,
    '',
    '',
    '',
    '',
    t.total,
    t.notStarted,
    t.inProgress,
    t.done,
    t.cancelled,
    t.overdue,
    '',
  ];
  total.font = { bold: true };
  total.eachCell((cell) => {
    cell.border = border;
  });
  return workbookToBuffer(workbook);
}
