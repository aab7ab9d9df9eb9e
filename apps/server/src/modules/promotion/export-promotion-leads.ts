import type { PromotionLeadQuery } from '@tuijin/contracts';
import { authorize, sumDecimals } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { resolveRegionView } from '../regions';
import { findPromotionLeads, leadPeriod } from './promotion.queries';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 34 },
  { header: '投资方', width: 30 },
  { header: '来源地', width: 12 },
  { header: '产业', width: 12 },
  { header: '落地区划', width: 12 },
  { header: '合同投资额（万元）', width: 16 },
  { header: '签约日期', width: 12 },
  { header: '承诺注册', width: 12 },
  { header: '承诺开工', width: 12 },
  { header: '承诺投产', width: 12 },
  { header: '当前阶段', width: 12 },
  { header: '责任单位', width: 24 },
  { header: '项目库', width: 30 },
  { header: '逾期承诺', width: 14 },
  { header: '备注', width: 30 },
];

const promiseNames = { registration: '注册', start: '开工', production: '投产' } as const;

/**
 * 招商项目台账 as Excel: the leads the list shows under the same filters (scoped), one row each —
 * name, investor and origin, industry, region, contract amount (exact 万元 text), signed and promised
 * dates, stage (放弃 with the day when dropped), responsible unit, the library project it became,
 * overdue promises, note — and a 合计 row of count and amount.
 */
export async function exportPromotionLeads(ctx: Ctx, query: PromotionLeadQuery): Promise<Buffer> {
  authorize(ctx.actor, 'promotion.read');
  const { region } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const { data } = await findPromotionLeads(ctx, query);
  const period = leadPeriod(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  writeTitledTable(workbook.addWorksheet('招商项目台账'), {
    title: `${region.name}招商项目台账`,
    note: `统计截至 ${period.today}；金额单位：万元`,
    columns,
    rows: data.map((lead, i) => [
      i + 1,
      lead.name,
      lead.investorName,
      lead.investorOrigin ?? '',
      lead.industry ?? '',
      lead.regionName,
      lead.contractWanYuan ?? '',
      lead.signedOn ?? '',
      lead.promisedRegistrationOn ?? '',
      lead.promisedStartOn ?? '',
      lead.promisedProductionOn ?? '',
      lead.isDropped ? `已放弃（${lead.droppedOn}）` : lead.stageName,
      lead.responsibleOrganisationName ?? '',
      lead.project?.name ?? '',
      lead.overduePromises.map((p) => promiseNames[p]).join('、'),
      lead.isDropped ? (lead.dropReason ?? '') : (lead.note ?? ''),
    ]),
    total: [
      '合计',
      `${data.length} 个项目`,
      '',
      '',
      '',
      '',
      sumDecimals(data, (l) => l.contractWanYuan ?? '0'),
    ],
  });
  return workbookToBuffer(workbook);
}
