import { type DatabaseHandle, loadAuditKey, openDatabase, readSettings } from '@tuijin/server';

/** Opens the configured database (same env as the server), migrated, for one command. */
export async function withDatabase<T>(
  run: (handle: DatabaseHandle, auditKey: Buffer) => Promise<T>,
): Promise<T> {
  const settings = readSettings();
  const handle = await openDatabase({
    databaseUrl: settings.databaseUrl,
    migrationUrl: settings.migrationDatabaseUrl,
    dataDir: settings.dataDir,
  });
  try {
    await handle.migrate();
    return await run(handle, loadAuditKey(settings.dataDir));
  } finally {
    await handle.close();
  }
}
