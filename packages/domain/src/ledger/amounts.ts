import { amountTextOf } from '../money/wan-yuan';
import { cleanText, type LedgerCell, toHalfWidth } from './text';

/** The money units ledgers use: 元, 万元 (the unit amounts are stored in) and 亿元. */
export const amountUnits = ['yuan', 'wanYuan', 'yiYuan'] as const;
export type AmountUnit = (typeof amountUnits)[number];

/** Decimal places kept on an amount in 万元 (0.000001 万元 = 0.01 元, one fen). */
export const ledgerAmountDecimals = 4;

const unitByWord: Record<string, AmountUnit> = {
  元: 'yuan',
  万元: 'wanYuan',
  万: 'wanYuan',
  亿元: 'yiYuan',
  亿: 'yiYuan',
};
/** Power of ten from the unit to 万元. */
const shiftToWanYuan: Record<AmountUnit, number> = { yuan: -4, wanYuan: 0, yiYuan: 4 };

const unitWord = '(亿元|万元|元)(?!\\p{Script=Han})';
/** `单位：万元`, `金额单位:亿元`; not `填报单位：…`, `建设单位：…` and the like, which name an organisation. */
const afterUnitLabel = new RegExp(
  `(?<!填报|填表|建设|责任|业主|牵头|实施|报送|制表|主管|项目|承办|配合|申报|主体)单位:?${unitWord}`,
  'u',
);
const inBrackets = /[([【](亿元|万元|元)[)\]】]/;
const afterSlash = /\/(亿元|万元|元)$/;

/**
 * The money unit a units line or a header cell declares, or null when it names none. Reads
 * `单位：万元`, `单位: 亿元`, `（单位：元）`, `金额单位：万元`, a unit in brackets after a column name
 * (`总投资（亿元）`, `总投资(万元)`, `年度计划投资\n（万元）`) and `总投资/万元`. Full-width forms and
 * blanks (line breaks included) are ignored; organisation labels such as `填报单位：` are not units.
 */
export function parseUnitFromText(text: LedgerCell | undefined): AmountUnit | null {
  if (typeof text !== 'string') return null;
  const compact = toHalfWidth(text).replace(/\s+/g, '');
  const match = afterUnitLabel.exec(compact) ?? inBrackets.exec(compact) ?? afterSlash.exec(compact);
  return match ? (unitByWord[match[1]!] ?? null) : null;
}

/** An amount read from a cell: exact 万元 as a decimal string, or null with a problem, or neither. */
export interface ParsedAmount {
  wanYuan: string | null;
  problem: string | null;
}

const unknown: ParsedAmount = { wanYuan: null, problem: null };
const unreadable = (shown: string): ParsedAmount => ({ wanYuan: null, problem: `无法识别的金额：${shown}` });
const negative = (shown: string): ParsedAmount => ({ wanYuan: null, problem: `金额不能为负数：${shown}` });

/** Blank-like placeholders meaning "not known": `-`, `—`, `–`, `/`, `\`, repeated or mixed. */
const placeholder = /^[-–—―/\\]+$/;
const withUnit = /^(.+?)(亿元|万元|元|亿|万)?$/;
const decimal = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;

/** A non-negative decimal (optionally with an exponent) as digits × 10^exponent, or null. */
function readDecimal(text: string): { digits: bigint; exponent: number } | null {
  const plain = amountTextOf(text);
  const match = plain === null ? null : decimal.exec(plain);
  if (!match) return null;
  const [, whole = '', fraction = '', power = '0'] = match;
  if (whole === '' && fraction === '') return null;
  return { digits: BigInt(`${whole}${fraction}` || '0'), exponent: Number(power) - fraction.length };
}

/** digits × 10^exponent in `unit`, as 万元 rounded half up to `ledgerAmountDecimals` places. */
function toWanYuan(digits: bigint, exponent: number, unit: AmountUnit): string {
  const shift = exponent + shiftToWanYuan[unit] + ledgerAmountDecimals;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = (digits + divisor / 2n) / divisor;
  }
  const text = scaled.toString().padStart(ledgerAmountDecimals + 1, '0');
  const whole = text.slice(0, -ledgerAmountDecimals);
  const fraction = text.slice(-ledgerAmountDecimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * A cell as an exact amount in 万元, never through binary floating point arithmetic.
 *
 * - Empty, blank, `-`, `—`, `/` → `{ wanYuan: null }`: not known, which is never the same as 0.
 * - A number cell is read from its shortest decimal spelling (`String(n)`), then scaled by moving
 *   the decimal point; a formula's float noise (`0.30000000000000004`) rounds away.
 * - Text may carry thousands separators (`189,000`, `130,000.00`, only in groups of three), stray
 *   blanks (`300 `, `3. 5`), full-width digits and punctuation (`１２３．５`, `８.９７亿元`).
 * - A unit written in the cell wins (`8.97亿元` → 89700, `4000万元` → 4000, `5000000元` → 500, also
 *   bare `亿`/`万`); otherwise `fallbackUnit`, which the caller resolves as column header unit, else
 *   sheet units line, else null meaning 万元.
 * - The result has no leading zeros, no trailing decimal zeros, and at most four decimals (the
 *   precision of the project tables; rounded half up beyond that).
 * - A negative amount, or text that is not a plain number (`约3亿`, `TRUE`, a date) is a problem in
 *   plain Chinese (`无法识别的金额：约3亿`, `金额不能为负数：-5`).
 */
export function parseAmount(value: LedgerCell | undefined, fallbackUnit: AmountUnit | null): ParsedAmount {
  const unit = fallbackUnit ?? 'wanYuan';
  if (value === null || value === undefined) return unknown;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return unreadable(String(value));
    if (value < 0) return negative(String(value));
    const read = readDecimal(String(value));
    return read
      ? { wanYuan: toWanYuan(read.digits, read.exponent, unit), problem: null }
      : unreadable(String(value));
  }
  const shown = cleanText(value);
  if (shown === null) return unknown;
  if (typeof value !== 'string') return unreadable(shown);
  const compact = toHalfWidth(shown).replace(/\s+/g, '');
  if (placeholder.test(compact)) return unknown;
  const [, body = '', word] = withUnit.exec(compact) ?? [];
  const ownUnit = word ? unitByWord[word] : undefined;
  const magnitude = body.startsWith('-') ? readDecimal(body.slice(1)) : null;
  if (magnitude) return magnitude.digits === 0n ? { wanYuan: '0', problem: null } : negative(shown);
  const read = readDecimal(body);
  if (!read) return unreadable(shown);
  return { wanYuan: toWanYuan(read.digits, read.exponent, ownUnit ?? unit), problem: null };
}
