/**
 * One cell of a ledger (台账) row as the spreadsheet reader hands it over: text, a number, a
 * boolean, a date, or null for an empty cell. Formula cells arrive as their cached result.
 */
export type LedgerCell = string | number | boolean | Date | null;

const lineBreaks = /\s*(?:\r\n|[\r\n\u2028\u2029])+\s*/;
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;
const chineseEnd = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const chineseStart = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Full-width ASCII forms (U+FF01–FF5E: `１２３．５`, `（`, `：`, `－`, `～`) and the ideographic
 * space U+3000 turned into their half-width twins, so number and date rules see one alphabet.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as clean text, or null when nothing is left. Leading and trailing blanks go (ASCII,
 * full-width U+3000, no-break U+00A0, zero-width); a line break inside the text disappears where
 * Chinese meets Chinese (`项目\n名称` → `项目名称`, `年度计划投资\n（万元）` → `年度计划投资（万元）`)
 * and becomes one space elsewhere (`Phase\nII` → `Phase II`); other runs of blanks become one
 * space. Numbers print as written (`2024`), booleans as `true`/`false`, dates as `YYYY-MM-DD` read
 * in UTC (how the reader delivers Excel dates).
 */
export function cleanText(value: LedgerCell | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    text = `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  } else {
    text = String(value);
  }
  const parts = text
    .replace(zeroWidth, '')
    .split(lineBreaks)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
  let joined = '';
  for (const part of parts) {
    if (joined === '') joined = part;
    else joined += chineseEnd.test(joined) && chineseStart.test(part) ? part : ` ${part}`;
  }
  // Our own exports (and careful offices) neutralise text that would start a formula with a
  // leading apostrophe (`'=…`, see neutraliseCellText); reading it back, the apostrophe goes.
  const unquoted = neutralisedQuote.test(joined) ? joined.slice(1).trim() : joined;
  return unquoted === '' ? null : unquoted;
}

const neutralisedQuote = /^'(?=[=+\-@\s])/;

const levelMarks = /^[\s★☆■□●▲◆]+|[\s★☆■□●▲◆]+$/g;

/**
 * Reads the 省重点 mark offices put on a project name: any of ★ ☆ ■ □ ● ▲ ◆ at the start or the
 * end of the name (`★青拓不锈钢项目`, `宁德时代项目■`) marks it provincial; the marks and the blanks
 * around them are stripped. A mark inside the name is part of the name and stays.
 */
export function stripLevelMarker(name: string): { name: string; isProvincial: boolean } {
  const stripped = name.replace(levelMarks, '');
  return { name: cleanText(stripped) ?? '', isProvincial: stripped !== name.trim() };
}
