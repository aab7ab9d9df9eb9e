import type { MilestonePortfolioExportQuery } from '@tuijin/contracts';
import {
  authorize,
  chinaDate,
  type ProjectStage,
  projectStageNames,
  type TimelineCell,
  timelineMonths,
  timelineRow,
} from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { milestonePlans, organisations, projects, regions } from '../../db/schema';
import { workbookToBuffer } from '../../lib/excel';
import { loadHolidayCalendar } from '../calendar';
import { nodesOf, portfolioWhere, presentNode } from './milestones.queries';

/** More projects than any county plans; a province exports by region. */
export const portfolioExportLimit = 5000;

const fills: Record<Exclude<TimelineCell['fill'], 'none'>, string> = {
  planned: 'FFBDD7EE',
  reached: 'FFC6EFCE',
  overdue: 'FFFFC7CE',
};
const overdueFont = { color: { argb: 'FF9C0006' }, bold: true };
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const fillOf = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const projectColumns = [
  { header: '项目代码', width: 22 },
  { header: '项目名称', width: 32 },
  { header: '区划', width: 10 },
  { header: '建设单位', width: 24 },
  { header: '阶段', width: 8 },
];
const nodeColumns = ['计划', '基线', '实际'] as const;

/**
 * 时间节点图 as Excel, under the portfolio's filters (the same projects as the chart, every page):
 * one row per project (code, name, region, owner, stage), one column group per node (计划 / 基线 /
 * 实际; an overdue node's planned date in red and its actual cell saying 超期未完成), then one column
 * per month with the nodes planned in it, filled blue over the planned span, green when reached and
 * red when overdue (domain `timelineRow`). Written through `workbookToBuffer`, which neutralises text.
 */
export async function exportMilestonePortfolio(ctx: Ctx, query: MilestonePortfolioExportQuery) {
  authorize(ctx.actor, 'milestone.read');
  const today = chinaDate(ctx.clock.now());
  const where = await portfolioWhere(ctx.db, ctx.actor, query, today);
  const rows = await ctx.db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      regionName: regions.name,
      ownerName: organisations.name,
      stage: projects.stage,
    })
    .from(milestonePlans)
    .innerJoin(projects, eq(projects.id, milestonePlans.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(where)
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(portfolioExportLimit);
  const [nodeRows, calendar] = await Promise.all([
    nodesOf(
      ctx.db,
      rows.map((r) => r.projectId),
    ),
    loadHolidayCalendar(ctx.db),
  ]);
  const nodesByProject = new Map<string, ReturnType<typeof presentNode>[]>();
  for (const node of nodeRows)
    nodesByProject.set(node.projectId, [
      ...(nodesByProject.get(node.projectId) ?? []),
      presentNode(node, today, calendar),
    ]);
  // Projects may follow different templates: a column group per node code, in the order first met.
  const groups = new Map<string, string>();
  for (const node of nodeRows) if (!groups.has(node.code)) groups.set(node.code, node.name);
  const months = timelineMonths([...nodesByProject.values()]);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const sheet = workbook.addWorksheet('时间节点图');
  const nodeStart = projectColumns.length + 1;
  const monthStart = nodeStart + groups.size * nodeColumns.length;
  const lastColumn = Math.max(monthStart + months.length - 1, projectColumns.length);
  sheet.mergeCells(1, 1, 1, lastColumn);
  sheet.getCell(1, 1).value = `时间节点图（截至 ${today}，共 ${rows.length} 个项目）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const head = sheet.getRow(2);
  const sub = sheet.getRow(3);
  projectColumns.forEach((column, i) => {
    sheet.mergeCells(2, i + 1, 3, i + 1);
    head.getCell(i + 1).value = column.header;
    sheet.getColumn(i + 1).width = column.width;
  });
  [...groups.values()].forEach((name, g) => {
    const first = nodeStart + g * nodeColumns.length;
    sheet.mergeCells(2, first, 2, first + nodeColumns.length - 1);
    head.getCell(first).value = name;
    nodeColumns.forEach((label, k) => {
      sub.getCell(first + k).value = label;
      sheet.getColumn(first + k).width = 11;
    });
  });
  if (months.length > 0) {
    sheet.mergeCells(2, monthStart, 2, monthStart + months.length - 1);
    head.getCell(monthStart).value = '进度（月）';
  }
  months.forEach((month, m) => {
    sub.getCell(monthStart + m).value = month;
    sheet.getColumn(monthStart + m).width = 9;
    if (month === today.slice(0, 7))
      sub.getCell(monthStart + m).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  for (const row of [head, sub])
    for (let c = 1; c <= lastColumn; c += 1) {
      const cell = row.getCell(c);
      cell.font = { bold: true, ...(cell.font ?? {}) };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = fillOf('FFF2F2F2');
      cell.border = border;
    }

  rows.forEach((project, p) => {
    const row = sheet.getRow(4 + p);
    const nodes = nodesByProject.get(project.projectId) ?? [];
    row.getCell(1).value = project.code;
    row.getCell(2).value = project.name;
    row.getCell(3).value = project.regionName;
    row.getCell(4).value = project.ownerName;
    row.getCell(5).value = projectStageNames[project.stage as ProjectStage] ?? project.stage;
    [...groups.keys()].forEach((code, g) => {
      const node = nodes.find((n) => n.code === code);
      if (!node) return;
      const first = nodeStart + g * nodeColumns.length;
      row.getCell(first).value = node.plannedOn;
      row.getCell(first + 1).value = node.baselineOn;
      row.getCell(first + 2).value = node.actualOn ?? (node.overdue ? '超期未完成' : null);
      if (node.overdue)
        for (const k of [0, 2]) {
          row.getCell(first + k).font = overdueFont;
          row.getCell(first + k).fill = fillOf(fills.overdue);
        }
    });
    timelineRow(nodes, months).forEach((cell, m) => {
      const target = row.getCell(monthStart + m);
      if (cell.names.length > 0) target.value = cell.names.join('、');
      if (cell.fill !== 'none') target.fill = fillOf(fills[cell.fill]);
    });
    for (let c = 1; c <= lastColumn; c += 1) {
      row.getCell(c).border = border;
      row.getCell(c).alignment = { vertical: 'middle', wrapText: c === 2 || c >= monthStart };
    }
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
  return workbookToBuffer(workbook);
}
