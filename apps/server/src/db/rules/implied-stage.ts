import { chinaDate, type ProjectStage, type StageAsOf, stageAsOfMonth } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { projects } from '../schema';

/** The four columns the stage is implied from (the `projects` table's, or a test's literals). */
export interface StageColumns {
  recordedStage: SQL;
  actualStartOn: SQL;
  actualCompletionOn: SQL;
  actualOperationOn: SQL;
}

/** The `projects` table's stage columns (unqualified by alias: `projects.…`). */
export const projectStageColumns: StageColumns = {
  recordedStage: sql`${projects.stage}`,
  actualStartOn: sql`${projects.actualStartOn}`,
  actualCompletionOn: sql`${projects.actualCompletionOn}`,
  actualOperationOn: sql`${projects.actualOperationOn}`,
};

/**
 * The SQL twin of the domain's `impliedStage` — the ONE place the stage rule is spelled in SQL, read
 * by the project list, the cockpit, warnings, evaluation and the map; `implied-stage.test.ts` runs
 * the domain's case table through both on PGlite and PostgreSQL. Answers the stage as text.
 */
export function impliedStageSql(
  at: StageAsOf,
  columns: StageColumns = projectStageColumns,
): SQL<ProjectStage> {
  const { recordedStage: recorded, actualStartOn: start, actualCompletionOn: completion } = columns;
  const operation = columns.actualOperationOn;
  const asOf = sql`${at.asOf}::date`;
  return sql<ProjectStage>`(case
    when ${recorded} = 'dropped' then 'dropped'
    when ${operation} <= ${asOf} then 'operating'
    when ${completion} <= ${asOf} then 'completed'
    when ${start} <= ${asOf} then
      case when extract(year from ${start}) >= ${at.year}::int then 'started' else 'underway' end
    when ${recorded} in ('conceived', 'reserve', 'preparing') then ${recorded}
    else 'preparing' end)`;
}

/** Whether the implied stage is 新开工 or later (the SQL twin of `hasStarted`). */
export function hasStartedSql(at: StageAsOf, columns: StageColumns = projectStageColumns): SQL<boolean> {
  return sql<boolean>`(${impliedStageSql(at, columns)} in ('started', 'underway', 'completed', 'operating'))`;
}

/** The stage as read today (China date) for the running year: the library's, the map's. */
export function stageToday(now: Date): StageAsOf {
  const today = chinaDate(now);
  return { year: Number(today.slice(0, 4)), asOf: today };
}

/** The stage as read for a month's figures (its last day, or today while it runs). */
export const stageForMonth = (year: number, month: number, now: Date) =>
  stageAsOfMonth(year, month, chinaDate(now));
