import { describe, expect, it } from 'vitest';
import { runCliWithInput, scratchDataDir } from '../cli-test-kit';

scratchDataDir('tuijin-init');

const initArgs = [
  'init',
  '--region-code',
  '350900',
  '--region-name',
  '宁德市',
  '--province-code',
  '350000',
  '--province-name',
  '福建省',
  '--org',
  '宁德市大数据服务中心',
  '--passwords-stdin',
];

describe('tuijin init', () => {
  it('writes nothing when one password is refused, then creates the three administrators once', async () => {
    const refused = await runCliWithInput('Admin#Pass2026\nSecur#Pass2026\nAudit#Pass2026\n', ...initArgs);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('密码不能包含用户名');
    const done = await runCliWithInput('Sys#Manager2026\nSec#Officer2026\nAud#Checker2026\n', ...initArgs);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('admin、security、auditor');
    const again = await runCliWithInput('Sys#Manager2026\nSec#Officer2026\nAud#Checker2026\n', ...initArgs);
    expect(again.code).toBe(1);
    expect(again.err).toContain('不能重复初始化');
  }, 120_000);

  it('insists on passwords from standard input', async () => {
    const noPasswords = await runCliWithInput('', ...initArgs.slice(0, -1));
    expect(noPasswords.code).toBe(2);
    expect(noPasswords.err).toContain('--passwords-stdin');
  });

  it('says so when standard input ends before the third password', async () => {
    const short = await runCliWithInput('Sys#Manager2026\nSec#Officer2026\n', ...initArgs);
    expect(short.code).toBe(2);
    expect(short.err).toContain('须有三行密码');
  });
});
