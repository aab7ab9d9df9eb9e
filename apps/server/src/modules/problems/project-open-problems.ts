import { openProblemStatuses } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { problems } from '../../db/schema';

/** One problem of {@link openProblemsJsonSql}'s array, as the database writes it. */
export interface OpenProblemJson {
  id: string;
  reference_number: string;
  category: string;
  description: string;
  status: (typeof openProblemStatuses)[number];
  level: number;
  due_on: string;
  overdue: boolean;
}

/**
 * The project's open problems (the handler still owes an answer: `openProblemStatuses`), soonest
 * due first, as one JSON array column; `overdue` by the domain's rule (open and due before `today`).
 * Whoever may read the project sees its problems (`problemScope`), so the caller's project check
 * is the scope.
 */
export function openProblemsJsonSql(projectId: SQL, today: string, limit = 50): SQL<OpenProblemJson[]> {
  const open = sql.join(
    openProblemStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql<
    OpenProblemJson[]
  >`(select coalesce(json_agg(p order by p.due_on, p.reference_number), '[]'::json) from (
    select id, reference_number, category, description, status, level, due_on::text as due_on,
      due_on < ${today}::date as overdue
    from ${problems}
    where project_id = ${projectId} and status in (${open})
    order by due_on, reference_number
    limit ${limit}) p)`;
}
