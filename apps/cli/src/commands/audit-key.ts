import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuditKey, readSettings } from '@tuijin/server';
import { CliError } from '../cli-error';

/** The key an archive file is checked with: `TUIJIN_AUDIT_KEY`, else the data directory's `audit.key` (never a new one). */
export function readAuditKeyForFile(): Buffer {
  const { dataDir } = readSettings();
  if (!process.env.TUIJIN_AUDIT_KEY?.trim() && !existsSync(join(dataDir, 'audit.key'))) {
    throw new CliError('审计密钥缺失：校验归档文件需要写入它的 TUIJIN_AUDIT_KEY', 2);
  }
  return loadAuditKey(dataDir);
}
