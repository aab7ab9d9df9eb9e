import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { loadAuditKey } from '../../config';
import type { Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import { auditEvents } from '../../db/schema';
import { chainHash } from './audit-chain';

/** Whether a key continues the audit chains in a database. */
export type AuditKeyFit = 'empty' | 'continues' | 'differs';

/**
 * Checks a key against the newest event of every chain (one indexed query): it `continues` the log
 * when at least one of those events verifies with it (another that does not is tampering, which
 * `verifyAuditLog` reports), `differs` when none does, `empty` when the log holds no event.
 */
export async function auditKeyFit(db: Queryable, key: Buffer): Promise<AuditKeyFit> {
  const rows = await db
    .selectDistinctOn([auditEvents.chain])
    .from(auditEvents)
    .orderBy(auditEvents.chain, desc(auditEvents.id));
  if (rows.length === 0) return 'empty';
  const fits = rows.some((row) => chainHash(key, row.prevHash, row) === row.hash);
  return fits ? 'continues' : 'differs';
}

/**
 * The audit key this process may write with, or the one line that explains why it may not: a log
 * that holds events needs the key that wrote them. No key at all (neither `TUIJIN_AUDIT_KEY` nor the
 * data directory's `audit.key`) is generated only for an empty log; a key that verifies none of the
 * chains' newest events is a different key. Both are refused, never written with.
 */
export async function resolveAuditKey(
  db: Queryable,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ key: Buffer; refusal: null } | { key: null; refusal: string }> {
  const path = join(dataDir, 'audit.key');
  const isMissing = !env.TUIJIN_AUDIT_KEY?.trim() && !existsSync(path);
  if (isMissing) {
    const [any] = await queryRows<{ id: number }>(db, sql`select id from audit_events limit 1`);
    if (any) {
      return {
        key: null,
        refusal: `审计密钥缺失：数据库已有审计日志，但未设置 TUIJIN_AUDIT_KEY，数据目录中也没有 ${path}，拒绝启动（新密钥会使审计哈希链无法延续）；请设置与原实例相同的 TUIJIN_AUDIT_KEY`,
      };
    }
  }
  const key = loadAuditKey(dataDir, env);
  if ((await auditKeyFit(db, key)) !== 'differs') return { key, refusal: null };
  const where = env.TUIJIN_AUDIT_KEY?.trim() ? 'TUIJIN_AUDIT_KEY' : path;
  return {
    key: null,
    refusal: `审计密钥不符：${where} 的密钥无法验证数据库中最新的审计记录，不能延续审计哈希链，拒绝启动；请使用写入这些记录的原密钥（多个实例须使用同一 TUIJIN_AUDIT_KEY）`,
  };
}

/** The server or a command refused to run with this audit key; its message is the one line. */
export class AuditKeyRefusedError extends Error {
  override name = 'AuditKeyRefusedError';
}
