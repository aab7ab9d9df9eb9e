import type { WorkerExportQuery } from '@tuijin/contracts';
import {
  accommodationNames,
  chinaDate,
  provinceNames,
  workerHealthStatusNames,
  workerSheetColumns,
  workerSheetGuide,
  workerSheetHeadings,
} from '@tuijin/domain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import { getProjectWorkforce } from './project-workforce';
import { loadWorkforceProject } from './workforce.queries';

const widths: Record<(typeof workerSheetColumns)[number], number> = {
  name: 10,
  idNumber: 22,
  phone: 14,
  trade: 10,
  team: 12,
  contractor: 28,
  originProvince: 12,
  originCity: 10,
  originCounty: 10,
  arrivedOn: 12,
  departedOn: 12,
  accommodation: 14,
  passNumber: 14,
};

const headingColumns = () => [
  { header: '序号', width: 6 },
  ...workerSheetColumns.map((column) => ({ header: workerSheetHeadings[column], width: widths[column] })),
];

/**
 * 实名制花名册导入模板: the 花名册 sheet with the headings the import reads and no rows, and a 说明
 * sheet (domain `workerSheetGuide`).
 */
export async function buildWorkerImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  writeTitledTable(workbook.addWorksheet('花名册'), {
    title: '建设项目实名制花名册',
    note: '一人一行；身份证号码 18 位；日期如 2026-02-01；填写方法见“说明”工作表',
    columns: headingColumns(),
    rows: [],
  });
  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 120;
  workerSheetGuide.forEach((line, index) => {
    notes.getCell(index + 1, 1).value = line;
  });
  return workbookToBuffer(workbook);
}

/**
 * 实名制花名册 of a project (or one contractor of it) as Excel, in the import's own columns so the
 * owner unit can edit and re-import it: the rows come from the one presenter, so the 身份证号码 and
 * phone are masked for every reader but the owner unit; under a watch a 健康状态 column is added.
 */
export async function exportWorkers(ctx: Ctx, projectId: string, query: WorkerExportQuery) {
  const project = await loadWorkforceProject(ctx.db, ctx.actor, projectId);
  const roster = await getProjectWorkforce(ctx, projectId);
  const contractor = query.contractorId ? roster.contractors.find((c) => c.id === query.contractorId) : null;
  const rows = roster.workers.filter((w) => !query.contractorId || w.contractorId === query.contractorId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  const watch = roster.watch;
  writeTitledTable(workbook.addWorksheet('花名册'), {
    title: `${project.name}实名制花名册${contractor ? `（${contractor.name}）` : ''}`,
    note: `截至 ${chinaDate(ctx.clock.now())}，共 ${rows.length} 人，在场 ${rows.filter((w) => w.isOnSite).length} 人${
      roster.seesIdNumbers ? '' : '；身份证号码、手机号码已脱敏'
    }${watch ? `；健康监测：${watch.name}` : ''}`,
    columns: [...headingColumns(), ...(watch ? [{ header: '健康状态', width: 10 }] : [])],
    rows: rows.map((w, i) => [
      i + 1,
      w.name,
      w.idNumber,
      w.phone ?? '',
      w.trade ?? '',
      w.team ?? '',
      w.contractorName,
      provinceNames[w.originProvince] ?? w.originProvince,
      w.originCity ?? '',
      w.originCounty ?? '',
      w.arrivedOn,
      w.departedOn ?? '',
      w.accommodation ? accommodationNames[w.accommodation] : '',
      w.passNumber ?? '',
      ...(watch ? [w.health ? workerHealthStatusNames[w.health.status] : ''] : []),
    ]),
  });
  return {
    bytes: await workbookToBuffer(workbook),
    fileName: `实名制花名册-${project.name}${contractor ? `-${contractor.name}` : ''}-${chinaDate(ctx.clock.now())}.xlsx`,
  };
}
