import type { ChangePasswordRequest } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { users } from '../../db/schema';
import { announceChange } from '../../lib/process-cache';
import { recordAudit } from '../audit';
import { getSecurityPolicy } from '../security';
import { passwordSettingProblems, rememberPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { revokeUserSessions } from './sessions';

/**
 * Changes the actor's own password: the current one must be right, the new one must meet the
 * policy (blocklist included) and differ from the last `passwordHistoryCount` ones, which are kept
 * as hashes; every other session of the user ends.
 */
export async function changePassword(ctx: Ctx, input: ChangePasswordRequest & { tokenHash: string }) {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [
      { path: 'currentPassword', message: '当前密码不正确' },
    ]);
  }
  const problems = await passwordSettingProblems(ctx.db, {
    password: input.newPassword,
    username: row.username,
    path: 'newPassword',
    userId: row.id,
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
  const policy = await getSecurityPolicy(ctx.db);
  const passwordHash = await hashPassword(input.newPassword, policy.passwordHashAlgorithm);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: false,
        version: sql`${users.version} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, row.id));
    await rememberPassword(tx, row.id, passwordHash, now);
    await revokeUserSessions(tx, row.id, now, input.tokenHash);
    await recordAudit(tx, ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: row.id,
      regionPath: ctx.actor.regionPath,
      changes: { password: { before: '***', after: '***' } },
    });
  });
  // The kept session reads still say "must change password" and hold the other sessions.
  await announceChange(ctx.db, { topic: 'sessions', userId: row.id });
}
