import { openDatabase } from '@tuijin/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCliWithInput, scratchDataDir } from '../cli-test-kit';

const cityDir = scratchDataDir('tuijin-init');
const passwords = 'Sys#Manager2026\nSec#Officer2026\nAud#Checker2026\n';

/** The region chain and the administrators' region in a data directory `tuijin init` wrote. */
async function regionsIn(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    const regions = (await handle.db.execute(
      sql`select code, level, parent_code from regions order by path`,
    )) as unknown as { rows: { code: string; level: string; parent_code: string | null }[] };
    const admins = (await handle.db.execute(
      sql`select u.username, o.region_code from users u join organisations o on o.id = u.organisation_id
          order by u.username`,
    )) as unknown as { rows: { username: string; region_code: string }[] };
    return { regions: regions.rows, admins: admins.rows };
  } finally {
    await handle.close();
  }
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
  it('writes nothing when one password is refused, then creates the three administrators once', async () => {
    const refused = await runCliWithInput('Admin#Pass2026\nSecur#Pass2026\nAudit#Pass2026\n', ...initArgs);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('密码不能包含用户名');
    const shared = await runCliWithInput('Same#Pass2026x\nSame#Pass2026x\nAud#Checker2026\n', ...initArgs);
    expect(shared.code).toBe(2);
    expect(shared.err).toContain(
      '三员账号的初始密码须互不相同：系统管理员（admin）与安全管理员（security）的密码相同',
    );
    const done = await runCliWithInput(passwords, ...initArgs);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('admin、security、auditor');
    expect((await regionsIn(cityDir)).regions).toEqual([
      { code: '350000', level: 'province', parent_code: null },
      { code: '350900', level: 'city', parent_code: '350000' },
    ]);
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

const provinceArgs = [
  'init',
  '--region-code',
  '350000',
  '--region-name',
  '福建省',
  '--org',
  '福建省大数据服务中心',
];

describe('tuijin init of a province', () => {
  const provinceDir = scratchDataDir('tuijin-init-province');

  it('refuses a different province code for a province, then creates the province as the root', async () => {
    const contradicting = await runCliWithInput(
      passwords,
      ...provinceArgs,
      '--province-code',
      '330000',
      '--province-name',
      '浙江省',
      '--passwords-stdin',
    );
    expect(contradicting.code).not.toBe(0);
    expect(contradicting.err).toContain('不应另给所属省份');
    const done = await runCliWithInput(passwords, ...provinceArgs, '--passwords-stdin');
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const written = await regionsIn(provinceDir);
    expect(written.regions).toEqual([{ code: '350000', level: 'province', parent_code: null }]);
    expect(written.admins).toEqual([
      { username: 'admin', region_code: '350000' },
      { username: 'auditor', region_code: '350000' },
      { username: 'security', region_code: '350000' },
    ]);
  }, 120_000);
});

describe('tuijin init of a county', () => {
  const countyDir = scratchDataDir('tuijin-init-county');
  const countyArgs = [
    'init',
    '--region-code',
    '350981',
    '--region-name',
    '福安市',
    '--province-code',
    '350000',
    '--province-name',
    '福建省',
    '--org',
    '福安市大数据服务中心',
    '--passwords-stdin',
  ];

  it('asks for the city, then creates province, city and county', async () => {
    const noCity = await runCliWithInput(passwords, ...countyArgs);
    expect(noCity.code).not.toBe(0);
    expect(noCity.err).toContain('--city-code');
    const done = await runCliWithInput(
      passwords,
      ...countyArgs,
      '--city-code',
      '350900',
      '--city-name',
      '宁德市',
    );
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const written = await regionsIn(countyDir);
    expect(written.regions).toEqual([
      { code: '350000', level: 'province', parent_code: null },
      { code: '350900', level: 'city', parent_code: '350000' },
      { code: '350981', level: 'county', parent_code: '350900' },
    ]);
    expect(written.admins.map((a) => a.region_code)).toEqual(['350981', '350981', '350981']);
  }, 120_000);
});
