import { readFile } from 'node:fs/promises';
import { type DatabaseHandle, loadActorByUsername, systemClock } from '@tuijin/server';
import { CliError } from './cli-error';

/** The bytes of a file named on the command line; a missing or unreadable one is a usage error naming it. */
export function readInputFile(file: string): Promise<Buffer> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      error.code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}：${error.message}`,
      2,
    );
  });
}

/**
 * The use-case context of the account an import runs as (`--as`): the same permissions and
 * jurisdiction as on the web; an unknown or disabled account is a usage error naming the option.
 */
export async function actingAs(handle: DatabaseHandle, auditKey: Buffer, username: string) {
  const actor = await loadActorByUsername(handle.db, username);
  if (!actor) throw new CliError(`参数 --as 无效：找不到用户 ${username}，或该账号已停用`, 2);
  return { db: handle.db, actor, clock: systemClock, ip: null, auditKey };
}
