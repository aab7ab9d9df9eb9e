import { isOpenProblem, type ProblemStatus } from './problem-status';

/** One region × due date of the kept problem counts (`region_problem_sums`). */
export interface ProblemRegionSum {
  regionCode: string;
  /** The region of the problem's project now (the caller's scope reads it). */
  projectRegionCode: string;
  dueOn: string;
  /** Every problem, whatever its status. */
  problems: number;
  /** All but rejected. */
  received: number;
  /** Written off (销号). */
  solved: number;
  /** Days from raising to write-off of the solved ones, China dates. */
  days: number;
  /** The handler still owes an answer (`isOpenProblem`); overdue on a day when due before it. */
  open: number;
}

/** Days between two YYYY-MM-DD dates. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The kept problem counts (issue 18 item 2): per problem region, its project's region now and due
 * date, received, solved, the
 * days to solve and the open ones, so 问题统计 by region is a sum over rows and overdue on `today` a
 * sum of `open` over due dates before it (`isOverdueProblem`). A group without problems has no row. Its
 * SQL twin is migration 0035's `tuijin_add_problem_sums`, kept by triggers on `problems`.
 */
export function problemRegionSumsOf(
  problems: readonly {
    regionCode: string;
    projectRegionCode: string;
    dueOn: string;
    status: ProblemStatus;
    /** China dates. */
    raisedOn: string;
    writtenOffOn: string | null;
  }[],
): ProblemRegionSum[] {
  const rows = new Map<string, ProblemRegionSum>();
  for (const p of problems) {
    const key = `${p.regionCode}|${p.projectRegionCode}|${p.dueOn}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        regionCode: p.regionCode,
        projectRegionCode: p.projectRegionCode,
        dueOn: p.dueOn,
        problems: 0,
        received: 0,
        solved: 0,
        days: 0,
        open: 0,
      };
      rows.set(key, row);
    }
    row.problems += 1;
    if (p.status !== 'rejected') row.received += 1;
    if (p.status === 'written_off') {
      row.solved += 1;
      if (p.writtenOffOn !== null) row.days += daysBetween(p.raisedOn, p.writtenOffOn);
    }
    if (isOpenProblem(p.status)) row.open += 1;
  }
  return [...rows.values()];
}
