import {
  addDecimals,
  authorize,
  constructionPeriodText,
  groupIntoCategories,
  markedProjectName,
  monthlyLedgerTitle,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { addLedgerSheet, type LedgerSheetColumn } from './ledger-export';
import {
  domainOrder,
  ledgerRegion,
  listMonthlyLedgerRows,
  type MonthlyLedgerRow,
  organisationName,
  regionFullName,
} from './monthly-ledger.queries';

/** A normalised exact decimal ("1234.5000" → "1234.5"), null kept. */
const decimal = (value: string | null) => (value === null ? null : addDecimals([value]));
const approved = (row: MonthlyLedgerRow) => row.monthStatus === 'approved';

/** Why a project's month is blank: no report, or a report not yet approved (figures count approved only). */
function monthRemark(row: MonthlyLedgerRow): string | null {
  if (row.monthStatus === null) return '本月未报';
  if (row.monthStatus === 'returned') return '月报已退回';
  if (row.monthStatus !== 'approved') return '月报未审核';
  return null;
}

/** The monthly ledger's columns: plan (adjusted, baseline, goals), the month, 1–M, since start. */
export function monthlyLedgerColumns(year: number, month: number): LedgerSheetColumn<MonthlyLedgerRow>[] {
  const ytd = (row: MonthlyLedgerRow) => decimal(row.ytdWanYuan) ?? '0';
  return [
    { key: 'seq', header: '序号', width: 5, kind: 'seq' },
    {
      key: 'name',
      header: '项目名称',
      width: 30,
      kind: 'name',
      value: (r) => markedProjectName(r.name, r.levels),
    },
    { key: 'owner', header: '建设单位', width: 20, kind: 'text', value: (r) => r.ownerName },
    { key: 'location', header: '建设地点', width: 10, kind: 'center', value: (r) => r.regionName },
    { key: 'scale', header: '建设规模及主要建设内容', width: 30, kind: 'text', value: (r) => r.scaleContent },
    { key: 'period', header: '建设起止年限', width: 13, kind: 'center', value: constructionPeriodText },
    {
      key: 'total',
      header: '总投资',
      width: 12,
      kind: 'amount',
      value: (r) => decimal(r.totalInvestmentWanYuan),
    },
    {
      key: 'plan',
      group: `${year}年计划`,
      header: '计划投资',
      width: 12,
      kind: 'amount',
      value: (r) => decimal(r.plannedWanYuan),
    },
    {
      key: 'baseline',
      group: `${year}年计划`,
      header: '年初计划投资',
      width: 12,
      kind: 'amount',
      value: (r) => decimal(r.baselineWanYuan),
    },
    {
      key: 'goals',
      group: `${year}年计划`,
      header: '形象进度目标',
      width: 22,
      kind: 'text',
      value: (r) => r.goals,
    },
    {
      key: 'month',
      header: `${month}月完成`,
      width: 11,
      kind: 'amount',
      value: (r) => (approved(r) ? decimal(r.monthCompletedWanYuan) : null),
    },
    {
      key: 'ytd',
      group: month === 1 ? '1月累计完成' : `1-${month}月完成`,
      header: '完成投资',
      width: 12,
      kind: 'amount',
      value: ytd,
    },
    {
      key: 'share',
      group: month === 1 ? '1月累计完成' : `1-${month}月完成`,
      header: '占年度计划%',
      width: 9,
      kind: 'percent',
      shareOf: ['ytd', 'plan'],
    },
    {
      key: 'sinceStart',
      header: '自开工累计完成',
      width: 13,
      kind: 'amount',
      value: (r) => addDecimals([r.priorCompletedWanYuan ?? '0', ytd(r)]),
    },
    {
      key: 'progress',
      header: `${month}月形象进度`,
      width: 26,
      kind: 'text',
      value: (r) => (approved(r) && r.monthProgress ? r.monthProgress : null),
    },
    {
      key: 'statistics',
      header: '是否入统',
      width: 7,
      kind: 'center',
      value: (r) => (approved(r) ? (r.monthInStatistics ? '是' : '否') : null),
    },
    { key: 'leader', header: '挂钩领导', width: 9, kind: 'center', value: (r) => r.leaderName },
    { key: 'unit', header: '责任单位', width: 14, kind: 'text', value: (r) => r.departmentName },
    { key: 'remark', header: '备注', width: 10, kind: 'center', value: monthRemark },
  ];
}

/** `2026年11月23日` in Beijing time. */
export function chineseDate(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`;
}

/**
 * 月度台账: the monthly ledger of a region subtree for (year, month) as the .xlsx an office sends
 * up. One row per project due to report (a plan for the year, not dropped) that the actor may see,
 * grouped by domain: plan (adjusted and baseline), the month's and 1–M completed investment and
 * their share of the plan, since-start, the month's 形象进度 and 入统 — approved reports only, per
 * the shared definitions. A region outside the actor's jurisdiction is NOT_FOUND.
 */
export async function exportMonthlyLedger(
  ctx: Ctx,
  input: { year: number; month: number; region?: string },
): Promise<{ fileName: string; bytes: Buffer; projects: number }> {
  authorize(ctx.actor, 'project.read');
  const region = await ledgerRegion(ctx.db, ctx.actor, input.region);
  const rows = await listMonthlyLedgerRows(ctx.db, ctx.actor, { ...input, regionPath: region.path });
  const order = await domainOrder(ctx.db, [...new Set(rows.map((r) => r.domain))]);
  const regionName = await regionFullName(ctx.db, region);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  workbook.calcProperties.fullCalcOnLoad = true;
  addLedgerSheet(workbook, {
    sheetName: `${input.month}月台账`,
    title: monthlyLedgerTitle(input.year, regionName, input.month),
    organisation: (await organisationName(ctx.db, ctx.actor.organisationId)) ?? regionName,
    date: chineseDate(ctx.clock.now()),
    columns: monthlyLedgerColumns(input.year, input.month),
    categories: groupIntoCategories(rows, (r) => r.domain, order),
  });
  return {
    fileName: `${input.year}年${input.month}月重点项目台账-${region.name}.xlsx`,
    bytes: await workbookToBuffer(workbook),
    projects: rows.length,
  };
}
