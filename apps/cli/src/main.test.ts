import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from './cli-test-kit';

// A copy of the directory `tuijin demo` (this CLI's own binary) loaded into an empty database for the
// run — a load that fails, or does not say 已载入演示辖区：宁德市, fails the run's set-up.
demoDataDir('tuijin-cli');

describe('tuijin CLI', () => {
  it('prints help listing its commands', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user']) expect(help.out).toContain(command);
  });

  it('exits 2 with a clear message on an unknown command or a bad role', async () => {
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
    const badRole = await runCli(
      'user',
      'add',
      'x1',
      '--name',
      'x',
      '--org',
      'y',
      '--role',
      'emperor',
      '--password',
      'a',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('emperor');
  });

  it('migrates, loads the demo only once, adds a user and resets a password', async () => {
    expect((await runCli('migrate')).code).toBe(0);
    const again = await runCli('demo');
    expect(again.code).toBe(0);
    expect(again.out).toContain('未重复载入');
    const added = await runCli(
      'user',
      'add',
      'wangfang',
      '--name',
      '王芳',
      '--org',
      '福安市重点项目建设办公室',
      '--role',
      'office_staff',
      '--password',
      'Fuan#Office2026',
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('wangfang');
    const reset = await runCli('user', 'reset-password', 'wangfang', '--password', 'Another#Pass2026');
    expect(reset.code).toBe(0);
  }, 300_000);

  it('lists the projects of a county as JSON, with totals equal to the rows', async () => {
    const listed = await runCli('projects', 'list', '--region', '350902', '--json');
    expect(listed.code).toBe(0);
    const result = JSON.parse(listed.out);
    expect(result.data.length).toBe(result.totals.count);
    expect(result.data.every((p: { regionCode: string }) => p.regionCode === '350902')).toBe(true);
    const bad = await runCli('projects', 'list', '--stage', 'flying');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--stage');
  });

  it('explains what is wrong with a user it cannot add', async () => {
    const noOrg = await runCli(
      'user',
      'add',
      'nobody1',
      '--name',
      '无',
      '--org',
      '不存在的单位',
      '--role',
      'owner',
      '--password',
      'Whatever#2026',
    );
    expect(noOrg.code).toBe(2);
    expect(noOrg.err).toContain('找不到单位');
    const weak = await runCli(
      'user',
      'add',
      'weakling',
      '--name',
      '弱',
      '--org',
      '宁德市人民政府',
      '--role',
      'leader',
      '--password',
      'abc',
    );
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('密码');
    const missing = await runCli('user', 'reset-password', 'ghost', '--password', 'Another#Pass2026');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ghost');
  });
});
