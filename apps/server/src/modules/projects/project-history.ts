import type { Ctx } from '../../context';
import { entityHistory } from '../audit';
import { getProject } from './projects.queries';

/** The audit trail of one project — the project's visible history — for anyone who may see it. */
export async function getProjectHistory(ctx: Ctx, projectId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  return entityHistory(ctx.db, 'project', projectId);
}
