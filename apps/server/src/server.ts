import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { readSettings, type ServerSettings } from './config';
import { systemClock } from './context';
import { databaseFindings } from './db/database-roles';
import { openDatabase } from './db/open-database';
import { loadDemo } from './demo/load-demo';
import { type JobWorker, startJobWorker } from './jobs/worker';
import { startScheduledBackups } from './lib/backup/scheduled-backups';
import { fileStoreFor } from './lib/file-store';
import { AuditKeyRefusedError, resolveAuditKey } from './modules/audit';

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** How long SIGTERM waits for in-flight requests before closing anyway. */
const drainMs = 10_000;

/**
 * Opens the database, migrates it, optionally loads the demo jurisdiction into an empty database,
 * and serves the API and web app until SIGTERM/SIGINT, which drain requests and close the database.
 */
export async function startServer(options: {
  demo: boolean;
  settings?: ServerSettings;
  log?: (line: string) => void;
}) {
  const settings = options.settings ?? readSettings();
  const log = options.log ?? ((line: string) => console.log(line));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let worker: JobWorker | undefined;
  let backups: { stop(): Promise<void> } | undefined;
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    migrationUrl: settings.migrationDatabaseUrl,
    dataDir: settings.dataDir,
    analyticsTimeoutMs: settings.analyticsTimeoutMs,
    onPoolError: (error) => app?.log.error({ err: error }, 'database connection error'),
  });
  let auditKey: Buffer | undefined;
  try {
    await database.migrate();
    for (const finding of await databaseFindings(database.db, database.kind)) log(`警告：${finding.message}`);
    // A key that cannot continue the audit chains is refused: started anyway, it would break the
    // chain for good (issue 20). The one line says which: missing or different.
    const resolved = await resolveAuditKey(database.db, settings.dataDir);
    if (resolved.refusal !== null) throw new AuditKeyRefusedError(resolved.refusal);
    auditKey = resolved.key;
    if (options.demo) {
      const loaded = await loadDemo({
        db: database.db,
        auditKey,
        files: fileStoreFor(database, settings.filesDir),
      });
      if (loaded) log('已载入演示辖区：宁德市（演示账号见 README，密码 Tuijin#2026）');
    }
    app = await buildApp({
      database,
      auditKey,
      webDist: defaultWebDist,
      filesDir: settings.filesDir,
      tilesDir: settings.tilesDir,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      secureCookies: settings.secureCookies,
      trustProxy: settings.trustProxy,
      allowedOrigins: settings.allowedOrigins,
      nudgeJobs: () => worker?.nudge(),
      jobScheduleMinutes: settings.remindIntervalMinutes,
    });
    // The background jobs: scheduled slots every TUIJIN_REMIND_INTERVAL_MINUTES (0 = none), and
    // runs queued by requests (channel delivery) seconds after their commit.
    worker = startJobWorker({
      db: database.db,
      clock: systemClock,
      auditKey,
      store: fileStoreFor(database, settings.filesDir, () => systemClock.now()),
      scheduleEveryMinutes: settings.remindIntervalMinutes,
      log: (message, error) => (error ? app?.log.error({ err: error }, message) : app?.log.info(message)),
    });
    if (settings.backup)
      backups = startScheduledBackups(
        {
          database,
          databaseUrl: settings.databaseUrl,
          filesDir: settings.filesDir,
          auditKey,
          clock: systemClock,
        },
        settings.backup,
        (message, error) => (error ? app?.log.error({ err: error }, message) : app?.log.info(message)),
      );
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await backups?.stop();
    await worker?.stop();
    await app?.close().catch(() => {});
    await database.close();
    throw error;
  }
  const shown = settings.host === '0.0.0.0' ? 'localhost' : settings.host;
  if (process.env.TUIJIN_FAULT_CRASH_AFTER_COMMIT === '1') {
    log(
      '警告：TUIJIN_FAULT_CRASH_AFTER_COMMIT=1 —— 故障演练模式，带幂等键的写请求提交后进程将立即退出；切勿用于生产',
    );
  }
  log(
    `推进 Tuijin 已启动：http://${shown}:${settings.port}（数据库：${database.kind === 'pglite' ? `PGlite ${settings.dataDir}` : 'PostgreSQL'}）`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`收到 ${signal}，正在停止…`);
    const timer = setTimeout(
      () => {
        log('等待请求结束超时，强制退出');
        process.exit(1);
      },
      settings.drainNoticeMs + drainMs + 5_000,
    );
    timer.unref();
    // Readiness answers 503 from now on; requests are served until the listener closes.
    if (app) app.lifecycle.draining = true;
    if (settings.drainNoticeMs > 0) await new Promise((r) => setTimeout(r, settings.drainNoticeMs));
    await worker?.stop();
    await backups?.stop();
    // Closing stops new connections, ends idle keep-alive ones and waits for in-flight requests.
    await Promise.race([app?.close(), new Promise((r) => setTimeout(r, drainMs).unref())]);
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return { app, database };
}
