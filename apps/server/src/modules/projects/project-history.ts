import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { auditEvents, users } from '../../db/schema';
import { getProject } from './projects.queries';

/** The audit trail of one project — the project's visible history — for anyone who may see it. */
export async function getProjectHistory(ctx: Ctx, projectId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  return ctx.db
    .select({ ...getTableColumns(auditEvents), actorDisplayName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'project'), eq(auditEvents.entityId, projectId)))
    .orderBy(desc(auditEvents.id))
    .limit(500);
}
