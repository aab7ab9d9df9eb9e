import { randomInt } from 'node:crypto';
import { recoveryCodeCount } from '@tuijin/domain';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { userRecoveryCodes, userTotp } from '../../db/schema';
import { decryptField, encryptField, fieldIndex } from '../../lib/field-crypto';

/** HKDF purposes of the keys (derived from the audit key) for the secret and the recovery codes' index. */
const secretInfo = 'tuijin/totp-secret';
const recoveryInfo = 'tuijin/recovery-code';

/** Whether the user has an authenticator in force (enrolment confirmed with a code). */
export async function hasConfirmedTotp(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
  return Boolean(row);
}

/** The user's TOTP secret (decrypted), whether it is confirmed, and the last time step taken; null without one. */
export async function totpOf(db: Queryable, auditKey: Buffer, userId: string) {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row) return null;
  return {
    secret: decryptField(auditKey, secretInfo, row.secretCipher),
    isConfirmed: row.confirmedAt !== null,
    lastTimeStep: row.lastTimeStep,
  };
}

/** Stores a new, unconfirmed secret (encrypted), replacing an unconfirmed one. */
export async function storePendingTotp(
  tx: Queryable,
  auditKey: Buffer,
  userId: string,
  secret: string,
  now: Date,
) {
  const secretCipher = encryptField(auditKey, secretInfo, secret);
  await tx
    .insert(userTotp)
    .values({ userId, secretCipher, createdAt: now })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretCipher, confirmedAt: null, lastTimeStep: null, createdAt: now },
    });
}

/**
 * Takes a code's time step: only while it is later than the last one taken (one conditional update,
 * so two requests with the same code cannot both pass). Answers whether it was taken.
 */
export async function takeTimeStep(tx: Queryable, userId: string, timeStep: number, confirmAt?: Date) {
  const taken = await tx
    .update(userTotp)
    .set({ lastTimeStep: timeStep, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
    .where(
      and(
        eq(userTotp.userId, userId),
        or(isNull(userTotp.lastTimeStep), lt(userTotp.lastTimeStep, timeStep)),
      ),
    )
    .returning({ userId: userTotp.userId });
  return taken.length > 0;
}

/** Letters and digits a person cannot confuse (no 0/O, 1/I/L). */
const recoveryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Replaces the user's recovery codes with {@link recoveryCodeCount} new ones (10 characters, shown
 * `XXXXX-XXXXX`), storing only their keyed hash; answers the codes to show once.
 */
export async function issueRecoveryCodes(tx: Queryable, auditKey: Buffer, userId: string, now: Date) {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  const codes = Array.from({ length: recoveryCodeCount }, () =>
    Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join(''),
  );
  await tx
    .insert(userRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: fieldIndex(auditKey, recoveryInfo, code), createdAt: now })),
    );
  return codes.map((code) => `${code.slice(0, 5)}-${code.slice(5)}`);
}

/** Uses one unused recovery code (normalised); answers whether it was one and is now spent. */
export async function spendRecoveryCode(
  tx: Queryable,
  auditKey: Buffer,
  userId: string,
  code: string,
  now: Date,
) {
  const spent = await tx
    .update(userRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(userRecoveryCodes.userId, userId),
        eq(userRecoveryCodes.codeHash, fieldIndex(auditKey, recoveryInfo, code)),
        isNull(userRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: userRecoveryCodes.id });
  return spent.length > 0;
}

/** How many of the user's recovery codes are still unused. */
export async function recoveryCodesLeft(db: Queryable, userId: string): Promise<number> {
  const rows = await db
    .select({ id: userRecoveryCodes.id })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return rows.length;
}

/** Removes the user's authenticator and recovery codes (a reset by the security admin). Answers whether there was one. */
export async function removeTwoFactor(tx: Queryable, userId: string): Promise<boolean> {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  const removed = await tx.delete(userTotp).where(eq(userTotp.userId, userId)).returning();
  return removed.length > 0;
}
