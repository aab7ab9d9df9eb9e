import { AppError, levelOfGbCode } from '@tuijin/domain';
import { count } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { users } from '../../db/schema';
import { createOrganisation } from '../organisations';
import { createRegion } from '../regions';
import { createUser } from '../users';

export interface InitialiseInput {
  /** The root of the deployment's jurisdiction, e.g. 350900 宁德市, and optionally its province. */
  region: { code: string; name: string };
  province?: { code: string; name: string } | undefined;
  /** The unit the three administrators belong to (an information centre, usually). */
  organisationName: string;
  passwords: { admin: string; security: string; auditor: string };
}

/**
 * Production set-up: on a database with no accounts, creates the jurisdiction root, the
 * administrators' organisation and the three 三权分立 accounts (`admin`, `security`, `auditor`)
 * with passwords chosen here, which must be changed at first login. No default credentials exist.
 */
export async function initialiseInstallation(outer: Ctx, input: InitialiseInput) {
  // One transaction around every step: a bad password leaves no half-made jurisdiction behind.
  return outer.db.transaction(async (tx) => initialiseIn({ ...outer, db: tx as unknown as Database }, input));
}

async function initialiseIn(ctx: Ctx, input: InitialiseInput) {
  const [existing] = await ctx.db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) throw new AppError('CONFLICT', '系统已初始化（已有账号），不能重复初始化');
  const level = levelOfGbCode(input.region.code);
  if (!level)
    throw new AppError('VALIDATION_FAILED', `区划代码 ${input.region.code} 不是 6 位 GB/T 2260 代码`);
  if (level !== 'province' && !input.province) {
    throw new AppError(
      'VALIDATION_FAILED',
      '市、县级辖区须同时给出所属省份（--province-code、--province-name）',
    );
  }
  if (input.province) {
    await createRegion(ctx, {
      code: input.province.code,
      name: input.province.name,
      level: 'province',
      parentCode: null,
    });
  }
  const parentCode = input.province?.code ?? null;
  if (level !== 'province') {
    if (level === 'county') {
      throw new AppError('VALIDATION_FAILED', '请以市级或省级区划初始化，县级区划随后由系统管理员添加');
    }
    await createRegion(ctx, { code: input.region.code, name: input.region.name, level, parentCode });
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
