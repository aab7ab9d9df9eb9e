import {
  authorize,
  eventKindNames,
  eventLevelNames,
  participantRoleNames,
  sumDecimals,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { getCampaignEventDetail } from './campaigns.queries';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 38 },
  { header: '所在地', width: 12 },
  { header: '类别', width: 8 },
  { header: '总投资（万元）', width: 16 },
  { header: '本次计入投资（万元）', width: 18 },
  { header: '实际开工日期', width: 14 },
  { header: '是否真开工', width: 22 },
];

/**
 * 集中开竣工活动项目清单 as Excel, in the office's form: a title (the event, its kind and date), the
 * venues and level, then 序号, 项目名称, 所在地, 类别 (开工/竣工), 总投资, 本次计入投资, 实际开工日期,
 * 是否真开工 (开工 projects: 已开工（date） or 未开工; 竣工: —) and a 合计 row. Only the projects the
 * actor sees; amounts written as exact decimal text (万元). Returns the file name with the bytes.
 */
export async function exportCampaignEvent(ctx: Ctx, id: string): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'campaign.read');
  const event = await getCampaignEventDetail(ctx.db, ctx.actor, id);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const title = `${event.name}项目清单`;
  const sub = event.subVenues.length > 0 ? `；分会场：${event.subVenues.join('、')}` : '';
  const f = event.figures;
  writeTitledTable(workbook.addWorksheet('项目清单'), {
    title,
    note: `${eventKindNames[event.kind]}（${eventLevelNames[event.level]}）  ${event.heldOn}  主会场：${event.mainVenue}${sub}；金额单位：万元`,
    columns,
    rows: event.participants.map((p, i) => [
      i + 1,
      p.projectName,
      p.regionName,
      participantRoleNames[p.role],
      p.totalInvestmentWanYuan,
      p.investmentWanYuan,
      p.actualStartOn ?? '',
      p.role === 'completion' ? '—' : p.reallyStartedOn ? `已开工（${p.reallyStartedOn}）` : '未开工',
    ]),
    total: [
      '合计',
      `${f.projects} 个项目（开工 ${f.startProjects} 个，竣工 ${f.completionProjects} 个）`,
      '',
      '',
      sumDecimals(event.participants, (p) => p.totalInvestmentWanYuan),
      f.investmentWanYuan,
      '',
      `真开工 ${f.reallyStarted} 个`,
    ],
  });
  return { name: `${title}.xlsx`, bytes: await workbookToBuffer(workbook) };
}
