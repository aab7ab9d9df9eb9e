import { type Actor, isSystemActor } from '@tuijin/domain';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { problems } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';

/**
 * The SQL form of `problemVisible` (a query joining `projects`): whoever sees the project, the
 * person who raised the problem, and a department it is routed to. Lists, boards and statistics
 * all filter with it, so a total equals the sum over rows the caller may open.
 */
export function problemScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const clauses: SQL[] = [projectScope(actor), eq(problems.raisedBy, actor.userId)];
  if (actor.roles.includes('department_staff'))
    clauses.push(eq(problems.handlerOrganisationId, actor.organisationId));
  return or(...clauses)!;
}
