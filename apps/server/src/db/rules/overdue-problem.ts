import { openProblemStatuses } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { problems } from '../schema';

/** The two columns the overdue rule reads (the `problems` table's, or a test's literals). */
export interface OverdueColumns {
  status: SQL;
  dueOn: SQL;
}

export const problemOverdueColumns: OverdueColumns = {
  status: sql`${problems.status}`,
  dueOn: sql`${problems.dueOn}`,
};

/**
 * 逾期: open (the handler still owes an answer) and due before `today` (YYYY-MM-DD, China date). The
 * SQL twin of the domain's `isOverdueProblem`, tested on `overdueProblemCases` by
 * `equivalence.test.ts`; the problem list's filter, its statistics and the warnings read it.
 */
export function isOverdueProblemSql(
  today: string,
  columns: OverdueColumns = problemOverdueColumns,
): SQL<boolean> {
  const open = sql.join(
    openProblemStatuses.map((status) => sql`${status}`),
    sql`, `,
  );
  return sql<boolean>`(${columns.status} in (${open}) and ${columns.dueOn} < ${today}::date)`;
}
