import type { ProjectQuery } from '@tuijin/contracts';
import {
  addDecimals,
  constructionPeriodText,
  constructionTypeNames,
  groupIntoCategories,
  markedProjectName,
  type ProjectLevel,
  type ProjectStage,
  projectLevelNames,
  projectStageNames,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { listProjectsForExport } from '../projects';
import { chineseDate } from './export-monthly-ledger';
import { addLedgerSheet, type LedgerSheetColumn } from './ledger-export';
import { domainOrder, ledgerRegion, organisationName, regionFullName } from './monthly-ledger.queries';

type Row = Awaited<ReturnType<typeof listProjectsForExport>>[number];

const columns: LedgerSheetColumn<Row>[] = [
  { key: 'seq', header: '序号', width: 5, kind: 'seq' },
  { key: 'code', header: '项目代码', width: 24, kind: 'center', value: (r) => r.code },
  {
    key: 'name',
    header: '项目名称',
    width: 32,
    kind: 'name',
    value: (r) => markedProjectName(r.name, r.levels),
  },
  { key: 'owner', header: '建设单位', width: 24, kind: 'text', value: (r) => r.ownerName },
  { key: 'location', header: '建设地点', width: 10, kind: 'center', value: (r) => r.regionName },
  {
    key: 'levels',
    header: '级别',
    width: 12,
    kind: 'center',
    value: (r) => (r.levels as ProjectLevel[]).map((l) => projectLevelNames[l]).join('、'),
  },
  {
    key: 'stage',
    header: '阶段',
    width: 8,
    kind: 'center',
    value: (r) => projectStageNames[r.stage as ProjectStage],
  },
  { key: 'industry', header: '产业', width: 10, kind: 'center', value: (r) => r.industry },
  {
    key: 'constructionType',
    header: '新建/续建',
    width: 9,
    kind: 'center',
    value: (r) => constructionTypeNames[r.constructionType ?? 'new'],
  },
  { key: 'scale', header: '建设规模及主要建设内容', width: 32, kind: 'text', value: (r) => r.scaleContent },
  { key: 'period', header: '建设起止年限', width: 13, kind: 'center', value: constructionPeriodText },
  {
    key: 'total',
    header: '总投资',
    width: 13,
    kind: 'amount',
    value: (r) => addDecimals([r.totalInvestmentWanYuan]),
  },
  { key: 'leader', header: '挂钩领导', width: 9, kind: 'center', value: (r) => r.leaderName },
  { key: 'unit', header: '责任单位', width: 16, kind: 'text', value: (r) => r.departmentName },
  { key: 'batches', header: '批次', width: 16, kind: 'text', value: (r) => r.batchNames.join('、') || null },
  {
    key: 'tags',
    header: '标签',
    width: 16,
    kind: 'text',
    value: (r) => (r.tags as string[]).join('、') || null,
  },
  // 项目分类 by priority; not headed 项目分类, which a ledger import reads as the 项目类别 (domain) column.
  { key: 'projectClass', header: '优先分类', width: 11, kind: 'center', value: (r) => r.projectClass },
];

/**
 * The project list (the page's current filter) as the sheet offices send on: title, 填报单位 and
 * date, `单位：万元`, header, 合计 on top, projects grouped by domain with 序号 per category and a
 * 小计 each (SUM formulas with exact cached values), ★ before provincial key projects. Only projects
 * in the actor's scope; text is neutralised on write.
 */
export async function exportProjects(
  ctx: Ctx,
  query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const rows = await listProjectsForExport(ctx.db, ctx.actor, query, ctx.clock.now());
  const region = await ledgerRegion(ctx.db, ctx.actor, query.region).catch(() => null);
  const regionName = region ? await regionFullName(ctx.db, region) : '';
  const date = chineseDate(ctx.clock.now());
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  workbook.calcProperties.fullCalcOnLoad = true;
  addLedgerSheet(workbook, {
    sheetName: '项目库',
    title: `${regionName}重点项目库（截至${date}）`,
    organisation: (await organisationName(ctx.db, ctx.actor.organisationId)) ?? regionName,
    date,
    columns,
    categories: groupIntoCategories(
      rows,
      (r) => r.domain,
      await domainOrder(ctx.db, [...new Set(rows.map((r) => r.domain))]),
    ),
  });
  return workbookToBuffer(workbook);
}
