import { fundSheetColumns, fundSheetGuide, fundSheetHeadings } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';

const widths: Record<(typeof fundSheetColumns)[number], number> = {
  code: 26,
  name: 36,
  kind: 16,
  year: 8,
  batch: 12,
  allocatedAmount: 16,
  issuedOn: 13,
  documentNumber: 26,
  paidAmount: 16,
  paidOn: 13,
  note: 30,
};

/** Two example rows on the 说明 sheet: an allocation and a payment out of it. */
const example = [
  [
    'TJ-2026-350902-0001',
    '示例项目',
    '专项债券',
    2026,
    '第一批',
    '3000',
    '2026-01-20',
    '闽财债〔2026〕5号',
    '',
    '',
    '',
  ],
  [
    'TJ-2026-350902-0001',
    '示例项目',
    '专项债券',
    2026,
    '第一批',
    '',
    '',
    '',
    '1200',
    '2026-02-10',
    '进度款 凭证 0012',
  ],
];

/**
 * 资金台账导入模板: a 资金台账 sheet with the headings the import reads (序号 first, then
 * `fundSheetHeadings` in order) and no rows, and a 说明 sheet stating the layout (domain
 * `fundSheetGuide`) with an example of an allocation and a payment out of it.
 */
export async function buildFundImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuijin 推进';
  writeTitledTable(workbook.addWorksheet('资金台账'), {
    title: '专项债券、中央预算内投资资金下达与支付台账',
    note: '每行登记一笔下达或一笔支付；金额单位：万元；填写方法见“说明”工作表',
    columns: [
      { header: '序号', width: 6 },
      ...fundSheetColumns.map((column) => ({ header: fundSheetHeadings[column], width: widths[column] })),
    ],
    rows: [],
  });
  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 120;
  fundSheetGuide.forEach((line, index) => {
    notes.getCell(index + 1, 1).value = line;
  });
  const exampleAt = fundSheetGuide.length + 2;
  notes.getCell(exampleAt, 1).value = '示例（第一行登记一笔下达，第二行登记从这笔下达中的一笔支付）：';
  notes.getCell(exampleAt, 1).font = { bold: true };
  [fundSheetColumns.map((c) => fundSheetHeadings[c]), ...example].forEach((values, i) => {
    notes.getCell(exampleAt + 1 + i, 1).value = values.join(' | ');
  });
  return workbookToBuffer(workbook);
}
