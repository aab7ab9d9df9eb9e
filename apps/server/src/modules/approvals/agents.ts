import { type Actor, AppError, authorize, isSystemActor, pathInSubtree } from '@tuijin/domain';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, users } from '../../db/schema';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';

/** Whether an organisation at `organisationPath` serves a region at `regionPath`: the same, above or below. */
const serves = (organisationPath: string, regionPath: string) =>
  pathInSubtree(regionPath, organisationPath) || pathInSubtree(organisationPath, regionPath);

/** 帮办代办人 the actor may assign: active service officers of its jurisdiction and the regions above. */
export async function listApprovalAgents(db: Queryable, actor: Actor) {
  authorize(actor, 'approval.read');
  const above = ancestorPaths(actor.regionPath);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.isActive, true),
        sql`'service_officer' = any(${users.roles})`,
        isSystemActor(actor)
          ? sql`true`
          : or(
              inRegionSubtree(organisations.regionPath, actor.regionPath),
              ...above.map((path) => eq(organisations.regionPath, path)),
            ),
      ),
    )
    .orderBy(asc(users.displayName));
  return { data: rows };
}

/** The agent must be an active service officer serving the project's region. */
export async function assertAgent(db: Queryable, userId: string, regionPath: string) {
  const [agent] = await db
    .select({ roles: users.roles, isActive: users.isActive, regionPath: organisations.regionPath })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!agent?.isActive || !agent.roles.includes('service_officer') || !serves(agent.regionPath, regionPath))
    throw new AppError('VALIDATION_FAILED', '帮办代办人应为本辖区在用的服务专员账号', [
      { path: 'agentUserId', message: '应为本辖区的服务专员' },
    ]);
}
