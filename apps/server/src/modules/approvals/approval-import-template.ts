import { type Actor, AppError, type ApprovalStatus, approvalCellText } from '@tuijin/domain';
import { and, asc, inArray, isNull, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../db/database';
import { approvalItems, approvalMaterials, projects } from '../../db/schema';
import { workbookToBuffer } from '../../lib/excel';
import { isOfficeOver } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { effectiveCatalogue } from './catalogue';

/** The cell grammar as the template's 填写说明 sheet states it (the import page says the same). */
export const approvalLedgerGrammar = [
  '每行一个项目：“项目编码”或“项目名称”列用于匹配本辖区的项目（先按编码，再按名称）。',
  '其后每列一项手续，表头须与本辖区手续目录中的手续名称（或代码）一致；序号、备注、项目单位等列不读取。',
  '单元格写法：',
  '  空白、“/”、“—”或“无”：不改动；',
  '  只写日期（Excel 日期、2026-03-18、2026.3.18、2026年3月18日）：当日已批复；',
  '  日期后接文号：已批复并记录批复文号，如“2026-03-18 宁发改审批〔2026〕12号”；',
  '  未启动、准备中：只写状态；',
  '  已受理、退回：状态后写日期，如“已受理 2026-03-02”；',
  '  容缺受理：状态、受理日期和缺少的材料，如“容缺受理 2026-03-10 缺环评批复、用地预审意见”（每项按默认工作日承诺补齐）；',
  '  不需办理：可在后面写原因，如“不需办理 不占用林地”。',
  '日期不能晚于今天。导入只会把手续往前推进（如未启动→已批复），不会改回；已批复、不需办理的手续须在项目清单中办理。',
  '先“预检”查看每格将如何变化和所有问题，确认无误后再导入；有错误时整表不导入。',
];

/**
 * 前期手续台账模板: the jurisdiction's catalogue as the headings after 序号 / 项目编码 / 项目名称, one row
 * per project of the jurisdiction that is not yet started (or already has a checklist) with each
 * item's present state written in the cell grammar, so the sheet filled in and imported changes only
 * what the office changed; and a 填写说明 sheet.
 */
export async function buildApprovalImportTemplate(
  db: Queryable,
  actor: Actor,
  regionCode: string | undefined,
) {
  const region = await regionByCode(db, regionCode ?? actor.regionCode);
  if (!isOfficeOver(actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  const catalogue = (await effectiveCatalogue(db, region.path)).procedures.filter((p) => p.active);
  const listed = await db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(
      and(
        inRegionSubtree(projects.regionPath, region.path),
        or(
          inArray(projects.stage, ['conceived', 'reserve', 'preparing']),
          sql`exists (select 1 from ${approvalItems} where ${approvalItems.projectId} = ${projects.id})`,
        ),
      ),
    )
    .orderBy(asc(projects.regionCode), asc(projects.name));
  const items = listed.length
    ? await db
        .select()
        .from(approvalItems)
        .where(
          inArray(
            approvalItems.projectId,
            listed.map((p) => p.id),
          ),
        )
    : [];
  const open = items.length
    ? await db
        .select({ itemId: approvalMaterials.itemId, name: approvalMaterials.name })
        .from(approvalMaterials)
        .where(
          and(
            inArray(
              approvalMaterials.itemId,
              items.map((i) => i.id),
            ),
            isNull(approvalMaterials.suppliedOn),
          ),
        )
    : [];

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('前期手续台账', { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }] });
  const headings = ['序号', '项目编码', '项目名称', ...catalogue.map((p) => p.name)];
  sheet.columns = headings.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 26 : i === 2 ? 36 : 22 }));
  sheet.mergeCells(1, 1, 1, headings.length);
  sheet.getCell(1, 1).value = `${region.name}前期手续台账（导入模板）`;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.mergeCells(2, 1, 2, headings.length);
  sheet.getCell(2, 1).value =
    '单元格写法见“填写说明”：日期 = 当日已批复，可接文号；或 已受理/退回 + 日期；容缺受理 + 日期 + 缺…；准备中；不需办理。';
  sheet.getRow(3).values = headings;
  sheet.getRow(3).font = { bold: true };
  sheet.getRow(3).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  listed.forEach((project, index) => {
    const own = items.filter((i) => i.projectId === project.id);
    sheet.getRow(4 + index).values = [
      index + 1,
      project.code ?? '',
      project.name,
      ...catalogue.map((procedure) => {
        const item = own.find((i) => i.procedureId === procedure.id || i.code === procedure.code);
        if (!item) return '';
        return approvalCellText({
          ...item,
          status: item.status as ApprovalStatus,
          missingMaterials: open.filter((m) => m.itemId === item.id).map((m) => m.name),
        });
      }),
    ];
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 110;
  approvalLedgerGrammar.forEach((line, index) => {
    notes.getCell(index + 1, 1).value = line;
  });
  return { buffer: await workbookToBuffer(workbook), regionName: region.name };
}
