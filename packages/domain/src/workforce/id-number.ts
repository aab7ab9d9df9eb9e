/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and a
 * check character computed by ISO 7064 MOD 11-2 over the first 17 digits.
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

/** Why a typed ID number is refused. */
export type IdNumberProblem = 'blank' | 'format' | 'checksum' | 'birthDate' | 'future';

export type IdNumberReading =
  | { ok: true; value: string; birthDate: string }
  | { ok: false; problem: IdNumberProblem };

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

const toHalfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/**
 * Reads a 居民身份证号码: full-width digits and inner spaces are tolerated, a lower-case x is read
 * as X; it must be 17 digits and a check character (digit or X) that MOD 11-2 gives, its birth
 * date (characters 7–14) a real date from 1900 on and not after `today` (YYYY-MM-DD).
 */
export function checkIdNumber(text: string | null | undefined, today: string): IdNumberReading {
  const value = toHalfWidth(text ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (value === '') return { ok: false, problem: 'blank' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { ok: false, problem: 'birthDate' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'future' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, value, birthDate };
}

/** The zh-CN words of each problem, for forms, import rows and API errors. */
export const idNumberProblemMessages: Record<IdNumberProblem, string> = {
  blank: '身份证号码为空',
  format: '身份证号码应为 18 位：17 位数字加 1 位校验码（数字或 X）',
  checksum: '身份证号码校验码不正确，请核对',
  birthDate: '身份证号码中的出生日期不是有效日期',
  future: '身份证号码中的出生日期晚于今天',
};

/**
 * 脱敏: keeps the first 3 and last 4 characters (`350***********1234`); anything too short to keep
 * both is fully starred.
 */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/**
 * A valid ID number made from its parts (address code, birth date YYYYMMDD, 3-digit sequence):
 * the check character appended. For demo rosters and tests, never for real people.
 */
export function composeIdNumber(addressCode: string, birth: string, sequence: number): string {
  const first17 = `${addressCode}${birth}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of `0-9 A-H J-N P-R T U W-Y`, the last a check
 * character: 31 − (Σ value×weight mod 31), 31 read as 0. Answers the normalised code or the problem.
 */
export function checkCreditCode(
  text: string,
): { ok: true; value: string } | { ok: false; problem: 'format' | 'checksum' } {
  const value = toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
  if (value.length !== 18 || [...value].some((c) => !creditChars.includes(c)))
    return { ok: false, problem: 'format' };
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += creditChars.indexOf(value[i]!) * creditWeights[i]!;
  const check = (31 - (sum % 31)) % 31;
  if (creditChars[check] !== value[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, value };
}

/** A valid 统一社会信用代码 from its first 17 characters (demo data and tests). */
export function composeCreditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += creditChars.indexOf(first17[i]!) * creditWeights[i]!;
  return `${first17}${creditChars[(31 - (sum % 31)) % 31]}`;
}
