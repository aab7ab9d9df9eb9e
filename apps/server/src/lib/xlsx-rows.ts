import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { AppError, type LedgerCell } from '@tuijin/domain';
import { ledgerLimits } from './xlsx-guard';
import { readZipEntry, type ZipEntry, zipEntries } from './zip-directory';

export interface LedgerRow {
  sheetName: string;
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  cells: LedgerCell[];
  /** 0-based indexes of the cells that hold a formula (their value is the cached result). */
  formulaColumns: number[];
}

/** What {@link readLedgerRows} may be told: limits (default {@link ledgerLimits}) and who hears of hidden sheets. */
export interface ReadRowsOptions {
  maxRows?: number;
  maxColumns?: number;
  /** Called for each hidden or very hidden sheet, which is never read. */
  onHiddenSheet?: (name: string) => void;
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

/** The 0-based column index of a cell reference's letters (`AB12` → 27), or -1. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text as the characters it stands for: named and numeric entities, and Excel's `_xHHHH_` escapes. */
function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (whole, name, dec, hex) => {
      if (name) return xmlEntities[name]!;
      const code = dec ? Number(dec) : Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();
/** An attribute's raw value in a start tag (each name's pattern compiled once: it runs per cell). */
function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`);
    attributePatterns.set(name, pattern);
  }
  return pattern.exec(tag)?.[1];
}

/**
 * The text of a string item (`<si>` or an inline `<is>`): its `<t>` runs joined, phonetic guides
 * (`<rPh>`, the furigana Excel keeps beside CJK text) left out.
 */
function itemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const match of body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += match[1];
  return unescapeXml(text);
}

const tooBig = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);
const unreadable = () => tooBig('Excel 文件已损坏，无法读取');

/** One worksheet as the workbook lists it, in tab order. */
interface SheetPart {
  name: string;
  isHidden: boolean;
  entry: ZipEntry | undefined;
}

/** The workbook's sheets in tab order with their parts, and the shared strings. */
function readWorkbook(bytes: Buffer) {
  const entries = zipEntries(bytes);
  if (!entries) throw unreadable();
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string) => {
    const entry = byName.get(name);
    if (!entry) return '';
    const data = readZipEntry(bytes, entry, ledgerLimits.maxUncompressedBytes);
    if (!data) throw unreadable();
    return data.toString('utf8');
  };
  const targets = new Map<string, string>();
  for (const [tag] of text('xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const [tag] of text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    const state = attribute(tag, 'state');
    sheets.push({
      name: unescapeXml(attribute(tag, 'name') ?? ''),
      isHidden: state === 'hidden' || state === 'veryHidden',
      entry: target ? byName.get(target.replace(/^xl\/\.\.\//, '')) : undefined,
    });
  }
  const shared: string[] = [];
  for (const [, item] of text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
    shared.push(item === undefined ? '' : itemText(item));
  return { sheets, shared };
}

/** The XML text of a worksheet part, chunk by chunk, whole characters only, inflated as it is read. */
async function* sheetText(bytes: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw unreadable();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    yield data.toString('utf8');
    return;
  }
  if (entry.method !== 8) throw unreadable();
  const decoder = new StringDecoder('utf8');
  // Fed in slices, so inflating keeps only a little ahead of the rows read: a refusal stops it.
  const slices = function* () {
    for (let from = 0; from < data.length; from += 64 * 1024) yield data.subarray(from, from + 64 * 1024);
  };
  const inflate = Readable.from(slices()).pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
  let inflated = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > ledgerLimits.maxUncompressedBytes)
        throw tooBig('文件解压后过大，疑似异常文件，不予导入');
      const part = decoder.write(chunk);
      if (part !== '') yield part;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  } finally {
    inflate.destroy();
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const valuePattern = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;

/** The cells of one `<row>`'s inner XML, by column, and which of them are formulas; too wide: its width. */
function rowCells(
  xml: string,
  shared: readonly string[],
  maxColumns: number,
): { cells: LedgerCell[]; formulaColumns: number[] } | number {
  const cells: LedgerCell[] = [];
  const formulaColumns: number[] = [];
  let next = 0;
  /** Past the limit: the row's width, found without filling the cells in between. */
  let width = 0;
  for (const match of xml.matchAll(cellPattern)) {
    const tag = match[1]!;
    const body = match[2] ?? '';
    const ref = attribute(tag, 'r');
    const found = ref ? columnIndex(ref) : -1;
    const column = found >= 0 ? found : next;
    next = column + 1;
    const type = attribute(tag, 't') ?? 'n';
    const isFormula = body.includes('<f');
    const raw = valuePattern.exec(body)?.[1];
    let value: LedgerCell = null;
    if (type === 'inlineStr') value = body.includes('<is') ? itemText(body) : null;
    else if (raw !== undefined) {
      if (type === 's') value = shared[Number(raw)] ?? null;
      else if (type === 'str') value = unescapeXml(raw);
      else if (type === 'b') value = raw.trim() !== '0' && raw.trim() !== '';
      else if (type === 'e') value = null;
      else {
        const number = Number(raw);
        value = raw.trim() === '' || !Number.isFinite(number) ? null : number;
      }
    }
    if (value === null && !isFormula) continue;
    if (column >= maxColumns) width = Math.max(width, column + 1);
    if (width > 0) continue;
    if (isFormula) formulaColumns.push(column);
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  }
  if (width > 0) return width;
  // A formula without a cached result is an empty cell, as a reader without Excel's engine sees it.
  while (cells.length > 0 && cells.at(-1) === null) cells.pop();
  return { cells, formulaColumns };
}

/** Where the next `<row …>` or `<row>` tag starts at or after `from` (not `<rowBreaks>`), or -1. */
function nextRowTag(xml: string, from: number): number {
  let at = xml.indexOf('<row', from);
  while (at >= 0) {
    const after = xml.charCodeAt(at + 4);
    if (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)
      return at;
    if (Number.isNaN(after)) return -1;
    at = xml.indexOf('<row', at + 4);
  }
  return -1;
}

/**
 * Streams the rows of every visible worksheet of an .xlsx, in tab order, with each row's cells as
 * plain values: text (shared, inline or a formula's text result), numbers, booleans; a formula cell
 * gives its cached result and is named in `formulaColumns`; error values and empty cells are null.
 * Hidden and very hidden sheets are never read (`onHiddenSheet` hears of them). The worksheet XML is
 * inflated and scanned as it is read, rows counted on the way: past the row or column limit the
 * file is refused at once, without reading the rest.
 */
export async function* readLedgerRows(
  bytes: Buffer,
  options: ReadRowsOptions = {},
): AsyncGenerator<LedgerRow> {
  const maxRows = options.maxRows ?? ledgerLimits.maxRows;
  const maxColumns = options.maxColumns ?? ledgerLimits.maxColumns;
  const { sheets, shared } = readWorkbook(bytes);
  let rowsSeen = 0;
  for (const sheet of sheets) {
    if (sheet.isHidden) {
      options.onHiddenSheet?.(sheet.name);
      continue;
    }
    if (!sheet.entry) continue;
    let buffer = '';
    let inData = false;
    let lastRow = 0;
    for await (const text of sheetText(bytes, sheet.entry)) {
      buffer += text;
      let at = 0;
      if (!inData) {
        const open = buffer.indexOf('<sheetData');
        if (open < 0) {
          buffer = buffer.slice(Math.max(0, buffer.length - 16));
          continue;
        }
        inData = true;
        at = open;
      }
      let isSheetDone = false;
      // Once per chunk: searching for it per row would scan the rest of the chunk for every row.
      const dataEnd = buffer.indexOf('</sheetData>', at);
      for (;;) {
        const open = nextRowTag(buffer, at);
        if (dataEnd >= 0 && (open < 0 || dataEnd < open)) {
          isSheetDone = true;
          break;
        }
        if (open < 0) break;
        const close = buffer.indexOf('>', open);
        if (close < 0) break;
        const selfClosing = buffer.charCodeAt(close - 1) === 47; // '/'
        let end: number;
        let inner: string;
        if (selfClosing) {
          end = close + 1;
          inner = '';
        } else {
          const closeTag = buffer.indexOf('</row>', close);
          if (closeTag < 0) break;
          end = closeTag + 6;
          inner = buffer.slice(close + 1, closeTag);
        }
        const tag = buffer.slice(open, close);
        at = end;
        const stated = Number(attribute(tag, 'r'));
        const rowNumber = Number.isInteger(stated) && stated > 0 ? stated : lastRow + 1;
        lastRow = rowNumber;
        rowsSeen++;
        if (rowsSeen > maxRows) throw tooBig(`行数超过 ${maxRows}`);
        const read = rowCells(inner, shared, maxColumns);
        if (typeof read === 'number')
          throw tooBig(`工作表“${sheet.name}”第 ${rowNumber} 行有 ${read} 列，超过 ${maxColumns} 列上限`);
        yield { sheetName: sheet.name, rowNumber, ...read };
      }
      if (isSheetDone) break;
      buffer = buffer.slice(at);
    }
  }
}
