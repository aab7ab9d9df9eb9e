import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type InspectedContents, inspectArchive } from './backup-contents';
import {
  type BackupManifest,
  countDifferences,
  describePart,
  keyFingerprint,
  manifestFile,
  readManifest,
} from './backup-manifest';
import { backupParts, filesUnder, inspectSnapshot } from './write-backup';

/** What `tuijin backup verify` found. */
export interface BackupVerification {
  manifest: BackupManifest;
  /** One line per problem; empty when the backup is whole. */
  problems: string[];
  /** Whether the audit chain's HMACs were recomputed (the key at hand is the backup's). */
  isKeyChecked: boolean;
  /** The audit events the chain check walked. */
  auditEvents: number;
}

/** Checks every part listed in the manifest (present, size, SHA-256) and that nothing else is there. */
export async function checkParts(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const part of manifest.parts) {
    if (!existsSync(join(dir, part.path))) {
      problems.push(`缺少部件 ${part.path}`);
      continue;
    }
    const actual = await describePart(dir, part.path);
    if (actual.bytes !== part.bytes || actual.sha256 !== part.sha256)
      problems.push(
        `部件 ${part.path} 与清单不符（清单 ${part.bytes} 字节 sha256 ${part.sha256.slice(0, 12)}…，实际 ${actual.bytes} 字节 ${actual.sha256.slice(0, 12)}…）`,
      );
  }
  const listed = new Set(manifest.parts.map((p) => p.path));
  for (const path of filesUnder(dir))
    if (path !== manifestFile && !listed.has(path)) problems.push(`清单之外的文件 ${path}`);
  return problems;
}

/** Reads the database part of a backup as a database would hold it. */
export async function inspectBackupDatabase(
  dir: string,
  manifest: BackupManifest,
  key: Buffer | null,
): Promise<InspectedContents> {
  if (manifest.engine === 'pglite')
    return inspectSnapshot(new Blob([readFileSync(join(dir, backupParts.pgliteSnapshot))]), key);
  return inspectArchive(join(dir, backupParts.postgresArchive), key);
}

/** The differences between what a manifest promises and what a database or archive holds. */
export function contentDifferences(manifest: BackupManifest, contents: InspectedContents): string[] {
  const problems = countDifferences(manifest.counts, contents.counts).map((line) => `行数不符 ${line}`);
  if (contents.migration.newest !== manifest.migration.newest)
    problems.push(`迁移版本不符：清单 ${manifest.migration.newest}，实际 ${contents.migration.newest}`);
  if (!contents.chain.intact)
    problems.push(
      `审计链在第 ${contents.chain.firstBrokenId} 条事件处断开${contents.chain.isKeyChecked ? '' : '（仅核对链接，未核对 HMAC）'}`,
    );
  else if (JSON.stringify(contents.audit) !== JSON.stringify(manifest.audit))
    problems.push(`审计链头与清单不符：清单 ${manifest.audit.events} 条，实际 ${contents.audit.events} 条`);
  return problems;
}

/**
 * `tuijin backup verify DIR`: the manifest's checksum of every part, then the database part read as
 * a database (the PGlite snapshot loaded in memory; the PostgreSQL archive read by `pg_restore`
 * without a server): rows per table, migration level, and the audit chain walked from its first
 * event to the heads the manifest names. With the backup's audit key at hand (by fingerprint) every
 * HMAC is recomputed; without it only the links are, and the result says so.
 */
export async function verifyBackup(dir: string, key: Buffer | null): Promise<BackupVerification> {
  const manifest = readManifest(dir);
  const problems = await checkParts(dir, manifest);
  const usableKey = key !== null && keyFingerprint(key) === manifest.auditKeyFingerprint ? key : null;
  const databasePart =
    manifest.engine === 'pglite' ? backupParts.pgliteSnapshot : backupParts.postgresArchive;
  if (problems.some((p) => p.includes(databasePart)))
    return { manifest, problems, isKeyChecked: false, auditEvents: 0 };
  const contents = await inspectBackupDatabase(dir, manifest, usableKey);
  problems.push(...contentDifferences(manifest, contents));
  return { manifest, problems, isKeyChecked: usableKey !== null, auditEvents: contents.audit.events };
}
