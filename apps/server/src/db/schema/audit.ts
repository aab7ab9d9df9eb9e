import { bigint, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 审计日志: append-only; each row carries an HMAC over its content and the previous row's hash in its
 * chain, so a deleted or edited row breaks the chain (see `verifyAuditChain`). Appends spread over a
 * few chains (`chain`), each serialised by its own lock, so writers do not all queue on one lock
 * (see ARCHITECTURE "Audit chains").
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Path of the region the record belongs to, so audit views obey the same jurisdiction rule. */
    regionPath: text('region_path'),
    ip: text('ip'),
    changes: jsonb('changes'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Which of the parallel chains this row links into (0 for every row written before chains). */
    chain: smallint('chain').notNull().default(0),
  },
  (t) => [
    index('audit_events_chain_idx').on(t.chain, t.id),
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorName),
    index('audit_events_action_idx').on(t.action),
  ],
);

/**
 * 审计链检查点: signed records of the audit chains, append-only (a trigger). A `checkpoint` pins each
 * chain's head (last id, its hash and how many rows the chain has held up to it, purged ones
 * included), so deleting the newest rows shows as a head that is gone; an `export` records what an
 * archive export held (time range, rows, SHA-256), which the purge job requires before it deletes;
 * a `purge` records where each chain now starts (first kept id and the hash it links to). Each row
 * is signed with the audit key (HMAC over its fields and the previous row's signature), so a
 * checkpoint cannot be forged or edited without the key, nor removed from the middle unnoticed.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** `checkpoint`, `export` or `purge`. */
  kind: text('kind').notNull(),
  /** Per chain: `{ chain, lastId, lastHash, count }` (checkpoint) or `{ chain, firstId, baseHash, removed }` (purge). */
  heads: jsonb('heads').notNull(),
  /** What else the record says: the export's range, rows and SHA-256; the purge's cut-off. */
  detail: jsonb('detail'),
  prevSignature: text('prev_signature').notNull(),
  signature: text('signature').notNull(),
});
