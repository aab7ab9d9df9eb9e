import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/tuijin.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-init-'));

/** Runs the real `tuijin` binary as a person would, feeding standard input. */
function tuijin(args: string[], input: string) {
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const env = { ...inherited, TUIJIN_DATA_DIR: dataDir };
  const result = spawnSync(process.execPath, [bin, ...args], {
    input,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

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
  it('writes nothing when one password is refused, then creates the three administrators once', () => {
    const refused = tuijin(initArgs, 'Admin#Pass2026\nSecur#Pass2026\nAudit#Pass2026\n');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('密码不能包含用户名');
    const done = tuijin(initArgs, 'Sys#Manager2026\nSec#Officer2026\nAud#Checker2026\n');
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('admin、security、auditor');
    const again = tuijin(initArgs, 'Sys#Manager2026\nSec#Officer2026\nAud#Checker2026\n');
    expect(again.code).toBe(1);
    expect(again.err).toContain('不能重复初始化');
  }, 120_000);

  it('insists on passwords from standard input', () => {
    const noPasswords = tuijin(initArgs.slice(0, -1), '');
    expect(noPasswords.code).toBe(2);
    expect(noPasswords.err).toContain('--passwords-stdin');
  }, 120_000);
});
