import { composeIdNumber, workerSheetColumns, workerSheetHeadings } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../lib/excel';
import { writeTitledTable } from '../../lib/excel-table';
import type { TestApp } from '../../testing/test-app';

/** A valid fake 身份证号码 for tests: an address code, a birth date and a sequence. */
export const testIdNumber = (sequence: number, addressCode = '511381', birth = '19880512') =>
  composeIdNumber(addressCode, birth, sequence);

/** A worker's form body with the fields a test does not care about filled in. */
export const workerBody = (contractorId: string, idNumber: string, over: Record<string, unknown> = {}) => ({
  contractorId,
  name: '测试工人',
  idNumber,
  phone: '13905930001',
  trade: '钢筋工',
  team: '钢筋班',
  originProvince: '510000',
  originCity: '南充市',
  originCounty: '阆中市',
  arrivedOn: '2026-03-01',
  departedOn: null,
  accommodation: 'onSite',
  passNumber: 'TX-0001',
  ...over,
});

/** Uploads a sheet (multipart) to an import route as a person, with optional form fields. */
export function uploadSheet(
  t: TestApp,
  cookie: string,
  url: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
) {
  const boundary = '----tuijin-workforce';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="花名册.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  });
}

/** A 实名制花名册 written by the project's one Excel writer: the template's headings and the given rows. */
export async function rosterSheet(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writeTitledTable(workbook.addWorksheet('花名册'), {
    title: '实名制花名册',
    columns: [
      { header: '序号', width: 6 },
      ...workerSheetColumns.map((c) => ({ header: workerSheetHeadings[c], width: 12 })),
    ],
    rows: rows.map((r, i) => [i + 1, ...r]),
  });
  return workbookToBuffer(workbook);
}

/** One roster row in the template's column order (姓名 … 通行证号). */
export const rosterRow = (
  name: string,
  idNumber: string,
  over: Partial<Record<string, string | null>> = {},
) =>
  [
    name,
    idNumber,
    '13905930001',
    '钢筋工',
    '钢筋班',
    null,
    '四川省',
    '南充市',
    '阆中市',
    '2026-02-20',
    null,
    '企业就地安置',
    'TX-1',
  ].map((v, i) => {
    const key = workerSheetColumns[i]!;
    return key in over ? (over[key] ?? null) : v;
  });

/** Every text of every cell of an .xlsx, for asserting what an export lets out. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const parts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        parts.push(String(cell.text));
      }),
    ),
  );
  return parts.join('\n');
}
