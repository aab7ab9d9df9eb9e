import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { auditEvents } from '../../db/schema';
import { getProject } from './projects.queries';

/** The audit trail of one project — the project's visible history — for anyone who may see it. */
export async function getProjectHistory(ctx: Ctx, projectId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  return ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'project'), eq(auditEvents.entityId, projectId)))
    .orderBy(desc(auditEvents.id))
    .limit(500);
}
