import { AppError } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { settings } from '../db/schema';

/** A versioned setting's stored value and version (0 and null when never saved). */
export async function readSetting(db: Queryable, key: string): Promise<{ value: unknown; version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? { value: row.value, version: row.version } : { value: null, version: 0 };
}

/**
 * Writes a versioned setting inside the caller's transaction: inserted at version 1 when never
 * saved, else updated from `version` to `version + 1`; a stale version is a CONFLICT.
 */
export async function writeSetting(
  tx: Queryable,
  input: { key: string; value: unknown; version: number; userId: string; now: Date },
): Promise<number> {
  const { key, value, version, userId, now } = input;
  const written =
    version === 0
      ? await tx
          .insert(settings)
          .values({ key, value, version: 1, updatedBy: userId, updatedAt: now })
          .onConflictDoNothing()
          .returning({ version: settings.version })
      : await tx
          .update(settings)
          .set({ value, version: version + 1, updatedBy: userId, updatedAt: now })
          .where(and(eq(settings.key, key), eq(settings.version, version)))
          .returning({ version: settings.version });
  if (written.length === 0) throw new AppError('CONFLICT');
  return version + 1;
}
