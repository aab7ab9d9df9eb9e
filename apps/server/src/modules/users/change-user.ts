import type { ResetPassword, SetUserActive, SetUserRoles, UpdateUser } from '@tuijin/contracts';
import {
  type AccountAction,
  type AuditAction,
  accountChangeRefusal,
  accountChangerOf,
  authorizeAccountChange,
  authorizeRoleChange,
} from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Transaction } from '../../db/database';
import { loginAttempts, users } from '../../db/schema';
import { announceChange } from '../../lib/process-cache';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  assertPasswordAcceptable,
  hashPassword,
  rememberPassword,
  removeTwoFactor,
  revokeUserSessions,
} from '../auth';
import { getSecurityPolicy } from '../security';
import { organisationForRoles } from './create-user';
import { getUser, type UserView } from './users.queries';

type Patch = Partial<typeof users.$inferInsert>;

/**
 * Applies a versioned change to one user in a transaction with its audit event; a stale version
 * is a CONFLICT. `after` runs inside the same transaction (e.g. ending the user's sessions). After
 * the commit every process forgets the user's kept sessions, so the change holds from the next request.
 */
async function changeUser(
  ctx: Ctx,
  current: UserView,
  version: number | null,
  patch: Patch,
  audit: { action: AuditAction; changes: ReturnType<typeof diffChanges>; regionPath?: string },
  after?: (tx: Transaction) => Promise<void>,
) {
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: users,
      where: eq(users.id, current.id),
      // Without a version from the caller (a password reset), the change applies to the version read.
      version: version ?? current.version,
      set: { ...patch, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: audit.action,
        entityType: 'user',
        entityId: current.id,
        regionPath: audit.regionPath ?? current.regionPath,
        changes: audit.changes,
      }),
    });
    await after?.(tx);
  });
  await announceChange(ctx.db, { topic: 'sessions', userId: current.id });
  return getUser(ctx.db, ctx.actor, current.id);
}

/**
 * Refuses an account change the actor may not make (三权分立, see accountChangeRefusal) and records
 * the refused attempt in the audit log, so a try at taking over an administrator account is visible.
 */
async function guardAccountChange(ctx: Ctx, current: UserView, action: AccountAction) {
  const refusal = accountChangeRefusal(
    accountChangerOf(ctx.actor),
    { userId: current.id, roles: current.roles },
    action,
  );
  if (!refusal) return;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'user.change.refused',
      entityType: 'user',
      entityId: current.id,
      regionPath: current.regionPath,
      detail: { attempted: action, reason: refusal, targetRoles: current.roles },
    }),
  );
  authorizeAccountChange(ctx.actor, { userId: current.id, roles: current.roles }, action);
}

/** Edits name, phone and organisation. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUser) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'update');
  const organisation = await organisationForRoles(ctx, input.organisationId, current.roles);
  const next = { displayName: input.displayName, phone: input.phone, organisationId: organisation.id };
  const before = {
    displayName: current.displayName,
    phone: current.phone,
    organisationId: current.organisationId,
  };
  return changeUser(ctx, current, input.version, next, {
    action: 'user.update',
    changes: diffChanges(before, next),
    regionPath: organisation.regionPath,
  });
}

/** Replaces the user's roles under 三权分立; takes effect on the user's next request. */
export async function setUserRoles(ctx: Ctx, id: string, input: SetUserRoles) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'setRoles');
  authorizeRoleChange(ctx.actor, id, current.roles, input.roles);
  await organisationForRoles(ctx, current.organisationId, input.roles);
  return changeUser(
    ctx,
    current,
    input.version,
    { roles: input.roles },
    {
      action: 'user.roles.update',
      changes: diffChanges({ roles: current.roles }, { roles: input.roles }),
    },
  );
}

/** Enables or disables an account; disabling ends its sessions at once. */
export async function setUserActive(ctx: Ctx, id: string, input: SetUserActive) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'setActive');
  return changeUser(
    ctx,
    current,
    input.version,
    { isActive: input.isActive },
    {
      action: input.isActive ? 'user.enable' : 'user.disable',
      changes: diffChanges({ isActive: current.isActive }, { isActive: input.isActive }),
    },
    input.isActive ? undefined : (tx) => revokeUserSessions(tx, id, ctx.clock.now()),
  );
}

/** Sets a new password the user must change at next login, and ends their sessions. */
export async function resetUserPassword(ctx: Ctx, id: string, input: ResetPassword) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'resetPassword');
  // A reset is a temporary password the user must change at once: history is checked at that change.
  await assertPasswordAcceptable(ctx.db, {
    password: input.newPassword,
    username: current.username,
    path: 'newPassword',
  });
  const policy = await getSecurityPolicy(ctx.db);
  const passwordHash = await hashPassword(input.newPassword, policy.passwordHashAlgorithm);
  const now = ctx.clock.now();
  await changeUser(
    ctx,
    current,
    null,
    { passwordHash, passwordChangedAt: now, mustChangePassword: true },
    { action: 'user.password.reset', changes: { password: { before: '***', after: '***' } } },
    async (tx) => {
      await rememberPassword(tx, id, passwordHash, now);
      await revokeUserSessions(tx, id, now);
    },
  );
}

/** Lifts a login lockout by clearing the user's recent failed attempts (the audit log keeps them). */
export async function unlockUser(ctx: Ctx, id: string) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'unlock');
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.username, current.username), eq(loginAttempts.succeeded, false)));
    await recordAudit(tx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      regionPath: current.regionPath,
    });
  });
}

/**
 * 重置动态口令 (security admin): removes the user's authenticator and recovery codes and ends their
 * sessions; at the next login they enrol again where the policy requires it.
 */
export async function resetUserTwoFactor(ctx: Ctx, id: string) {
  const current = await getUser(ctx.db, ctx.actor, id);
  await guardAccountChange(ctx, current, 'resetTwoFactor');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const hadOne = await removeTwoFactor(tx, id);
    await revokeUserSessions(tx, id, now);
    await recordAudit(tx, ctx, {
      action: 'user.twoFactor.reset',
      entityType: 'user',
      entityId: id,
      regionPath: current.regionPath,
      detail: { hadAuthenticator: hadOne },
    });
  });
  await announceChange(ctx.db, { topic: 'sessions', userId: id });
}
