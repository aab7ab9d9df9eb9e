import type { AuditAction } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database, Queryable } from '../../db/database';
import { insertMany } from '../../db/insert-many';
import { queryRows } from '../../db/rows';
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

/**
 * How many hash chains appends spread over. Each chain is serialised by its own transaction-scoped
 * lock; a transaction takes a free one (SQL `tuijin_audit_chain_head`), so up to this many writing
 * transactions append at once instead of queuing on one lock. Verification walks every chain.
 */
export const auditChainCount = 8;

/**
 * Appends one audit event inside the caller's transaction, so the change and its record commit or
 * roll back together. The event links to the last one of the chain the transaction holds.
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
  const [head] = await queryRows<{ chain: number | string; hash: string | null }>(
    tx,
    sql`select chain, hash from tuijin_audit_chain_head(${auditChainCount}::int)`,
  );
  if (!head) throw new Error('tuijin_audit_chain_head answered no row');
  const chain = Number(head.chain);
  let prevHash = head.hash ?? genesisHash;
  const rows = inputs.map((input) => {
    const fields = {
      at: ctx.clock.now(),
      // An anonymous caller (a refused request without a session) has no user id.
      actorId: ctx.actor.userId || null,
      actorName: ctx.actor.username,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      regionPath: input.regionPath ?? null,
      ip: ctx.ip,
      changes: input.changes ?? null,
      detail: input.detail ?? null,
    };
    const row = { ...fields, chain, prevHash, hash: chainHash(ctx.auditKey, prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  await insertMany(tx, auditEvents, rows);
}

/**
 * Records one event in a transaction of its own: for what is not a change (a refusal, a download,
 * a read of the audit log), which has no use-case transaction to join.
 */
export async function recordAuditNow(
  db: Database,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  input: AuditInput,
): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, ctx, input));
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
