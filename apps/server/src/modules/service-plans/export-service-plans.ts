import type { ServicePlanListQuery } from '@tuijin/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { listServicePlans } from './service-plan-list';

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
  const t = list.totals;
  writeTitledTable(workbook.addWorksheet('一项目一策'), {
    title: '一项目一策服务方案台账',
    note: `统计截至 ${list.asOf}；逾期指未完成且已过完成时限的措施`,
    columns,
    rows: list.rows.map((r, i) => [
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
    ]),
    total: [
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
    ],
  });
  return workbookToBuffer(workbook);
}
