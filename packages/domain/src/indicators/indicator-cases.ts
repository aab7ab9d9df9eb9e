import type { StageAsOf, StageFacts } from '../projects/implied-stage';

/**
 * Tables of cases the indicator rules are tested on; the server runs the same rows through their SQL
 * twins (`db/rules/indicators.ts`) on PGlite and PostgreSQL, so SQL and domain cannot drift.
 */

/** 年度投资计划完成率: year-to-date completed, annual plan → percent (one decimal, half-up) or null. */
export const planCompletionRateCases: [name: string, ytd: string, planned: string, percent: string | null][] =
  [
    ['Luohe by May', '644', '1000', '64.4'],
    ['two thirds rounds half up', '2', '3', '66.7'],
    ['an exact half rounds up', '1.25', '100', '1.3'],
    ['just under a half rounds down', '1.2499', '100', '1.2'],
    ['no completion is 0.0', '0', '500', '0.0'],
    ['over the plan exceeds 100', '1500.5', '1000', '150.1'],
    ['a plan of 0 has no rate', '10', '0', null],
    ['a tiny share rounds down to 0.0', '0.0499', '100', '0.0'],
    ['a tiny share at the half rounds up to 0.1', '0.05', '100', '0.1'],
    ['four decimals on both sides', '0.0001', '0.0003', '33.3'],
  ];

/**
 * 序时进度 behind: year-to-date, plan, month (months completed) → behind. The published one-decimal
 * completion rate is compared with the one-decimal months ÷ 12; equal is on time; no plan is never
 * behind.
 */
export const behindTimeProgressCases: [
  name: string,
  ytd: string,
  planned: string,
  month: number,
  behind: boolean,
][] = [
  ['ahead of May', '644', '1000', 5, false],
  ['behind May (41.6 < 41.7)', '416', '1000', 5, true],
  ['equal after rounding is on time (41.7 = 41.7)', '416.6', '1000', 5, false],
  ['rounded up to time progress is on time', '416.65', '1000', 5, false],
  ['just below the rounded figure is behind', '416.4999', '1000', 5, true],
  ['nothing done in January is behind', '0', '1000', 1, true],
  ['before January nothing is behind', '0', '1000', 0, false],
  ['no plan is never behind', '0', '0', 6, false],
  ['the whole plan by December is on time', '1000', '1000', 12, false],
  ['one part short in December is behind', '999', '1000', 12, true],
];

/** One project as 开工率 reads it: whether the plan says it starts this year, and its stage facts. */
export interface StartRateProject {
  plansStart: boolean;
  facts: StageFacts;
}

const project = (
  plansStart: boolean,
  actualStartOn: string | null,
  recorded: StageFacts['recordedStage'] = 'preparing',
): StartRateProject => ({
  plansStart,
  facts: { recordedStage: recorded, actualStartOn, actualCompletionOn: null, actualOperationOn: null },
});

/**
 * 开工率: projects started (planned to start AND started by the as-of date, by `hasStarted`) ÷
 * projects planned to start → percent. An unplanned start counts for nothing; a dropped project
 * planned to start stays in the denominator.
 */
export const startRateCases: [
  name: string,
  projects: StartRateProject[],
  at: StageAsOf,
  percent: string | null,
][] = [
  ['nothing planned has no rate', [project(false, '2026-03-01')], { year: 2026, asOf: '2026-05-31' }, null],
  [
    'two of three planned started',
    [project(true, '2026-03-01'), project(true, '2026-05-31'), project(true, null)],
    { year: 2026, asOf: '2026-05-31' },
    '66.7',
  ],
  [
    'a start after the as-of date has not happened',
    [project(true, '2026-06-01'), project(true, '2026-01-02')],
    { year: 2026, asOf: '2026-05-31' },
    '50.0',
  ],
  [
    'an unplanned start is not counted',
    [project(false, '2026-03-01'), project(true, null)],
    { year: 2026, asOf: '2026-05-31' },
    '0.0',
  ],
  [
    'a start in an earlier year (在建) counts as started',
    [project(true, '2025-03-01', 'underway')],
    { year: 2026, asOf: '2026-05-31' },
    '100.0',
  ],
  [
    'a dropped project stays planned but never started',
    [project(true, '2026-03-01', 'dropped'), project(true, '2026-03-01')],
    { year: 2026, asOf: '2026-05-31' },
    '50.0',
  ],
];
