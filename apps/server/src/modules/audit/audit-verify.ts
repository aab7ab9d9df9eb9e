import { asc, sql } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { auditEvents } from '../../db/schema';
import { chainHash, genesisHash } from './audit-chain';
import {
  type BrokenCheckpoint,
  type ChainHead,
  chainBases,
  checkpointHeads,
  firstBrokenCheckpoint,
  loadCheckpoints,
} from './audit-checkpoints';

/** A chain head pinned by a checkpoint that the log no longer holds as it was: rows were removed. */
export interface MissingHead {
  checkpointId: string;
  checkpointAt: string;
  chain: number;
  lastId: string;
  count: number;
}

export interface AuditLogReport {
  /** Rows whose links were checked. */
  checked: number;
  /** Links, checkpoints and heads all hold. */
  intact: boolean;
  /** The first row whose link does not hold (edited, inserted or a row before it deleted). */
  firstBrokenId: string | null;
  /** A checkpoint's pinned head is gone or differs: the newest rows were deleted (truncation). */
  truncated: boolean;
  missingHeads: MissingHead[];
  /** The first checkpoint record whose signature or link does not hold. */
  brokenCheckpoint: BrokenCheckpoint | null;
  checkpoints: number;
  lastCheckpointAt: string | null;
  /** This verification pinned the heads in a new checkpoint (only when everything held). */
  checkpointWritten: boolean;
}

/**
 * Verifies the whole audit log: every chain's links from its base (genesis, or where the last purge
 * left it) in id order with the HMAC recomputed; every checkpoint record's signature and link; and
 * that every head a checkpoint pinned is still there with its hash and count, so removing the
 * newest rows (which leaves the remaining links intact) is reported as truncation. When everything
 * holds and `checkpoint` is set, the heads are pinned in a new checkpoint.
 */
export async function verifyAuditLog(
  db: Queryable,
  key: Buffer,
  clock: Clock,
  options: { checkpoint: boolean; batchSize?: number } = { checkpoint: true },
): Promise<AuditLogReport> {
  const checkpoints = await loadCheckpoints(db);
  const brokenCheckpoint = firstBrokenCheckpoint(key, checkpoints);
  const bases = chainBases(checkpoints);
  const expected = new Map<string, ChainHead & { checkpointId: string; checkpointAt: string }>();
  for (const row of checkpoints) {
    if (row.kind !== 'checkpoint') continue;
    for (const head of row.heads as ChainHead[]) {
      if (head.lastId < (bases.get(head.chain)?.firstId ?? 0)) continue;
      expected.set(`${head.chain}:${head.lastId}`, {
        ...head,
        checkpointId: String(row.id),
        checkpointAt: row.at.toISOString(),
      });
    }
  }
  const heads = new Map<number, string>();
  const counts = new Map<number, number>();
  for (const [chain, base] of bases) {
    heads.set(chain, base.baseHash);
    counts.set(chain, base.removed);
  }
  const missingHeads: MissingHead[] = [];
  let firstBrokenId: string | null = null;
  let checked = 0;
  let lastId = 0;
  const batchSize = options.batchSize ?? 1000;
  walk: for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.id} > ${lastId}`)
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      const prevHash = heads.get(row.chain) ?? genesisHash;
      if (row.prevHash !== prevHash || chainHash(key, prevHash, row) !== row.hash) {
        firstBrokenId = String(row.id);
        break walk;
      }
      const count = (counts.get(row.chain) ?? 0) + 1;
      heads.set(row.chain, row.hash);
      counts.set(row.chain, count);
      const pinned = expected.get(`${row.chain}:${row.id}`);
      if (pinned) {
        if (pinned.lastHash !== row.hash || pinned.count !== count) missingHeads.push(missing(pinned));
        expected.delete(`${row.chain}:${row.id}`);
      }
      lastId = row.id;
      checked++;
    }
  }
  // A broken link stops the walk, so pinned heads beyond it are not counted as missing.
  if (firstBrokenId === null) for (const pinned of expected.values()) missingHeads.push(missing(pinned));
  const truncated = missingHeads.length > 0;
  const intact = firstBrokenId === null && !truncated && brokenCheckpoint === null;
  const written = intact && options.checkpoint ? await checkpointHeads(db, key, clock) : null;
  const last = written ?? checkpoints.at(-1);
  return {
    checked,
    intact,
    firstBrokenId,
    truncated,
    missingHeads,
    brokenCheckpoint,
    checkpoints: checkpoints.length + (written ? 1 : 0),
    lastCheckpointAt: last ? last.at.toISOString() : null,
    checkpointWritten: written !== null,
  };
}

const missing = (pinned: ChainHead & { checkpointId: string; checkpointAt: string }): MissingHead => ({
  checkpointId: pinned.checkpointId,
  checkpointAt: pinned.checkpointAt,
  chain: pinned.chain,
  lastId: String(pinned.lastId),
  count: pinned.count,
});

/**
 * The report as lines for an operator (the CLI prints them): what was checked, and for a broken log
 * where: the first broken link, the checkpoint heads that are gone (how many rows at least are
 * missing), a checkpoint whose signature does not hold.
 */
export function describeAuditReport(report: AuditLogReport): string[] {
  const lines = [
    `已校验审计记录 ${report.checked} 条，检查点 ${report.checkpoints} 个` +
      (report.lastCheckpointAt ? `（最近 ${report.lastCheckpointAt}）` : ''),
  ];
  if (report.firstBrokenId)
    lines.push(
      `哈希链断裂：第一条不符的记录编号 ${report.firstBrokenId}（记录被修改、插入或其前的记录被删除）`,
    );
  if (report.truncated) {
    lines.push(
      `审计日志被截断：${report.missingHeads.length} 个检查点记下的链尾已不存在或不符（最新的记录被删除）`,
    );
    for (const head of report.missingHeads.slice(0, 10)) {
      lines.push(
        `  检查点 #${head.checkpointId}（${head.checkpointAt}）：链 ${head.chain} 应有记录至编号 ${head.lastId}（共 ${head.count} 条）`,
      );
    }
  }
  if (report.brokenCheckpoint) {
    lines.push(
      `检查点 #${report.brokenCheckpoint.id}（${report.brokenCheckpoint.at}）签名不符：被修改、伪造、其前的检查点被删除，或使用了其他密钥`,
    );
  }
  lines.push(report.intact ? '审计日志完整' : '审计日志不完整');
  return lines;
}
