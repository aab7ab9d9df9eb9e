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
