import { createHash, randomBytes } from 'node:crypto';
import { type SecurityPolicy, sessionAlive } from '@tuijin/domain';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions, sessions, users } from '../../db/schema';
import { type ActorRow, actorColumns } from './actor.queries';

export const sessionCookieName = 'tuijin_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session with a fresh random token (a new id at every login); returns the token for the cookie. */
export async function createSession(
  tx: Queryable,
  input: { userId: string; ip: string | null; userAgent: string | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
  });
  return token;
}

/** Refresh `last_seen_at` at most this often, so each request does not write. */
const touchEveryMs = 60_000;

/**
 * The actor behind a session token, or null when the token is unknown, revoked, idle or too old,
 * or its user or organisation is disabled. Read fresh on every request, so logout, disabling a
 * user or changing their roles takes effect on the next request.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  policy: Pick<SecurityPolicy, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  now: Date,
): Promise<(ActorRow & { tokenHash: string }) | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ ...actorColumns, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.isActive || !row.organisationActive || !sessionAlive(row, policy, now)) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { ...row, tokenHash };
}

/** Ends one session. */
export async function revokeSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally keeping one (the one changing its own password). */
export async function revokeUserSessions(db: Queryable, userId: string, now: Date, keepTokenHash?: string) {
  const keep = keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep));
}
