import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKind } from '../../db/database';

/**
 * A refusal the operator can act on (a non-empty target, a missing key, a damaged part): the CLI
 * prints its message as one line and exits 2 for a bad call, 1 for a bad backup.
 */
export class BackupRefusedError extends Error {
  constructor(
    message: string,
    readonly isUsage = false,
  ) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** One file of a backup: its path inside the backup directory, size and SHA-256. */
export interface BackupPart {
  path: string;
  bytes: number;
  sha256: string;
}

/** What a database holds, as a backup records it and a restore or a verify compares it. */
export interface BackupContents {
  /** Rows per table, `schema.table` (the `public` tables and the migrator's bookkeeping). */
  counts: Record<string, number>;
  /** The migrations applied: how many, and the newest one's tag from the journal. */
  migration: { applied: number; newest: string | null };
  /** The audit chain: events checked and each chain's head (last id and hash). */
  audit: { events: number; heads: { chain: number; id: number; hash: string }[] };
}

/** `manifest.json` of a backup directory. */
export interface BackupManifest extends BackupContents {
  format: 'tuijin-backup';
  version: 1;
  engine: DatabaseKind;
  createdAt: string;
  /**
   * The audit key the chain needs, by fingerprint (SHA-256 of the key, first 16 hex digits): the key
   * itself never goes into a backup, so a stolen backup cannot be re-chained.
   */
  auditKeyFingerprint: string;
  parts: BackupPart[];
}

export const manifestFile = 'manifest.json';

/** The fingerprint a manifest names the audit key by. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** SHA-256 and size of a file, read as a stream. */
export async function describePart(dir: string, path: string): Promise<BackupPart> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(join(dir, path))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

/** Reads and checks the shape of `manifest.json` in `dir`, with a message that says what is wrong. */
export function readManifest(dir: string): BackupManifest {
  const path = join(dir, manifestFile);
  if (!existsSync(path))
    throw new BackupRefusedError(
      `${dir} 不是备份目录：缺少 ${manifestFile}（由 tuijin backup --out 写出）`,
      true,
    );
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupRefusedError(`${path} 不是有效的 JSON：${(error as Error).message}`);
  }
  if (manifest.format !== 'tuijin-backup' || manifest.version !== 1)
    throw new BackupRefusedError(`${path} 不是本版本可读的备份清单（format/version 不符）`);
  if (manifest.engine !== 'pglite' && manifest.engine !== 'postgresql')
    throw new BackupRefusedError(`${path} 的 engine 无效：${String(manifest.engine)}`);
  if (!Array.isArray(manifest.parts) || manifest.parts.some((p) => typeof p.path !== 'string'))
    throw new BackupRefusedError(`${path} 的 parts 无效`);
  for (const part of manifest.parts)
    if (part.path.startsWith('/') || part.path.split('/').includes('..'))
      throw new BackupRefusedError(`${path} 中的部件路径越出备份目录：${part.path}`);
  return manifest;
}

/** The differences between two sets of table counts, as lines (`public.projects: 备份 12，实际 11`). */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return tables
    .filter((t) => expected[t] !== actual[t])
    .map((t) => `${t}：清单 ${expected[t] ?? '无此表'}，实际 ${actual[t] ?? '无此表'}`);
}
