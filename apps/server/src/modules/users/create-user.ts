import type { CreateUser } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  authorizeRoleChange,
  isAdminRole,
  isSystemActor,
  roleOrganisationProblems,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { users } from '../../db/schema';
import { recordAudit } from '../audit';
import { assertPasswordAcceptable, hashPassword, rememberPassword } from '../auth';
import { getOrganisation } from '../organisations';
import { getSecurityPolicy } from '../security';
import { getUser } from './users.queries';

/** The organisation a person is assigned to: visible to the actor, and matching the roles. */
export async function organisationForRoles(ctx: Ctx, organisationId: string, roles: CreateUser['roles']) {
  const organisation = await getOrganisation(ctx.db, ctx.actor, organisationId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION_FAILED', '所属单位不存在或不在本辖区', [
        { path: 'organisationId', message: '所属单位不存在或不在本辖区' },
      ]);
    }
    throw error;
  });
  const problems = roleOrganisationProblems(roles, organisation.kind);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
  return organisation;
}

export async function assertUsernameFree(db: Queryable, username: string) {
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (clash)
    throw new AppError('CONFLICT', `用户名 ${username} 已被使用`, [
      { path: 'username', message: '用户名已被使用' },
    ]);
}

/**
 * 三权分立: an administrator account (system, security or audit admin) is never created through the
 * app — whoever chose its first password could sign in as that administrator. It is created on the
 * server (`tuijin init`, `tuijin user add`, audited as system); a try through the app is refused
 * (FORBIDDEN) and recorded in the audit log.
 */
async function refuseAdminAccountCreation(ctx: Ctx, input: CreateUser) {
  const adminRoles = input.roles.filter(isAdminRole);
  if (adminRoles.length === 0 || isSystemActor(ctx.actor)) return;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'user.change.refused',
      entityType: 'user',
      regionPath: ctx.actor.regionPath,
      detail: {
        attempted: 'create',
        reason: 'adminAccount',
        username: input.username,
        targetRoles: input.roles,
      },
    }),
  );
  const message = '管理员账号不能在系统内创建，请在服务器上使用 tuijin user add 创建';
  throw new AppError('FORBIDDEN', message, [{ path: 'roles', message, issue: 'account.adminAccount' }]);
}

/**
 * Creates an account in an organisation of the actor's jurisdiction with an initial password that
 * must be changed at first login. Roles follow 三权分立 (see authorizeRoleChange).
 */
export async function createUser(ctx: Ctx, input: CreateUser) {
  await refuseAdminAccountCreation(ctx, input);
  const organisation = await organisationForRoles(ctx, input.organisationId, input.roles);
  authorize(ctx.actor, 'user.read', { regionPath: organisation.regionPath, organisationId: organisation.id });
  authorizeRoleChange(ctx.actor, '', [], input.roles);
  await assertPasswordAcceptable(ctx.db, {
    password: input.password,
    username: input.username,
    path: 'password',
  });
  await assertUsernameFree(ctx.db, input.username);
  const policy = await getSecurityPolicy(ctx.db);
  const passwordHash = await hashPassword(input.password, policy.passwordHashAlgorithm);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phone: input.phone,
        organisationId: organisation.id,
        roles: input.roles,
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    await rememberPassword(tx, row!.id, passwordHash, now);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      regionPath: organisation.regionPath,
      changes: {
        username: { before: null, after: input.username },
        displayName: { before: null, after: input.displayName },
        organisationId: { before: null, after: organisation.id },
        roles: { before: null, after: input.roles },
      },
    });
    return row!.id;
  });
  return getUser(ctx.db, ctx.actor, id);
}
