import type { ProblemStatus } from './problem-status';

/**
 * The table of cases `isOverdueProblem` is tested on; the server runs the same rows through its SQL
 * twin on PGlite and PostgreSQL.
 */
export const overdueProblemCases: [
  name: string,
  status: ProblemStatus,
  dueOn: string,
  today: string,
  overdue: boolean,
][] = [
  ['raised, past due', 'raised', '2026-05-10', '2026-05-11', true],
  ['accepted, past due', 'accepted', '2026-05-10', '2026-06-01', true],
  ['in progress, past due across a year', 'in_progress', '2025-12-31', '2026-01-01', true],
  ['open and due today is not yet overdue', 'raised', '2026-05-11', '2026-05-11', false],
  ['open and due later is not overdue', 'in_progress', '2026-05-12', '2026-05-11', false],
  ['answered is never overdue', 'answered', '2026-05-01', '2026-05-11', false],
  ['written off is never overdue', 'written_off', '2026-05-01', '2026-05-11', false],
  ['rejected is never overdue', 'rejected', '2026-05-01', '2026-05-11', false],
  ['confirmed is never overdue', 'confirmed', '2026-05-01', '2026-05-11', false],
];
