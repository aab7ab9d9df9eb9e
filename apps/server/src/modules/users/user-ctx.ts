import { AppError } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { type Ctx, systemClock } from '../../context';
import type { Database } from '../../db/database';
import { users } from '../../db/schema';
import { actorSource, toActor } from '../auth';

/**
 * A context acting as a named, active user (the CLI's `--as <username>`): the same roles and
 * jurisdiction as that person has in the web app, so a command sees exactly what they would.
 */
export async function userCtx(db: Database, auditKey: Buffer, username: string): Promise<Ctx> {
  const [row] = await actorSource(db).where(eq(users.username, username));
  if (!row?.isActive || !row.organisationActive) {
    throw new AppError('NOT_FOUND', `找不到可用的用户：${username}`, [
      { path: 'as', message: '用户不存在或已停用' },
    ]);
  }
  return { db, actor: toActor(row), clock: systemClock, ip: null, auditKey };
}
