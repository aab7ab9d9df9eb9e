import { createHash, randomBytes } from 'node:crypto';
import { type SecurityPolicy, secondFactorSessionMinutes, sessionAlive } from '@tuijin/domain';
import { and, eq, gt, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions, sessions, users } from '../../db/schema';
import { generationOf } from '../../lib/process-cache';
import { type ActorRow, actorColumns } from './actor.queries';
import { dropSession, keepSession, keptSession, type SessionRow } from './session-cache';

export const sessionCookieName = 'tuijin_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session with a fresh random token (a new id at every login); returns the token for the cookie. */
export async function createSession(
  tx: Queryable,
  input: {
    userId: string;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    /** Half logged in: the second factor still owed (such a session is no actor). */
    pendingStep?: PendingStep | null;
  },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    pendingStep: input.pendingStep ?? null,
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

/** The second factor a half-logged-in session still owes. */
export type PendingStep = 'totp' | 'enrol';

/**
 * The actor behind a session token, or null when the token is unknown, revoked, idle or too old,
 * half logged in (second factor still owed), or its user or organisation is disabled. The four-table read is kept for a few seconds per token
 * (`session-cache.ts`); logout, disabling a user, a password reset and role or organisation changes
 * forget it before they answer, so they still take effect on the next request. A kept read is
 * judged against the idle and absolute limits on every request like a fresh one (its `lastSeenAt`
 * can only be older than the database's, so it never extends a session), and one it calls dead is
 * read again before the session is ended.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  policy: Pick<SecurityPolicy, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  now: Date,
): Promise<(ActorRow & { tokenHash: string }) | null> {
  const tokenHash = hashToken(token);
  const kept = keptSession(db, tokenHash);
  if (kept && sessionAlive(kept, policy, now)) {
    await touchSession(db, kept, tokenHash, now);
    return { ...kept, tokenHash };
  }
  const generation = generationOf('sessions');
  const [row] = await db
    .select({ ...actorColumns, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), isNull(sessions.pendingStep)))
    .limit(1);
  if (!row) {
    dropSession(tokenHash);
    return null;
  }
  if (!row.isActive || !row.organisationActive || !sessionAlive(row, policy, now)) {
    dropSession(tokenHash);
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  await touchSession(db, row, tokenHash, now);
  keepSession(db, tokenHash, row, generation);
  return { ...row, tokenHash };
}

/** The sliding renewal: `last_seen_at` written at most every {@link touchEveryMs}; `row` follows it. */
async function touchSession(db: Queryable, row: SessionRow, tokenHash: string, now: Date) {
  if (now.getTime() - row.lastSeenAt.getTime() <= touchEveryMs) return;
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  row.lastSeenAt = now;
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

/**
 * A half-logged-in session (password right, second factor owed) of an active account, still within
 * its few minutes; else null. Only the second-factor routes read it: it opens nothing else.
 */
export async function resolvePendingSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ tokenHash: string; pendingStep: PendingStep; failedCodes: number; actorRow: ActorRow } | null> {
  const tokenHash = hashToken(token);
  const since = new Date(now.getTime() - secondFactorSessionMinutes * 60_000);
  const [row] = await db
    .select({ ...actorColumns, pendingStep: sessions.pendingStep, failedCodes: sessions.failedCodes })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        isNotNull(sessions.pendingStep),
        gt(sessions.createdAt, since),
      ),
    )
    .limit(1);
  if (!row?.pendingStep || !row.isActive || !row.organisationActive) return null;
  const { pendingStep, failedCodes, ...actorRow } = row;
  return { tokenHash, pendingStep, failedCodes, actorRow };
}
