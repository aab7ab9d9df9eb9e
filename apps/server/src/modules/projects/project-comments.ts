import { authorize } from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { organisations, projectComments } from '../../db/schema';
import { recordAudit } from '../audit';
import { getProject } from './projects.queries';

/** Comments on a project the actor may see, oldest first. */
export async function listProjectComments(ctx: Ctx, projectId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  return ctx.db
    .select()
    .from(projectComments)
    .where(eq(projectComments.projectId, projectId))
    .orderBy(asc(projectComments.at));
}

/** A department, leader or office comments on a project it may see. */
export async function createProjectComment(ctx: Ctx, projectId: string, body: string) {
  const project = await getProject(ctx.db, ctx.actor, projectId);
  authorize(ctx.actor, 'project.comment');
  const [organisation] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.organisationId));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectComments)
      .values({
        projectId,
        body,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.displayName,
        organisationName: organisation?.name ?? '',
        at: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'project.comment',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      detail: { commentId: row!.id },
    });
    return row!;
  });
}
