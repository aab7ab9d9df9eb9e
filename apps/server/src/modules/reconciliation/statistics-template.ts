import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';

/**
 * The 入统数据 sheet an office fills in or matches the statistics bureau's export to: 项目代码 (the
 * library's code), 项目名称 (for people; the code decides) and 本年累计完成投资（万元）.
 */
export async function buildStatisticsTemplate(year: number, month: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  writeTitledTable(workbook.addWorksheet('入统数据'), {
    title: `${year}年1–${month}月重点项目入统投资`,
    columns: [
      { header: '序号', width: 6 },
      { header: '项目代码', width: 26 },
      { header: '项目名称', width: 40 },
      { header: '本年累计完成投资（万元）', width: 22 },
    ],
    rows: [],
  });
  return workbookToBuffer(workbook);
}
