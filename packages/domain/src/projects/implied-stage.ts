import type { ProjectStage } from './stages';

/**
 * What decides a project's stage: the stage recorded in the library (by hand, by the ledger import)
 * and the actual dates learned from approved monthly reports, an office's edit with a reason or
 * the ledger import (YYYY-MM-DD, null when not known).
 */
export interface StageFacts {
  recordedStage: ProjectStage;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  actualOperationOn: string | null;
}

/** The year a stage is read for (新开工 = started in that year) and the day dates count up to. */
export interface StageAsOf {
  year: number;
  /** YYYY-MM-DD: dates after it have not happened yet (a month's end for a past month, else today). */
  asOf: string;
}

/** Stages a recorded value keeps while no actual date says otherwise (before the start, or dropped). */
export const preStartStages: readonly ProjectStage[] = ['conceived', 'reserve', 'preparing'];

/** Stages that mean construction has started (新开工 or later). */
export const startedStages: readonly ProjectStage[] = ['started', 'underway', 'completed', 'operating'];

/** Whether a stage means construction has started (新开工, 在建, 竣工, 投产). */
export const isStartedStage = (stage: ProjectStage) => startedStages.includes(stage);

/**
 * The one rule for a project's stage, used by the list, the cockpit, warnings, evaluation and the
 * map (its SQL twin is `impliedStageSql` on the server, held equal by a table test on both
 * engines). Dates decide; the recorded stage only fills in what no date says:
 * - 淘汰 (dropped) recorded stays dropped;
 * - an operation date on or before `asOf` → 投产; else a completion date → 竣工;
 * - else a start date → 新开工 when it falls in `year`, 在建 when earlier;
 * - else (no actual start by `asOf`): a pre-start stage (谋划/储备/前期) stays as recorded, and any
 *   later stage recorded without its date is 前期 — a start is a fact with a date; a ledger line or
 *   a stage typed into a form cannot make it (creating a 续建 project dates its start by its
 *   建设起止年限, see `inferredStartOn`).
 */
export function impliedStage(facts: StageFacts, at: StageAsOf): ProjectStage {
  const { recordedStage: recorded } = facts;
  if (recorded === 'dropped') return 'dropped';
  const happened = (date: string | null) => date !== null && date <= at.asOf;
  if (happened(facts.actualOperationOn)) return 'operating';
  if (happened(facts.actualCompletionOn)) return 'completed';
  if (happened(facts.actualStartOn))
    return Number(facts.actualStartOn!.slice(0, 4)) >= at.year ? 'started' : 'underway';
  return preStartStages.includes(recorded) ? recorded : 'preparing';
}

/**
 * The actual start a project entered into the library at a started stage is given when no date is
 * typed (a 续建 line of a ledger, the project form): the first day of its 建设起止年限 start month
 * (January when no month), if that is on or before `today` and in an earlier year than `today`'s —
 * a project "under way since 2024" has started, one listed to start this year has not until a
 * report or the office says when (it enters as 前期). Null otherwise.
 */
export function inferredStartOn(
  stage: ProjectStage,
  startYear: number,
  startMonth: number | null,
  today: string,
): string | null {
  if (!isStartedStage(stage) || startYear >= Number(today.slice(0, 4))) return null;
  return `${startYear}-${String(startMonth ?? 1).padStart(2, '0')}-01`;
}

/** Whether a project had started by `asOf` under {@link impliedStage} (the cockpit's 已开工). */
export const hasStarted = (facts: StageFacts, at: StageAsOf) => isStartedStage(impliedStage(facts, at));

/** The last day of month `month` of `year`, YYYY-MM-DD. */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The moment a figure for month `month` of `year` is judged at: the month's last day, or `today`
 * when the month is not over yet — so a stage read for the current month never counts a date
 * after today.
 */
export function stageAsOfMonth(year: number, month: number, today: string): StageAsOf {
  const end = lastDayOfMonth(year, month);
  return { year, asOf: end < today ? end : today };
}
