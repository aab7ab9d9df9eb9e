import { type DatabaseHandle, openDatabase, readSettings, resolveAuditKey } from '@tuijin/server';
import { CliError } from './cli-error';

/**
 * Opens the configured database (same env as the server), migrated, for one command. Like the
 * server, a command refuses to run with an audit key that cannot continue the audit chains.
 */
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
    const resolved = await resolveAuditKey(handle.db, settings.dataDir);
    if (resolved.refusal !== null) throw new CliError(resolved.refusal, 1);
    return await run(handle, resolved.key);
  } finally {
    await handle.close();
  }
}
