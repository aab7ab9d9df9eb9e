import { AppError, type Role, systemActor } from '@tuijin/domain';
import { eq, or } from 'drizzle-orm';
import { type Ctx, systemClock } from '../../context';
import type { Database } from '../../db/database';
import { organisations, users } from '../../db/schema';
import { resetUserPassword } from './change-user';
import { createUser } from './create-user';

/** A context for administrative commands run on the server itself (the CLI), audited as `system`. */
export function systemCtx(db: Database, auditKey: Buffer): Ctx {
  return { db, actor: systemActor, clock: systemClock, ip: null, auditKey };
}

/** Adds an account from the CLI; the organisation is named by id or exact name. */
export async function addAccount(
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    organisation: string;
    roles: Role[];
    password: string;
    phone?: string | null;
  },
) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(input.organisation);
  const matches = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      isUuid
        ? or(eq(organisations.id, input.organisation), eq(organisations.name, input.organisation))
        : eq(organisations.name, input.organisation),
    );
  if (matches.length === 0) throw new AppError('VALIDATION_FAILED', `找不到单位“${input.organisation}”`);
  if (matches.length > 1)
    throw new AppError('VALIDATION_FAILED', `有多个单位名为“${input.organisation}”，请改用单位编号`);
  return createUser(ctx, {
    username: input.username,
    displayName: input.displayName,
    phone: input.phone ?? null,
    organisationId: matches[0]!.id,
    roles: input.roles,
    password: input.password,
  });
}

/** Resets a password from the CLI by username; the user must change it at next login. */
export async function resetPasswordByUsername(ctx: Ctx, username: string, newPassword: string) {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new AppError('NOT_FOUND', `用户 ${username} 不存在`);
  await resetUserPassword(ctx, row.id, { newPassword });
}
