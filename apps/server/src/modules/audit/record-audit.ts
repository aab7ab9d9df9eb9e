import type { AuditAction } from '@tuijin/domain';
import { desc, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { auditEvents } from '../../db/schema';
import { chainHash, genesisHash } from './audit-chain';

/** Before/after of each changed field. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditInput {
  /** Dotted action in the permission vocabulary (`user.create`), one of domain `auditActions`. */
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  regionPath?: string | null;
  changes?: Changes | null;
  detail?: Record<string, unknown> | null;
}

/** Serialises appends so each event links to the one before it. */
const auditChainLockKey = 7_243_002;

/**
 * Appends one audit event inside the caller's transaction, so the change and its record commit or
 * roll back together. Appends are serialised by a transaction-scoped advisory lock to keep the
 * hash chain linear.
 */
export async function recordAudit(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  input: AuditInput,
): Promise<void> {
  await recordAudits(tx, ctx, [input]);
}

/**
 * Appends several audit events in order inside the caller's transaction, chained one to the next
 * exactly as that many {@link recordAudit} calls would, under one lock and in multi-row inserts (a
 * ledger import records thousands at once).
 */
export async function recordAudits(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${auditChainLockKey})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  let prevHash = last?.hash ?? genesisHash;
  const rows = inputs.map((input) => {
    const fields = {
      at: ctx.clock.now(),
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      regionPath: input.regionPath ?? null,
      ip: ctx.ip,
      changes: input.changes ?? null,
      detail: input.detail ?? null,
    };
    const row = { ...fields, prevHash, hash: chainHash(ctx.auditKey, prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditEvents).values(rows.slice(i, i + 500));
}

/**
 * The fields whose values differ between `before` and `after`, as before/after pairs; fields named
 * in `redact` (password hashes) are recorded as changed without their values.
 */
export function diffChanges<T extends Record<string, unknown>>(
  before: T | null,
  after: T,
  redact: readonly string[] = [],
): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const was = before?.[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[key] = redact.includes(key) ? { before: '***', after: '***' } : { before: was, after: now };
  }
  return changes;
}
