import type { FundOverviewQuery } from '@tuijin/contracts';
import { authorize, disbursementRate, fundKindNames, startedBy, sumDecimals } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { resolveRegionView } from '../regions';
import { fundLedgerRows, fundPeriod } from './fund-overview';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 36 },
  { header: '所在地', width: 12 },
  { header: '资金类型', width: 16 },
  { header: '年度', width: 8 },
  { header: '批次', width: 10 },
  { header: '下达金额（万元）', width: 16 },
  { header: '已支付（万元）', width: 16 },
  { header: '支付率', width: 10 },
  { header: '开工情况', width: 22 },
];

/** A percentage for a cell ("41.2%"), or 一 when nothing is allocated. */
const percentText = (percent: string | null) => (percent === null ? '—' : `${percent}%`);

/**
 * 专项债/中央预算内项目资金台账 as Excel: one row per allocation of the year (the kind asked, or all)
 * on the projects of the region the actor may see — 序号, 项目名称, 所在地, 资金类型, 年度, 批次,
 * 下达金额, 已支付 (payments up to the as-of day), 支付率, 开工情况 (实际开工日期 or 未开工) — and a
 * 合计 row. Amounts are written as the exact decimal text (万元), never floats.
 */
export async function exportFundLedger(ctx: Ctx, query: FundOverviewQuery): Promise<Buffer> {
  authorize(ctx.actor, 'fund.read');
  const { region } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const { year, asOf } = fundPeriod(ctx, query.year);
  const rows = (await fundLedgerRows(ctx, region.path, query.kind, asOf)).filter((r) => r.year === year);
  const title = query.kind
    ? `${region.name}${year}年${fundKindNames[query.kind]}项目资金台账`
    : `${region.name}${year}年专项债/中央预算内项目资金台账`;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const allocated = sumDecimals(rows, (r) => r.amountWanYuan);
  const paid = sumDecimals(rows, (r) => r.paidWanYuan);
  const started = new Set(rows.filter((r) => startedBy(r.actualStartOn, asOf)).map((r) => r.projectId)).size;
  const projects = new Set(rows.map((r) => r.projectId)).size;
  writeTitledTable(workbook.addWorksheet('资金台账'), {
    title,
    note: `统计截至 ${asOf}；金额单位：万元`,
    columns,
    rows: rows.map((r, i) => [
      i + 1,
      r.projectName,
      r.regionName,
      fundKindNames[r.kind],
      r.year,
      r.batch ?? '',
      r.amountWanYuan,
      r.paidWanYuan,
      percentText(
        disbursementRate({ paidWanYuan: r.paidWanYuan, allocatedWanYuan: r.amountWanYuan }).percent,
      ),
      startedBy(r.actualStartOn, asOf) ? `已开工（${r.actualStartOn}）` : '未开工',
    ]),
    total: [
      '合计',
      `${projects} 个项目`,
      '',
      '',
      '',
      '',
      allocated,
      paid,
      percentText(disbursementRate({ paidWanYuan: paid, allocatedWanYuan: allocated }).percent),
      `已开工 ${started} 个`,
    ],
  });
  return workbookToBuffer(workbook);
}
