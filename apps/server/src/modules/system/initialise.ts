import { AppError, levelOfGbCode } from '@tuijin/domain';
import { count } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { users } from '../../db/schema';
import { createOrganisation } from '../organisations';
import { createRegion } from '../regions';
import { createUser } from '../users';

export interface InitialiseInput {
  /** The root of the deployment's jurisdiction: a province (350000 福建省), a city or a county. */
  region: { code: string; name: string };
  /** The province a city or county jurisdiction lies in (not given for a province). */
  province?: { code: string; name: string } | undefined;
  /** The city a county jurisdiction lies in (only for a county). */
  city?: { code: string; name: string } | undefined;
  /** The unit the three administrators belong to (an information centre, usually). */
  organisationName: string;
  passwords: { admin: string; security: string; auditor: string };
}

/**
 * Production set-up: on a database with no accounts, creates the region chain down to the
 * jurisdiction root (province; province → city; province → city → county), the administrators'
 * organisation and the three 三权分立 accounts (`admin`, `security`, `auditor`) with passwords
 * chosen here, which must be changed at first login. No default credentials exist.
 */
export async function initialiseInstallation(outer: Ctx, input: InitialiseInput) {
  refuseSharedAdminPasswords(input.passwords);
  // One transaction around every step: a bad password leaves no half-made jurisdiction behind.
  return outer.db.transaction(async (tx) => initialiseIn({ ...outer, db: tx as unknown as Database }, input));
}

const adminTitles = { admin: '系统管理员', security: '安全管理员', auditor: '审计管理员' } as const;

/**
 * 三权分立 means three people: one password for two of the three administrators would let one
 * person act as both, so `init` refuses it (issue 20 item 7), naming the two accounts.
 */
export function refuseSharedAdminPasswords(passwords: InitialiseInput['passwords']) {
  const names = Object.keys(adminTitles) as (keyof typeof adminTitles)[];
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      if (passwords[a] !== passwords[b]) continue;
      const message = `三员账号的初始密码须互不相同：${adminTitles[a]}（${a}）与${adminTitles[b]}（${b}）的密码相同`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: `passwords.${b}`, message }]);
    }
  }
}

/**
 * The regions to create, root first, for a jurisdiction at `level`: a province alone, a city under
 * its province, a county under its province's city. Throws VALIDATION_FAILED naming the missing or
 * contradicting option.
 */
function regionChain(
  level: 'province' | 'city' | 'county',
  input: InitialiseInput,
): { code: string; name: string; level: 'province' | 'city' | 'county' }[] {
  const { region, province, city } = input;
  if (level === 'province') {
    // A province is its own root; an identical --province-code is harmless, another one is a mistake.
    if (province && province.code !== region.code) {
      throw new AppError('VALIDATION_FAILED', `省级辖区 ${region.code} 不应另给所属省份 ${province.code}`, [
        { path: 'province.code', message: '省级辖区无需所属省份' },
      ]);
    }
    if (city) {
      throw new AppError('VALIDATION_FAILED', '省级辖区无需所属城市（--city-code）', [
        { path: 'city.code', message: '省级辖区无需所属城市' },
      ]);
    }
    return [{ ...region, level: 'province' }];
  }
  if (!province) {
    throw new AppError(
      'VALIDATION_FAILED',
      '市、县级辖区须同时给出所属省份（--province-code、--province-name）',
      [{ path: 'province.code', message: '须给出所属省份' }],
    );
  }
  const provinceRow = { ...province, level: 'province' as const };
  if (level === 'city') {
    if (city) {
      throw new AppError('VALIDATION_FAILED', '市级辖区无需所属城市（--city-code）', [
        { path: 'city.code', message: '市级辖区无需所属城市' },
      ]);
    }
    return [provinceRow, { ...region, level: 'city' }];
  }
  if (!city) {
    throw new AppError('VALIDATION_FAILED', '县级辖区须同时给出所属城市（--city-code、--city-name）', [
      { path: 'city.code', message: '须给出所属城市' },
    ]);
  }
  return [provinceRow, { ...city, level: 'city' }, { ...region, level: 'county' }];
}

async function initialiseIn(ctx: Ctx, input: InitialiseInput) {
  const [existing] = await ctx.db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) throw new AppError('CONFLICT', '系统已初始化（已有账号），不能重复初始化');
  const level = levelOfGbCode(input.region.code);
  if (!level)
    throw new AppError('VALIDATION_FAILED', `区划代码 ${input.region.code} 不是 6 位 GB/T 2260 代码`);
  let parentCode: string | null = null;
  for (const link of regionChain(level, input)) {
    // createRegion checks each code's shape against its level and its parent's prefix.
    await createRegion(ctx, { code: link.code, name: link.name, level: link.level, parentCode });
    parentCode = link.code;
  }
  const organisation = await createOrganisation(ctx, {
    name: input.organisationName,
    kind: 'other',
    regionCode: input.region.code,
    sector: null,
    contactPerson: null,
    contactPhone: null,
  });
  const accounts = [
    {
      username: 'admin',
      displayName: '系统管理员',
      role: 'system_admin' as const,
      password: input.passwords.admin,
    },
    {
      username: 'security',
      displayName: '安全管理员',
      role: 'security_admin' as const,
      password: input.passwords.security,
    },
    {
      username: 'auditor',
      displayName: '审计管理员',
      role: 'audit_admin' as const,
      password: input.passwords.auditor,
    },
  ];
  for (const account of accounts) {
    await createUser(ctx, {
      username: account.username,
      displayName: account.displayName,
      phone: null,
      organisationId: organisation.id,
      roles: [account.role],
      password: account.password,
    });
  }
  return accounts.map((a) => a.username);
}
