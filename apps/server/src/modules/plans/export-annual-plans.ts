import type { AnnualPlanQuery } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import { addDecimals, type ProjectStage, projectStageNames } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { listAnnualPlansForExport } from './plans.queries';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目代码', width: 26 },
  { header: '项目名称', width: 40 },
  { header: '所在区划', width: 12 },
  { header: '阶段', width: 8 },
  { header: '领域', width: 10 },
  { header: '年度计划投资（调整后）', width: 18 },
  { header: '年度计划投资（基准）', width: 18 },
  { header: '计划开工', width: 10 },
  { header: '计划竣工', width: 10 },
  { header: '计划投产', width: 10 },
  { header: '状态', width: 8 },
  { header: '调整次数', width: 8 },
  { header: '年度建设目标', width: 40 },
] as const;

const monthText = (planned: boolean, month: number | null) => (planned ? `${month ?? ''}月` : '');

/**
 * A year's plan list in scope as an .xlsx: title, units line, header, one row per plan, and a 合计
 * row whose SUM formulas carry their exact values. Text cells are neutralised against formula
 * injection; amounts are numbers formatted #,##0.00.
 */
export async function exportAnnualPlans(ctx: Ctx, query: Omit<AnnualPlanQuery, 'page' | 'pageSize'>) {
  const rows = await listAnnualPlansForExport(ctx.db, ctx.actor, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const sheet = workbook.addWorksheet(`${query.year}年度计划`, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = `${query.year} 年度重点项目投资计划`;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = `导出时间：${ctx.clock.now().toISOString().slice(0, 10)}    单位：万元`;
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  rows.forEach(({ plan, project, regionName, stage, domain, adjustmentCount }, index) => {
    const values: (string | number | null)[] = [
      index + 1,
      project.projectCode ?? '',
      project.projectName,
      regionName,
      projectStageNames[stage as ProjectStage],
      domain ?? '',
      Number(normaliseDecimal(plan.plannedInvestmentWanYuan)),
      plan.baselineInvestmentWanYuan === null
        ? null
        : Number(normaliseDecimal(plan.baselineInvestmentWanYuan)),
      monthText(plan.plansStart, plan.startMonth),
      monthText(plan.plansCompletion, plan.completionMonth),
      monthText(plan.plansOperation, plan.operationMonth),
      plan.status === 'frozen' ? '已冻结' : '草稿',
      adjustmentCount,
      plan.goals ?? '',
    ];
    sheet.addRow(values);
  });
  const first = 4;
  const last = 3 + rows.length;
  const totalRow = sheet.addRow(['合计', '', `${rows.length} 个项目`]);
  totalRow.font = { bold: true };
  const planned = addDecimals(rows.map((r) => normaliseDecimal(r.plan.plannedInvestmentWanYuan)));
  const baseline = addDecimals(
    rows.flatMap((r) =>
      r.plan.baselineInvestmentWanYuan === null ? [] : [normaliseDecimal(r.plan.baselineInvestmentWanYuan)],
    ),
  );
  totalRow.getCell(7).value = rows.length
    ? { formula: `SUM(G${first}:G${last})`, result: Number(planned) }
    : 0;
  totalRow.getCell(8).value = rows.length
    ? { formula: `SUM(H${first}:H${last})`, result: Number(baseline) }
    : 0;
  for (const column of [7, 8]) {
    sheet.getColumn(column).numFmt = '#,##0.00';
    sheet.getColumn(column).alignment = { horizontal: 'right' };
  }
  return workbookToBuffer(workbook);
}
