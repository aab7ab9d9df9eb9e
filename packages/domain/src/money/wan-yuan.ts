import { toHalfWidth } from '../ledger/text';
import { formatDecimal, parseDecimal } from './decimal';

/** Why a typed amount is not one: left blank, not a decimal with at most 4 places, or below zero. */
export type WanYuanProblem = 'blank' | 'format' | 'negative';

/** A typed amount read: the normalised decimal string, or the problem with it. */
export type WanYuanReading = { ok: true; value: string } | { ok: false; problem: WanYuanProblem };

const amountText = /^-?\d{1,14}(\.\d{1,4})?$/;
const groupedText = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Amount text as both money readers see it (the typed-amount parser here and the ledger's cell
 * reader): full-width digits and punctuation made half-width (`１２３．５`, `１，０００`), blanks
 * removed, and grouping commas dropped — only when they group the integer digits by three
 * (`1,000`, `12,345.5`); anything else with a comma (`1,0,00`, `12,34`) answers null: a typo, not an
 * amount. The ONE rule on how amounts may be typed, so a form, the CLI and a ledger accept or refuse
 * `１，０００` alike.
 */
export function amountTextOf(typed: string): string | null {
  const text = toHalfWidth(typed).replace(/[\s\u00a0]/g, '');
  if (!text.includes(',')) return text;
  return groupedText.test(text) ? text.replace(/,/g, '') : null;
}

/**
 * Reads an amount in 万元 as people type it (form field, CLI argument, JSON number): full-width
 * digits, `．`/`－`, blanks and commas grouping by three are tolerated ({@link amountTextOf}); at
 * most 14 integer digits and 4
 * decimals. Answers the normalised decimal ("0012.50" → "12.5", "-0" → "0") or why it is not an
 * amount. Negative amounts are refused unless `allowNegative` (a correction that lowers a month).
 * The one money parser: forms, contracts and CLI read amounts through it.
 */
export function parseWanYuan(
  typed: string | number | null | undefined,
  options: { allowNegative?: boolean } = {},
): WanYuanReading {
  if (typed === null || typed === undefined) return { ok: false, problem: 'blank' };
  const text = typeof typed === 'number' ? String(typed) : amountTextOf(typed);
  if (text === '') return { ok: false, problem: 'blank' };
  if (text === null || !amountText.test(text)) return { ok: false, problem: 'format' };
  const value = formatDecimal(parseDecimal(text));
  if (value.startsWith('-') && !options.allowNegative) return { ok: false, problem: 'negative' };
  return { ok: true, value };
}
