import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblems } from './password-rules';
import { defaultSecurityPolicy as policy } from './security-policy';

describe('passwordProblems', () => {
  it.each([
    { password: 'Tuijin#2026', problems: 0 },
    { password: 'short#1A', problems: 1 },
    { password: 'alllowercaseletters', problems: 1 },
    { password: 'lowercase123456', problems: 1 },
    { password: 'Lowercase123456', problems: 0 },
    { password: 'Jiaocheng#2026', username: 'jiaocheng', problems: 1 },
  ])('$password has $problems problem(s)', ({ password, username, problems }) => {
    expect(passwordProblems(password, username ?? 'someone', policy)).toHaveLength(problems);
  });

  it('counts character classes', () => {
    expect(characterClasses('aA1#')).toBe(4);
    expect(characterClasses('中文密码abc')).toBe(2);
  });
});
