import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppError, type LedgerCell } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ledgerLimits } from './xlsx-guard';

export interface LedgerRow {
  sheetName: string;
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  cells: LedgerCell[];
}

/** Excel's column letters for a 0-based index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell as the parser sees it: formulas give their cached result, rich text its plain text. */
function plain(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * exceljs' streaming reader parses a worksheet at once when the shared strings and the workbook
 * relations came before it in the zip, and then reads the sheet list of `xl/workbook.xml` — which a
 * zip may well put after the worksheets (the order is the writer's choice), so the reader crashes
 * on a valid file. Until the workbook part is read its relations stay hidden, so such a worksheet
 * waits in a temporary file like any other early sheet and is parsed once everything is known.
 */
function holdSheetsUntilWorkbookRead(reader: object) {
  const state = reader as { model?: unknown; workbookRels?: unknown };
  let rels: unknown;
  Object.defineProperty(state, 'workbookRels', {
    configurable: true,
    get: () => (state.model === undefined ? undefined : rels),
    set: (value: unknown) => {
      rels = value;
    },
  });
}

type ExcelReaderInternals = {
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(iterable: AsyncIterable<Buffer | string>, sheetNo: string): AsyncIterable<unknown>;
};

/** Bytes in, whole UTF-8 text out: a character split between two chunks is held until it is whole. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/**
 * exceljs' streaming reader decodes every inflated chunk of a part on its own (a TextDecoder without
 * `stream: true`), so a Chinese character falling across two chunks comes out as U+FFFD garbage —
 * `保障性租赁住房` read back as `保障性租赁��房`, and an exported ledger re-imported as changed. The
 * shared strings and worksheets are handed to it as whole-character text instead.
 */
function decodeWholeCharacters(reader: object) {
  const internals = reader as ExcelReaderInternals;
  const sharedStrings = internals._parseSharedStrings.bind(reader);
  const worksheet = internals._parseWorksheet.bind(reader);
  internals._parseSharedStrings = (entry) => {
    const decoder = new StringDecoder('utf8');
    const text = new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _encoding, done) {
        const part = decoder.write(chunk);
        done(null, part === '' ? undefined : part);
      },
      flush(done) {
        const rest = decoder.end();
        done(null, rest === '' ? undefined : rest);
      },
    });
    return sharedStrings(entry.pipe(text));
  };
  internals._parseWorksheet = (iterable, sheetNo) => worksheet(decodeUtf8(iterable), sheetNo);
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name]!);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The worksheet names by the number of their part (`xl/worksheets/sheet3.xml` → `3`), read from
 * `xl/workbook.xml` and its relations straight out of the zip (two small parts).
 */
export async function sheetNamesByNumber(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target);
  }
  const names = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    const number = target && /sheet(\d+)\.xml$/.exec(target)?.[1];
    if (name !== undefined && number) names.set(number, unescapeXml(name));
  }
  return names;
}

/** The parts exceljs' streaming reader must have met before it parses a worksheet straight away. */
const leadingParts = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * When a worksheet comes before the workbook, its relations or the shared strings in the zip (the
 * order is the writer's choice — exceljs itself writes sheets first), exceljs' streaming reader parks
 * the sheet in a temporary file and parses it later, and that path now and then (≈2 reads in 100)
 * hands back every text cell empty. Such a file is repacked with those parts first, unchanged
 * otherwise (stored, not recompressed); a file already in that order is read as it is.
 */
export async function withWorkbookPartsFirst(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const firstSheet = names.findIndex((name) => name.startsWith('xl/worksheets/'));
  const late = leadingParts.some((part) => names.indexOf(part) > firstSheet);
  if (firstSheet < 0 || !late) return bytes;
  const ordered = [
    ...leadingParts.filter((part) => names.includes(part)),
    ...names.filter((name) => !leadingParts.includes(name)),
  ];
  const target = new JSZip();
  for (const name of ordered) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    target.file(name, await entry.async('nodebuffer'), { date: entry.date });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * Streams the rows of every worksheet of an .xlsx without holding the workbook in memory (exceljs'
 * streaming reader), with each row's cells as plain values. Refuses sheets past the row and column
 * limits as it meets them.
 */
export async function* readLedgerRows(bytes: Buffer): AsyncGenerator<LedgerRow> {
  const ordered = await withWorkbookPartsFirst(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([ordered]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  holdSheetsUntilWorkbookRead(reader);
  decodeWholeCharacters(reader);
  let names: Map<string, string> | undefined;
  let rowsSeen = 0;
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as { name?: string; id?: string | number };
    let sheetName = sheet.name ?? '';
    if ((reader as { model?: unknown }).model === undefined) {
      // The stream has not (yet) delivered xl/workbook.xml: take the name from the file itself.
      names ??= await sheetNamesByNumber(bytes);
      sheetName = names.get(String(sheet.id)) ?? sheetName;
    }
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rowsSeen++;
      if (rowsSeen > ledgerLimits.maxRows) throw tooBig(`行数超过 ${ledgerLimits.maxRows}`);
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > ledgerLimits.maxColumns) {
        throw tooBig(
          `工作表“${sheetName}”第 ${row.number} 行有 ${values.length - 1} 列，超过 ${ledgerLimits.maxColumns} 列上限`,
        );
      }
      const cells: LedgerCell[] = [];
      for (let column = 1; column < values.length; column++) cells.push(plain(values[column] ?? null));
      yield { sheetName, rowNumber: row.number, cells };
    }
  }
}

const tooBig = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);
