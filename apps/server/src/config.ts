import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Settings read from the environment, with the defaults `npm start` relies on. */
export interface ServerSettings {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The owner role's connection migrations run over (`TUIJIN_MIGRATION_DATABASE_URL`); absent: `databaseUrl`. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  /** The offline basemap tiles (`{z}/{x}/{y}.png`): `TUIJIN_TILES_DIR`, else `tiles` in the data directory. */
  tilesDir: string;
  secureCookies: boolean;
  trustProxy: boolean;
  allowedOrigins: string[];
  /** Minutes between reminder runs in the server process; 0 turns the timer off. */
  remindIntervalMinutes: number;
  /** PostgreSQL: milliseconds an analytics statement (cockpit, map, screen) may run before a 503. */
  analyticsTimeoutMs: number;
  /**
   * Milliseconds between SIGTERM and closing the listener, while `/api/ready` already answers 503 and
   * requests are still served: long enough for a load balancer's readiness check to take the instance
   * out (0: close at once; set it to two check intervals behind HAProxy). The drain after it is 10 s.
   */
  drainNoticeMs: number;
  /**
   * The nightly backup the server writes itself (`TUIJIN_BACKUP_DIR`, kept `TUIJIN_BACKUP_KEEP`
   * days, from the Beijing hour `TUIJIN_BACKUP_HOUR`); absent: none (back up with `tuijin backup`).
   */
  backup: { dir: string; keep: number; hour: number } | undefined;
}

/** Reads `PORT`, `HOST`, `DATABASE_URL`, `TUIJIN_MIGRATION_DATABASE_URL`, `TUIJIN_DATA_DIR`, `TUIJIN_FILES_DIR`, `TUIJIN_TILES_DIR`, `TUIJIN_SECURE_COOKIES`, `TUIJIN_TRUST_PROXY`, `TUIJIN_ALLOWED_ORIGINS`, `TUIJIN_REMIND_INTERVAL_MINUTES`, `TUIJIN_ANALYTICS_TIMEOUT_MS`, `TUIJIN_DRAIN_NOTICE_MS`, `TUIJIN_BACKUP_DIR`, `TUIJIN_BACKUP_KEEP`, `TUIJIN_BACKUP_HOUR`. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  const url = env.DATABASE_URL?.trim() || undefined;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new Error('DATABASE_URL 须以 postgres:// 或 postgresql:// 开头');
  const migrationUrl = env.TUIJIN_MIGRATION_DATABASE_URL?.trim() || undefined;
  if (migrationUrl && !/^postgres(ql)?:\/\//.test(migrationUrl))
    throw new Error('TUIJIN_MIGRATION_DATABASE_URL 须以 postgres:// 或 postgresql:// 开头');
  const dataDir = resolve(env.TUIJIN_DATA_DIR ?? 'data');
  const remindIntervalMinutes = Number(env.TUIJIN_REMIND_INTERVAL_MINUTES ?? '60');
  if (!Number.isInteger(remindIntervalMinutes) || remindIntervalMinutes < 0)
    throw new Error(`TUIJIN_REMIND_INTERVAL_MINUTES 无效：${env.TUIJIN_REMIND_INTERVAL_MINUTES}`);
  const analyticsTimeoutMs = Number(env.TUIJIN_ANALYTICS_TIMEOUT_MS ?? '10000');
  if (!Number.isInteger(analyticsTimeoutMs) || analyticsTimeoutMs < 100)
    throw new Error(`TUIJIN_ANALYTICS_TIMEOUT_MS 无效（至少 100）：${env.TUIJIN_ANALYTICS_TIMEOUT_MS}`);
  const drainNoticeMs = Number(env.TUIJIN_DRAIN_NOTICE_MS ?? '0');
  if (!Number.isInteger(drainNoticeMs) || drainNoticeMs < 0 || drainNoticeMs > 30_000)
    throw new Error(`TUIJIN_DRAIN_NOTICE_MS 无效（0–30000）：${env.TUIJIN_DRAIN_NOTICE_MS}`);
  const backupKeep = Number(env.TUIJIN_BACKUP_KEEP ?? '7');
  if (!Number.isInteger(backupKeep) || backupKeep < 1)
    throw new Error(`TUIJIN_BACKUP_KEEP 无效（至少 1）：${env.TUIJIN_BACKUP_KEEP}`);
  const backupHour = Number(env.TUIJIN_BACKUP_HOUR ?? '2');
  if (!Number.isInteger(backupHour) || backupHour < 0 || backupHour > 23)
    throw new Error(`TUIJIN_BACKUP_HOUR 无效（0–23，北京时间）：${env.TUIJIN_BACKUP_HOUR}`);
  const backupDir = env.TUIJIN_BACKUP_DIR?.trim();
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: url,
    migrationDatabaseUrl: migrationUrl,
    dataDir,
    filesDir: resolve(env.TUIJIN_FILES_DIR ?? join(dataDir, 'files')),
    tilesDir: resolve(env.TUIJIN_TILES_DIR ?? join(dataDir, 'tiles')),
    secureCookies: env.TUIJIN_SECURE_COOKIES === '1' || env.TUIJIN_SECURE_COOKIES === 'true',
    trustProxy: env.TUIJIN_TRUST_PROXY === '1' || env.TUIJIN_TRUST_PROXY === 'true',
    allowedOrigins: (env.TUIJIN_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    remindIntervalMinutes,
    analyticsTimeoutMs,
    drainNoticeMs,
    backup: backupDir ? { dir: resolve(backupDir), keep: backupKeep, hour: backupHour } : undefined,
  };
}

/**
 * The audit chain's HMAC key: `TUIJIN_AUDIT_KEY` (hex, ≥ 32 bytes) when set — required when several
 * instances share one PostgreSQL — else `audit.key` in the data directory, created on first use.
 */
export function loadAuditKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.TUIJIN_AUDIT_KEY?.trim();
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64,}$/.test(fromEnv)) throw new Error('TUIJIN_AUDIT_KEY 须为至少 64 位十六进制字符');
    return Buffer.from(fromEnv, 'hex');
  }
  const path = join(dataDir, 'audit.key');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}
