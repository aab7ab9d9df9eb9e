import type { ReconciliationQuery } from '@tuijin/contracts';
import { authorize, reconciliationFlagNames } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { getReconciliation } from './reconciliation.queries';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目代码', width: 24 },
  { header: '项目名称', width: 36 },
  { header: '所在地', width: 12 },
  { header: '自报1–N月累计（万元）', width: 16 },
  { header: '统计局入统累计（万元）', width: 16 },
  { header: '资金支付（万元）', width: 14 },
  { header: '自报−入统（万元）', width: 14 },
  { header: '差异比例', width: 10 },
  { header: '差异说明', width: 30 },
];

/**
 * 三数比对表 as Excel: the listing of `getReconciliation` for the same query (scoped the same way),
 * one row per project with its three figures, the gap and why it is listed, and a 合计 row.
 */
export async function exportReconciliation(ctx: Ctx, query: ReconciliationQuery): Promise<Buffer> {
  authorize(ctx.actor, 'reconciliation.read');
  const view = await getReconciliation(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  writeTitledTable(workbook.addWorksheet('三数比对'), {
    title: `${view.regionName}${view.year}年1–${view.month}月投资三数比对表`,
    note: `差异阈值：超过入统数 ${view.settings.gapPercent}% 且不少于 ${view.settings.gapMinWanYuan} 万元；金额单位：万元`,
    columns,
    rows: view.rows.map((r, i) => [
      i + 1,
      r.projectCode ?? '',
      r.projectName,
      r.regionName,
      r.reportedWanYuan,
      r.statisticsWanYuan ?? '未入统',
      r.fundsPaidWanYuan,
      r.gapWanYuan ?? '—',
      r.gapPercent === null ? '—' : `${r.gapPercent}%`,
      r.flags.map((f) => reconciliationFlagNames[f]).join('；'),
    ]),
    total: [
      '合计',
      '',
      `${view.rows.length} 个项目`,
      '',
      view.totals.reportedWanYuan,
      view.totals.statisticsWanYuan,
      view.totals.fundsPaidWanYuan,
      '',
      '',
      `差异超限 ${view.totals.flagged} 个`,
    ],
  });
  return workbookToBuffer(workbook);
}
