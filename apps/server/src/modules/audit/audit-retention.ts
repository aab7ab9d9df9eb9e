import type { AuditRetention, UpdateAuditRetention } from '@tuijin/contracts';
import {
  AppError,
  archivedThrough,
  auditRetentionRefusal,
  authorize,
  defaultAuditRetentionDays,
  minAuditRetentionDays,
  systemActor,
} from '@tuijin/domain';
import { and, eq, min, sql } from 'drizzle-orm';
import type { Clock, Ctx } from '../../context';
import type { Database, Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import { auditEvents, settings } from '../../db/schema';
import {
  type ChainBase,
  type ChainHead,
  type CheckpointRow,
  chainBases,
  loadCheckpoints,
  writeCheckpoint,
} from './audit-checkpoints';
import { verifyAuditLog } from './audit-verify';
import { recordAudit } from './record-audit';

export const auditRetentionKey = 'auditRetention';

const exportRanges = (checkpoints: readonly CheckpointRow[]) =>
  checkpoints
    .filter((row) => row.kind === 'export')
    .map((row) => row.detail as { from: string; to: string })
    .map((detail) => ({ from: new Date(detail.from), to: new Date(detail.to) }));

/** The retention in force (180 days until the audit admin sets one), how far archives reach, the last purge. */
export async function getAuditRetention(db: Queryable): Promise<AuditRetention> {
  const [row] = await db.select().from(settings).where(eq(settings.key, auditRetentionKey));
  const days = (row?.value as { days?: unknown } | undefined)?.days;
  const checkpoints = await loadCheckpoints(db);
  const [oldest] = await db.select({ at: min(auditEvents.at) }).from(auditEvents);
  const covered = archivedThrough(oldest?.at ?? null, exportRanges(checkpoints));
  const lastPurge = checkpoints.filter((c) => c.kind === 'purge').at(-1);
  return {
    days: typeof days === 'number' && days >= minAuditRetentionDays ? days : defaultAuditRetentionDays,
    minDays: minAuditRetentionDays,
    version: row?.version ?? 0,
    archivedThrough: covered ? covered.toISOString() : null,
    lastPurgeAt: lastPurge ? lastPurge.at.toISOString() : null,
  };
}

/**
 * Sets how many days the audit log is kept (the audit admin alone, `audit.manage`): never below 180
 * days (a clear VALIDATION_FAILED naming the field); a stale version is a CONFLICT; audited.
 */
export async function updateAuditRetention(ctx: Ctx, input: UpdateAuditRetention): Promise<AuditRetention> {
  authorize(ctx.actor, 'audit.manage');
  const refusal = auditRetentionRefusal(input.days);
  if (refusal) throw new AppError('VALIDATION_FAILED', refusal, [{ path: 'days', message: refusal }]);
  await ctx.db.transaction(async (tx) => {
    const current = await getAuditRetention(tx);
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const values = {
      value: { days: input.days },
      version: input.version + 1,
      updatedBy: ctx.actor.userId || null,
      updatedAt: ctx.clock.now(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(settings)
            .values({ key: auditRetentionKey, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(settings)
            .set(values)
            .where(and(eq(settings.key, auditRetentionKey), eq(settings.version, input.version)))
            .returning();
    if (saved.length === 0) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'audit.retention.update',
      entityType: 'setting',
      entityId: auditRetentionKey,
      changes: { days: { before: current.days, after: input.days } },
    });
  });
  return getAuditRetention(ctx.db);
}

export interface PurgeOutcome {
  removed: number;
  /** Why nothing (more) was removed, for the job's log line. */
  note: string;
}

/**
 * 审计日志保留期清除 (the daily job). Removes only events that are (a) older than the retention,
 * (b) covered without a gap by archive exports (`export` checkpoints) and (c) pinned by the last
 * checkpoint — and only when the whole log verifies. Per chain it removes a prefix (never the
 * chain's last row, which new events link to), in one transaction that also records a signed `purge`
 * checkpoint (where each chain now starts) and an `audit.purge` event.
 */
export async function purgeAuditLog(ctx: {
  db: Database;
  auditKey: Buffer;
  clock: Clock;
}): Promise<PurgeOutcome> {
  const report = await verifyAuditLog(ctx.db, ctx.auditKey, ctx.clock, { checkpoint: true });
  if (!report.intact)
    return { removed: 0, note: '审计日志校验不完整，未清除（请运行 npx tuijin audit verify）' };
  const retention = await getAuditRetention(ctx.db);
  if (!retention.archivedThrough) return { removed: 0, note: '最早的审计记录尚未导出归档，未清除' };
  const cutoff = new Date(ctx.clock.now().getTime() - retention.days * 86_400_000);
  const limit = new Date(Math.min(cutoff.getTime(), new Date(retention.archivedThrough).getTime()));
  const checkpoints = await loadCheckpoints(ctx.db);
  const pinned = new Map<number, number>();
  for (const row of checkpoints) {
    if (row.kind === 'checkpoint')
      for (const head of row.heads as ChainHead[]) pinned.set(head.chain, head.lastId);
  }
  const bases = chainBases(checkpoints);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('tuijin.audit_purge', 'on', true)`);
    const newBases: ChainBase[] = [];
    let removed = 0;
    for (const [chain, pinnedId] of pinned) {
      // The first row this chain keeps: the first that is too new, not yet pinned, or its last row.
      const [keep] = await queryRows<{ id: number | string; prev_hash: string }>(
        tx,
        sql`select id, prev_hash from audit_events
            where chain = ${chain}
              and (at >= ${limit} or id > ${pinnedId}
                   or id = (select max(id) from audit_events where chain = ${chain}))
            order by id limit 1`,
      );
      if (!keep) continue;
      const deleted = await queryRows<{ id: number }>(
        tx,
        sql`delete from audit_events where chain = ${chain} and id < ${Number(keep.id)} returning id`,
      );
      if (deleted.length === 0) continue;
      removed += deleted.length;
      newBases.push({
        chain,
        firstId: Number(keep.id),
        baseHash: keep.prev_hash,
        removed: (bases.get(chain)?.removed ?? 0) + deleted.length,
      });
    }
    if (removed === 0) return { removed, note: `没有早于 ${limit.toISOString()} 且已归档的审计记录` };
    const detail = { before: limit.toISOString(), removed, retentionDays: retention.days };
    await writeCheckpoint(tx, ctx.auditKey, ctx.clock, 'purge', newBases, detail);
    await recordAudit(
      tx,
      { ...ctx, actor: systemActor, ip: null },
      { action: 'audit.purge', entityType: 'auditLog', detail },
    );
    return { removed, note: `清除早于 ${limit.toISOString()} 的审计记录 ${removed} 条` };
  });
}
