import type { ReportAmount } from './year-to-date';

const r = (
  year: number,
  month: number,
  status: ReportAmount['status'],
  completedWanYuan: string,
): ReportAmount => ({ year, month, status, completedWanYuan });

const mixed = [
  r(2026, 1, 'approved', '100'),
  r(2026, 2, 'approved', '250.5'),
  r(2026, 3, 'submitted', '80'),
  r(2026, 4, 'returned', '70'),
  r(2026, 5, 'draft', '60'),
  r(2026, 6, 'approved', '0.0001'),
  r(2025, 12, 'approved', '9999'),
];

/**
 * The table of cases {@link completedYearToDate} is tested on; the server runs the same rows through
 * its SQL twin on PGlite and PostgreSQL.
 */
export const yearToDateCases: [
  name: string,
  reports: ReportAmount[],
  at: { year: number; month: number },
  ytd: string,
][] = [
  ['no report is 0', [], { year: 2026, month: 5 }, '0'],
  ['approved months up to M add up', mixed, { year: 2026, month: 2 }, '350.5'],
  ['submitted, returned and draft count for nothing', mixed, { year: 2026, month: 5 }, '350.5'],
  ['an approved month after them counts', mixed, { year: 2026, month: 6 }, '350.5001'],
  ['a month after M does not count', mixed, { year: 2026, month: 1 }, '100'],
  ['another year does not count', mixed, { year: 2025, month: 11 }, '0'],
  ['the year is its own', mixed, { year: 2025, month: 12 }, '9999'],
  ['before January nothing counts', mixed, { year: 2026, month: 0 }, '0'],
  [
    'a negative correction lowers the sum',
    [r(2026, 1, 'approved', '50'), r(2026, 2, 'approved', '-20')],
    { year: 2026, month: 12 },
    '30',
  ],
];
