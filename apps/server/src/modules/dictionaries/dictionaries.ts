import type { CreateDictionaryEntry, UpdateDictionaryEntry } from '@tuijin/contracts';
import { AppError, authorize, type DictionaryKind, defaultDictionaries } from '@tuijin/domain';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { dictionaryEntries } from '../../db/schema';
import { recordAudit } from '../audit';

/**
 * Fills each dictionary that is empty with its defaults (idempotent; at every start), so a kind
 * added later (问题分类) gets its defaults in a database whose other dictionaries are in use.
 */
export async function ensureDefaultDictionaries(db: Queryable): Promise<void> {
  const existing = await db
    .select({ kind: dictionaryEntries.kind, n: count() })
    .from(dictionaryEntries)
    .groupBy(dictionaryEntries.kind);
  const filled = new Set(existing.filter((row) => row.n > 0).map((row) => row.kind));
  const rows = Object.entries(defaultDictionaries)
    .filter(([kind]) => !filled.has(kind as DictionaryKind))
    .flatMap(([kind, names]) =>
      names.map((name, index) => ({ kind: kind as DictionaryKind, name, sortOrder: (index + 1) * 10 })),
    );
  if (rows.length > 0) await db.insert(dictionaryEntries).values(rows).onConflictDoNothing();
}

/** Every dictionary entry, by kind and order; any signed-in person may read them (forms need them). */
export function listDictionaries(db: Queryable) {
  return db
    .select()
    .from(dictionaryEntries)
    .orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.name));
}

async function assertFree(db: Queryable, kind: DictionaryKind, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: dictionaryEntries.id })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.kind, kind),
        eq(dictionaryEntries.name, name),
        exceptId ? ne(dictionaryEntries.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new AppError('CONFLICT', `“${name}”已在字典中`, [{ path: 'name', message: '名称重复' }]);
}

/** Adds an entry at the end of its dictionary. */
export async function createDictionaryEntry(ctx: Ctx, input: z.infer<typeof CreateDictionaryEntry>) {
  authorize(ctx.actor, 'dictionary.manage');
  await assertFree(ctx.db, input.kind, input.name);
  const [last] = await ctx.db
    .select({ n: count() })
    .from(dictionaryEntries)
    .where(eq(dictionaryEntries.kind, input.kind));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dictionaryEntries)
      .values({ kind: input.kind, name: input.name, sortOrder: ((last?.n ?? 0) + 1) * 10 })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'dictionary.create',
      entityType: 'dictionary',
      entityId: row!.id,
      detail: { kind: input.kind, name: input.name },
    });
    return row!;
  });
}

/** Renames, reorders or retires an entry; projects keep the text they were given. */
export async function updateDictionaryEntry(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdateDictionaryEntry>,
) {
  authorize(ctx.actor, 'dictionary.manage');
  const [current] = await ctx.db.select().from(dictionaryEntries).where(eq(dictionaryEntries.id, id));
  if (!current) throw new AppError('NOT_FOUND');
  await assertFree(ctx.db, current.kind, input.name, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(dictionaryEntries)
      .set(input)
      .where(eq(dictionaryEntries.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'dictionary.update',
      entityType: 'dictionary',
      entityId: id,
      changes: Object.fromEntries(
        (['name', 'sortOrder', 'isActive'] as const)
          .filter((key) => current[key] !== input[key])
          .map((key) => [key, { before: current[key], after: input[key] }]),
      ),
    });
    return row!;
  });
}

/**
 * Adds an entry an import needs (a domain a ledger's category names) inside the importer's
 * transaction, at `sortOrder`, audited with the import as its source.
 */
export async function insertImportedDictionaryEntry(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  entry: { kind: DictionaryKind; name: string; sortOrder: number },
  source: string,
): Promise<string> {
  const [row] = await tx.insert(dictionaryEntries).values(entry).returning({ id: dictionaryEntries.id });
  await recordAudit(tx, ctx, {
    action: 'dictionary.create',
    entityType: 'dictionary',
    entityId: row!.id,
    detail: { kind: entry.kind, name: entry.name, source },
  });
  return row!.id;
}
