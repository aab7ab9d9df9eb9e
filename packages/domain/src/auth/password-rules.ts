import type { ErrorDetail } from '../errors';
import { commonPasswords, weakWords } from './common-passwords';
import type { SecurityPolicy } from './security-policy';

/** Counts the character classes (lower case, upper case, digit, other) a password uses. */
export function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

const substitutions: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};
const blocked = new Set(commonPasswords.map((p) => p.toLowerCase()));
const weak = new Set(weakWords);

/** Lower case with the usual look-alike substitutions undone (`P@ssw0rd` → `password`). */
function unleet(text: string): string {
  return [...text.toLowerCase()].map((c) => substitutions[c] ?? c).join('');
}

/** The password's core: lower case, leading and trailing digits and symbols removed, look-alikes undone. */
function core(password: string): string {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  return unleet(trimmed);
}

/**
 * Whether the password is on the shipped blocklist (case-insensitive), or is a weak word dressed
 * with digits and symbols around it (`Password2026!`), or is one of `extraBlocked` (the published
 * demo password outside demo mode), compared case-insensitively.
 */
export function isBlockedPassword(password: string, extraBlocked: readonly string[] = []): boolean {
  const lower = password.toLowerCase();
  if (blocked.has(lower) || blocked.has(unleet(lower))) return true;
  if (weak.has(core(password))) return true;
  return extraBlocked.some((p) => p.toLowerCase() === lower);
}

/**
 * Whether the password contains the username or an obvious variant of it: reversed, with
 * look-alike characters (`Z4ngs@n` for zhangsan), or in another case. Usernames under 3 characters
 * are not checked (they would refuse too much).
 */
export function containsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  if (name.length < 3) return false;
  const lower = password.toLowerCase();
  const plain = unleet(lower);
  const reversed = [...name].reverse().join('');
  return [name, reversed].some((variant) => lower.includes(variant) || plain.includes(unleet(variant)));
}

/**
 * Problems with a new password under the policy: too short, too few character classes, containing
 * the username or a variant of it, or on the blocklist (等保 level-3 complexity; issue 20 item 7).
 * `extraBlocked` adds passwords refused here only (the published demo password outside demo mode).
 * Empty when acceptable.
 */
export function passwordProblems(
  password: string,
  username: string,
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>,
  path = 'password',
  extraBlocked: readonly string[] = [],
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if ([...password].length < policy.passwordMinLength) {
    problems.push({ path, message: `密码至少 ${policy.passwordMinLength} 位` });
  }
  if (characterClasses(password) < policy.passwordMinClasses) {
    problems.push({
      path,
      message: `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`,
    });
  }
  if (containsUsername(password, username)) {
    problems.push({ path, message: '密码不能包含用户名（含倒序、大小写或形近字符变体）' });
  }
  if (isBlockedPassword(password, extraBlocked)) {
    problems.push({ path, message: '密码过于常见或容易猜到（在弱密码表中），请换一个' });
  }
  return problems;
}
