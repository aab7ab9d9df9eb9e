import { describe, expect, it } from 'vitest';
import { characterClasses, containsUsername, isBlockedPassword, passwordProblems } from './password-rules';
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

  it('refuses the demo password only when told to (outside demo mode)', () => {
    expect(passwordProblems('Tuijin#2026', 'someone', policy)).toEqual([]);
    expect(passwordProblems('Tuijin#2026', 'someone', policy, 'newPassword', ['Tuijin#2026'])).toEqual([
      { path: 'newPassword', message: '密码过于常见或容易猜到（在弱密码表中），请换一个' },
    ]);
  });

  it('says which rule a password breaks', () => {
    const messages = passwordProblems('P@ssw0rd2026!', 'someone', policy).map((p) => p.message);
    expect(messages).toEqual(['密码过于常见或容易猜到（在弱密码表中），请换一个']);
    expect(passwordProblems('Gnehcoaij#2026', 'jiaocheng', policy)[0]?.message).toContain('用户名');
  });

  it('counts character classes', () => {
    expect(characterClasses('aA1#')).toBe(4);
    expect(characterClasses('中文密码abc')).toBe(2);
  });
});

describe('isBlockedPassword', () => {
  it.each([
    ['123456', true],
    ['Password1!', true],
    ['PASSWORD2026!', true],
    ['P@ssw0rd', true],
    ['#Admin2026', true],
    ['Qwer@1234', true],
    ['1qaz@WSX', true],
    ['woaini1314', true],
    ['Huawei@123', true],
    ['Better#Pass2026', false],
    ['Tuijin#2026', false],
    ['Lan-shan7#river', false],
  ])('%s blocked: %s', (password, expected) => {
    expect(isBlockedPassword(password)).toBe(expected);
  });
});

describe('containsUsername', () => {
  it.each([
    ['Zhangsan#2026', 'zhangsan', true],
    ['ZHANGSAN-2026x', 'zhangsan', true],
    ['nasgnahz#2026X', 'zhangsan', true],
    ['Zh@ngs4n#2026', 'zhangsan', true],
    ['Lan-shan7#river', 'zhangsan', false],
    ['Ab#2026cdefg', 'ab', false],
  ])('%s contains %s: %s', (password, username, expected) => {
    expect(containsUsername(password, username)).toBe(expected);
  });
});
