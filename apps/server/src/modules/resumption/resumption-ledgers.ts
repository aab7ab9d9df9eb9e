import type { ResumptionQuery } from '@tuijin/contracts';
import {
  authorize,
  projectLevelNames,
  stoppageReasonNames,
  stoppageStatusNames,
  type WhitelistCriterion,
  type WhitelistGuarantee,
  whitelistCriterionNames,
  whitelistGuaranteeNames,
  whitelistLevelNames,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { regionNameMap } from './resumption.queries';
import { projectsWithStoppages, resumptionOverview } from './resumption-overview';
import { listWhitelist } from './whitelist';

const bold = { bold: true };
const rate = (p: string | null) => (p === null ? '—' : `${p}%`);

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: [string, number][]) {
  const ws = workbook.addWorksheet(name);
  ws.columns = columns.map(([, width]) => ({ width }));
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.addRow(columns.map(([h]) => h));
  header.font = bold;
  return ws;
}

/**
 * 复工情况台账 as Excel: a summary sheet (total, each zone on its target date and today, each region
 * and each level: 应复工 / 已复工 / 复工率) and a sheet with one row per stoppage of the projects
 * the actor may see. Written through `workbookToBuffer`, which neutralises text.
 */
export async function exportResumptionLedger(ctx: Ctx, query: ResumptionQuery) {
  authorize(ctx.actor, 'resumption.read');
  const overview = await resumptionOverview(ctx, query);
  const workbook = new ExcelJS.Workbook();
  const summary = sheet(workbook, '复工情况汇总', `复工情况汇总（截至 ${overview.date}）`, [
    ['统计口径', 30],
    ['目标日期', 14],
    ['应复工', 10],
    ['已复工', 10],
    ['复工率', 10],
    ['完成情况', 14],
  ]);
  summary.addRow([
    '合计',
    '',
    overview.total.due,
    overview.total.resumed,
    rate(overview.total.ratePercent),
    '',
  ]);
  const progressNames = { met: '按期完成', notMet: '未按期完成', open: '未到期' };
  for (const z of overview.zones)
    summary.addRow([
      `${z.name}（${z.regions.map((r) => r.name).join('、')}）`,
      z.targetOn,
      z.onTarget.due,
      z.onTarget.resumed,
      rate(z.onTarget.ratePercent),
      progressNames[z.progress],
    ]);
  for (const r of overview.byRegion)
    summary.addRow([r.name, '', r.count.due, r.count.resumed, rate(r.count.ratePercent), '']);
  for (const l of overview.byLevel)
    summary.addRow([
      `${projectLevelNames[l.level]}重点项目`,
      '',
      l.count.due,
      l.count.resumed,
      rate(l.count.ratePercent),
      '',
    ]);
  const detail = sheet(workbook, '停复工明细', '项目停工复工情况台账', [
    ['序号', 6],
    ['项目名称', 36],
    ['所在区划', 12],
    ['停工日期', 12],
    ['停工原因', 14],
    ['原因说明', 24],
    ['预计复工', 12],
    ['复工日期', 12],
    ['须验收', 8],
    ['验收检查组', 20],
    ['验收日期', 12],
    ['备案日期', 12],
    ['状态', 10],
  ]);
  const names = await regionNameMap(ctx.db);
  let n = 0;
  for (const p of await projectsWithStoppages(ctx))
    for (const s of p.rows)
      detail.addRow([
        ++n,
        p.name,
        names.get(p.regionCode) ?? p.regionCode,
        s.stoppedOn,
        stoppageReasonNames[s.reasonCategory],
        s.reason ?? '',
        s.expectedResumeOn ?? '',
        s.resumedOn ?? '',
        s.inspectionRequired ? '是' : '否',
        s.inspectionGroup ?? '',
        s.acceptedOn ?? '',
        s.filedOn ?? '',
        stoppageStatusNames[s.status],
      ]);
  return workbookToBuffer(workbook);
}

/** 白名单台账 as Excel: one row per entry (live first by level, then removed), with the counts. */
export async function exportWhitelistLedger(ctx: Ctx) {
  const list = await listWhitelist(ctx, {});
  const workbook = new ExcelJS.Workbook();
  const ws = sheet(workbook, '白名单台账', '重点项目“四保”白名单台账', [
    ['序号', 6],
    ['级别', 8],
    ['项目名称', 36],
    ['所在区划', 12],
    ['名单所属', 12],
    ['纳入日期', 12],
    ['入选条件', 30],
    ['纳入理由', 30],
    ['保障内容', 20],
    ['状态', 8],
    ['移出日期', 12],
    ['移出原因', 24],
  ]);
  const ordered = [...list.data].sort((a, b) => Number(a.removedOn !== null) - Number(b.removedOn !== null));
  for (const [i, e] of ordered.entries())
    ws.addRow([
      i + 1,
      whitelistLevelNames[e.level],
      e.projectName,
      e.projectRegionName,
      e.regionName,
      e.includedOn,
      e.criteria.map((c: WhitelistCriterion) => whitelistCriterionNames[c]).join('、'),
      e.reason,
      e.guarantees.map((g: WhitelistGuarantee) => whitelistGuaranteeNames[g]).join('、'),
      e.removedOn ? '已移出' : '在列',
      e.removedOn ?? '',
      e.removalReason ?? '',
    ]);
  const c = list.counts;
  ws.addRow([]);
  ws.addRow([
    '',
    '合计',
    `在列项目 ${c.projects} 个：省级 ${c.provincial}、市级 ${c.city}、县级 ${c.county}；已移出 ${c.removed}`,
  ]).font = bold;
  return workbookToBuffer(workbook);
}
