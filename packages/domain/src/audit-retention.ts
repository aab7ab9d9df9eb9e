/**
 * How long the audit log is kept. The Cybersecurity Law (Art. 21) asks for at least six months of
 * network logs, so the audit admin may lengthen the retention but never set it below 180 days.
 */
export const minAuditRetentionDays = 180;

/** The retention until the audit admin sets one. */
export const defaultAuditRetentionDays = 180;

/** Why a retention cannot be set (null when it can): fewer days than the legal minimum. */
export function auditRetentionRefusal(days: number): string | null {
  if (!Number.isInteger(days) || days < minAuditRetentionDays) {
    return `审计日志保留期不得少于 ${minAuditRetentionDays} 天（网络安全法第二十一条：网络日志留存不少于六个月），收到 ${days} 天`;
  }
  return null;
}

/**
 * The moment up to which the archive exports cover the log without a gap, starting from the oldest
 * kept event: exports (their `[from, to)` ranges) are joined while each starts no later than the
 * covered time so far. Null when the oldest event is not covered by any export.
 */
export function archivedThrough(
  oldestEventAt: Date | null,
  exports: readonly { from: Date; to: Date }[],
): Date | null {
  if (!oldestEventAt) return null;
  const sorted = [...exports].sort((a, b) => a.from.getTime() - b.from.getTime());
  let covered: Date | null = null;
  for (const range of sorted) {
    const start = covered ?? oldestEventAt;
    if (range.from.getTime() > start.getTime()) break;
    if (range.to.getTime() > start.getTime()) covered = range.to;
  }
  return covered;
}
