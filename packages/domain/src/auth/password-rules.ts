import type { ErrorDetail } from '../errors';
import type { SecurityPolicy } from './security-policy';

/** Counts the character classes (lower case, upper case, digit, other) a password uses. */
export function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/**
 * Problems with a new password under the policy: too short, too few character classes, or
 * containing the username (等保 level-3 complexity). Empty when acceptable.
 */
export function passwordProblems(
  password: string,
  username: string,
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>,
  path = 'password',
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
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ path, message: '密码不能包含用户名' });
  }
  return problems;
}
