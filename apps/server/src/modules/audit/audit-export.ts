import { createHash } from 'node:crypto';
import { AppError } from '@tuijin/domain';
import { and, asc, count, gt, gte, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { auditEvents } from '../../db/schema';
import { chainHash } from './audit-chain';
import { writeCheckpoint } from './audit-checkpoints';
import { recordAuditNow } from './record-audit';

export const auditExportFormat = 'tuijin-audit-export';

/** The most rows one download through the API carries; the CLI streams any number. */
export const maxApiExportRows = 200_000;

type ExportCtx = Pick<Ctx, 'db' | 'actor' | 'clock' | 'ip' | 'auditKey'>;

export interface AuditExportSummary {
  rows: number;
  sha256: string;
  checkpointId: string;
  signature: string;
}

/** One exported event: every stored field, the chain fields included, so it can be verified again. */
function exportLine(row: typeof auditEvents.$inferSelect): string {
  return JSON.stringify({
    id: String(row.id),
    at: row.at.toISOString(),
    chain: row.chain,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    regionPath: row.regionPath,
    ip: row.ip,
    changes: row.changes,
    detail: row.detail,
    prevHash: row.prevHash,
    hash: row.hash,
  });
}

const rangeOf = (range: { from: Date; to: Date }) =>
  and(gte(auditEvents.at, range.from), lt(auditEvents.at, range.to));

/** How many events a range holds (the API refuses a download beyond {@link maxApiExportRows}). */
export async function countAuditRange(db: Queryable, range: { from: Date; to: Date }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(rangeOf(range));
  return Number(row?.n ?? 0);
}

/**
 * 审计日志归档导出: writes the events of `[from, to)` as JSON lines — a header, one line per event
 * in id order with its chain fields (`chain`, `prevHash`, `hash`), and a trailer with the row count,
 * the SHA-256 of the event lines and the signed `export` checkpoint that records them — so an
 * archive can be checked later with the key (`tuijin audit verify --file`). The export is recorded
 * (the checkpoint, which the retention purge requires, and an `audit.export` event).
 */
export async function exportAuditLog(
  ctx: ExportCtx,
  range: { from: Date; to: Date },
  write: (line: string) => void | Promise<void>,
  via: 'api' | 'cli',
): Promise<AuditExportSummary> {
  if (!(range.from.getTime() < range.to.getTime())) {
    throw new AppError('VALIDATION_FAILED', '导出的起始时间须早于截止时间', [
      { path: 'from', message: '须早于截止时间' },
    ]);
  }
  const exportedAt = ctx.clock.now();
  await write(
    JSON.stringify({
      format: auditExportFormat,
      version: 1,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      exportedAt: exportedAt.toISOString(),
      hash: 'HMAC-SHA256(key, canonicalJson([prevHash, at, actorId, actorName, action, entityType, entityId, regionPath, ip, changes, detail]))',
    }),
  );
  const digest = createHash('sha256');
  let rows = 0;
  let lastId = 0;
  let firstId: number | null = null;
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(rangeOf(range), gt(auditEvents.id, lastId)))
      .orderBy(asc(auditEvents.id))
      .limit(2000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const line = exportLine(row);
      digest.update(`${line}\n`);
      await write(line);
      firstId ??= row.id;
      lastId = row.id;
      rows++;
    }
  }
  const sha256 = digest.digest('hex');
  const detail = {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    rows,
    sha256,
    firstId: firstId === null ? null : String(firstId),
    lastId: firstId === null ? null : String(lastId),
    by: ctx.actor.username,
    via,
  };
  const checkpoint = await writeCheckpoint(ctx.db, ctx.auditKey, ctx.clock, 'export', [], detail);
  await recordAuditNow(ctx.db, ctx, { action: 'audit.export', entityType: 'auditLog', detail });
  const summary = { rows, sha256, checkpointId: String(checkpoint.id), signature: checkpoint.signature };
  await write(JSON.stringify({ trailer: true, ...summary }));
  return summary;
}

/** What re-checking an archive file found. */
export interface ArchiveCheck {
  rows: number;
  /** Events whose HMAC does not match their fields with this key. */
  badRows: string[];
  /** The trailer's count and SHA-256 match the event lines. */
  isComplete: boolean;
  problems: string[];
}

/**
 * Re-checks an archive export with the key: every event's HMAC over its fields and the hash it links
 * to, and the trailer's row count and SHA-256 over the event lines (a removed or added line shows).
 */
export function checkAuditArchive(key: Buffer, text: string): ArchiveCheck {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const problems: string[] = [];
  const header = lines.length > 0 ? (JSON.parse(lines[0]!) as { format?: string }) : null;
  if (header?.format !== auditExportFormat) problems.push('文件不是推进审计日志归档（首行格式不符）');
  const trailerLine = lines.at(-1);
  const trailer = trailerLine
    ? (JSON.parse(trailerLine) as { trailer?: boolean; rows?: number; sha256?: string })
    : {};
  if (!trailer.trailer) problems.push('文件缺少结尾行（导出未完成或被截断）');
  const events = lines.slice(1, trailer.trailer ? -1 : undefined);
  const digest = createHash('sha256');
  const badRows: string[] = [];
  for (const line of events) {
    digest.update(`${line}\n`);
    const event = JSON.parse(line) as Record<string, unknown> & {
      id: string;
      at: string;
      prevHash: string;
      hash: string;
    };
    const fields = {
      at: new Date(event.at),
      actorId: event.actorId as string | null,
      actorName: event.actorName as string,
      action: event.action as string,
      entityType: event.entityType as string | null,
      entityId: event.entityId as string | null,
      regionPath: event.regionPath as string | null,
      ip: event.ip as string | null,
      changes: event.changes,
      detail: event.detail,
    };
    if (chainHash(key, event.prevHash, fields) !== event.hash) badRows.push(event.id);
  }
  if (badRows.length > 0) problems.push(`${badRows.length} 条记录的哈希与内容不符，第一条编号 ${badRows[0]}`);
  const isComplete =
    trailer.trailer === true && trailer.rows === events.length && trailer.sha256 === digest.digest('hex');
  if (trailer.trailer && !isComplete)
    problems.push(`结尾行记下 ${trailer.rows} 条，文件中有 ${events.length} 条或内容摘要不符`);
  return { rows: events.length, badRows, isComplete, problems };
}

/** Exports a range into one buffer for a download, refusing a range too large for one request. */
export async function exportAuditLogForDownload(ctx: ExportCtx, range: { from: Date; to: Date }) {
  const rows = await countAuditRange(ctx.db, range);
  if (rows > maxApiExportRows) {
    throw new AppError(
      'VALIDATION_FAILED',
      `该时间范围有 ${rows} 条审计记录，超过网页导出上限 ${maxApiExportRows} 条：请缩短时间范围，或在服务器上使用 npx tuijin audit export`,
      [{ path: 'from', message: '时间范围过大' }],
    );
  }
  const lines: string[] = [];
  await exportAuditLog(ctx, range, (line) => void lines.push(line), 'api');
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
