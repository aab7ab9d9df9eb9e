import { AppError, type ErrorDetail, passwordProblems, type SecurityPolicy } from '@tuijin/domain';
import { and, desc, eq, lt, notInArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { passwordHistory, settings, users } from '../../db/schema';
import { demoPassword } from '../../demo/ningde';
import { recordAudit } from '../audit';
import { getSecurityPolicy } from '../security';
import { verifyPassword } from './passwords';

/** The setting that marks a demo installation (written by the demo loader). */
export const demoInstallationKey = 'demo_installation';
/** How many past password hashes are kept per user: the policy's highest history count. */
const keptHashes = 24;

/** Whether this database holds the demo jurisdiction (loaded by `tuijin demo` or `serve --demo`). */
export async function isDemoInstallation(db: Queryable): Promise<boolean> {
  const [row] = await db
    .select({ key: settings.key })
    .from(settings)
    .where(eq(settings.key, demoInstallationKey));
  return Boolean(row);
}

/** Marks the database as a demo installation, before the demo accounts are made with the demo password. */
export async function markDemoInstallation(db: Queryable, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key: demoInstallationKey, value: { since: now.toISOString() }, version: 1, updatedAt: now })
    .onConflictDoNothing();
}

/**
 * Problems with a password about to be set (issue 20 item 7): the policy's length and character
 * classes, the username and its variants, the shipped blocklist, the published demo password
 * outside a demo installation, and — for a user's own change (`userId` given) — any of the user's
 * last `passwordHistoryCount` passwords. Each problem says which rule it breaks, at `path`.
 */
export async function passwordSettingProblems(
  db: Queryable,
  input: { password: string; username: string; path: string; userId?: string; policy?: SecurityPolicy },
): Promise<ErrorDetail[]> {
  const policy = input.policy ?? (await getSecurityPolicy(db));
  const extraBlocked = (await isDemoInstallation(db)) ? [] : [demoPassword];
  const problems = passwordProblems(input.password, input.username, policy, input.path, extraBlocked);
  if (input.userId && (await usedRecently(db, input.userId, input.password, policy.passwordHistoryCount))) {
    problems.push({
      path: input.path,
      message: `新密码不能与最近 ${policy.passwordHistoryCount} 次用过的密码相同`,
    });
  }
  return problems;
}

/** Throws VALIDATION_FAILED with every problem when the password cannot be set. */
export async function assertPasswordAcceptable(
  db: Queryable,
  input: Parameters<typeof passwordSettingProblems>[1],
): Promise<void> {
  const problems = await passwordSettingProblems(db, input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
}

/** Whether the password matches the current one or one of the `count` most recent ones. */
async function usedRecently(
  db: Queryable,
  userId: string,
  password: string,
  count: number,
): Promise<boolean> {
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const past = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.setAt), desc(passwordHistory.id))
    .limit(count);
  const hashes = [...new Set([current?.hash, ...past.map((p) => p.hash)].filter((h): h is string => !!h))];
  for (const hash of hashes.slice(0, count)) if (await verifyPassword(hash, password)) return true;
  return false;
}

/** Keeps a newly set password's hash in the user's history (the newest {@link keptHashes} are kept). */
export async function rememberPassword(tx: Queryable, userId: string, passwordHash: string, now: Date) {
  await tx.insert(passwordHistory).values({ userId, passwordHash, setAt: now });
  const kept = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.setAt), desc(passwordHistory.id))
    .limit(keptHashes);
  await tx.delete(passwordHistory).where(
    and(
      eq(passwordHistory.userId, userId),
      notInArray(
        passwordHistory.id,
        kept.map((k) => k.id),
      ),
    ),
  );
}

/**
 * Periodic change (issue 20 item 7): at login, a password older than the policy's
 * `passwordMaxAgeDays` (0 = never) makes the user change it before doing anything else — the same
 * "must change password" gate as a first login. Audited as `auth.password.expired`. Not applied in
 * a demo installation, whose accounts share the published demo password on purpose.
 */
export async function expirePasswordIfDue(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  input: { userId: string; now: Date; policy: SecurityPolicy },
): Promise<boolean> {
  const { policy, now } = input;
  if (policy.passwordMaxAgeDays === 0 || (await isDemoInstallation(tx))) return false;
  const expiredBefore = new Date(now.getTime() - policy.passwordMaxAgeDays * 86_400_000);
  const expired = await tx
    .update(users)
    .set({ mustChangePassword: true })
    .where(
      and(
        eq(users.id, input.userId),
        eq(users.mustChangePassword, false),
        lt(users.passwordChangedAt, expiredBefore),
      ),
    )
    .returning({ changedAt: users.passwordChangedAt });
  if (expired.length === 0) return false;
  await recordAudit(tx, ctx, {
    action: 'auth.password.expired',
    entityType: 'user',
    entityId: input.userId,
    regionPath: ctx.actor.regionPath,
    detail: { passwordChangedAt: expired[0]?.changedAt, maxAgeDays: policy.passwordMaxAgeDays },
  });
  return true;
}
