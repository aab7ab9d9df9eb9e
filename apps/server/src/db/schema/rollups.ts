import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { money } from './columns';
import { projects } from './projects';

/**
 * Kept rollup (issue 18): a project's year as the figures read it — the approved 本月完成 of each
 * month 1..12 (0 where no approved report) and their running totals (`ytd[M]` = 本年累计完成 to month
 * M), the adjusted annual plan and the year-to-date rate. Never written by a use case: the triggers
 * of migration 0032 keep it in the same transaction as every write to `monthly_reports` and
 * `annual_plans` (approval, return, correction, import, deletion), so a read is an index lookup and
 * never stale. The rule is the domain's `yearFiguresOfProject`; `tuijin rollups rebuild` recomputes it.
 */
export const projectYearFigures = pgTable(
  'project_year_figures',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    approved: money('approved').array().notNull(),
    ytd: money('ytd').array().notNull(),
    ytdTotal: money('ytd_total').notNull(),
    planned: money('planned'),
    /** ytd_total ÷ planned, rounded half away from zero to 6 decimals; null without a plan above 0. */
    ytdRate: numeric('ytd_rate', { precision: 18, scale: 6 }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year] }),
    index('project_year_figures_year_rate_idx').on(t.year, t.ytdRate),
    // The project list by 本年累计完成率, high to low (issue 18 item 3): walked in order, stopped after the page.
    index('project_year_figures_rate_order_idx')
      .on(t.year, t.ytdRate.desc(), t.projectId)
      .where(sql`${t.ytdRate} is not null`),
  ],
);

/**
 * Kept per-project facts of the region sums (issue 18 item 1): a project-year in one plan basis
 * (`baseline`: its frozen plan; `adjusted`: any plan) as the cockpit's default rollup counts it —
 * plan, cumulative plan and year-to-date to each month, the 计划开工/竣工/投产 flags, the dates from
 * which it counts as started, completed and operating (null: never, or dropped), and the state of
 * each month's report for a project still due (not dropped). A row exists only while the project
 * has a plan in that basis. Never written by a use case: the triggers of migration 0036 refresh it
 * and add the difference to `region_month_sums` and `region_stage_days`, in the writing
 * transaction. The rule is the domain's `regionSumsOf`; `tuijin rollups rebuild` recomputes it.
 */
export const projectRegionFacts = pgTable(
  'project_region_facts',
  {
    projectId: uuid('project_id').notNull(),
    year: integer('year').notNull(),
    basis: text('basis', { enum: ['baseline', 'adjusted'] }).notNull(),
    regionCode: text('region_code').notNull(),
    planned: money('planned').notNull(),
    cumPlan: money('cum_plan').array().notNull(),
    ytd: money('ytd').array().notNull(),
    plansStart: boolean('plans_start').notNull(),
    plansCompletion: boolean('plans_completion').notNull(),
    plansOperation: boolean('plans_operation').notNull(),
    isDue: boolean('is_due').notNull(),
    startedOn: date('started_on'),
    completedOn: date('completed_on'),
    operatingOn: date('operating_on'),
    onTime: boolean('on_time').array().notNull(),
    late: boolean('late').array().notNull(),
    submitted: boolean('submitted').array().notNull(),
    inStat: boolean('in_stat').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year, t.basis] })],
);

/**
 * Kept region sums (issue 18 item 1): per region (its own projects, `projects.region_code`; a
 * city's figure is the sum over its subtree, summed when read) × year × basis × month 1..12, the
 * sums of `project_region_facts`: projects, plan, cumulative plan and year-to-date to the month,
 * planned/actual starts, completions and operations by the month's last day, and the month's report
 * counts among projects still due. Kept by the triggers of migration 0036 as differences; a row
 * with no project is removed.
 */
export const regionMonthSums = pgTable(
  'region_month_sums',
  {
    year: integer('year').notNull(),
    basis: text('basis', { enum: ['baseline', 'adjusted'] }).notNull(),
    month: integer('month').notNull(),
    regionCode: text('region_code').notNull(),
    projects: integer('projects').notNull(),
    due: integer('due').notNull(),
    planned: money('planned').notNull(),
    cumPlan: money('cum_plan').notNull(),
    ytd: money('ytd').notNull(),
    plansStart: integer('plans_start').notNull(),
    plansCompletion: integer('plans_completion').notNull(),
    plansOperation: integer('plans_operation').notNull(),
    started: integer('started').notNull(),
    completed: integer('completed').notNull(),
    operating: integer('operating').notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    submitted: integer('submitted').notNull(),
    inStat: integer('in_stat').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.basis, t.month, t.regionCode] })],
);

/**
 * The started/completed/operating counts of `region_month_sums` by day within the year (dates
 * before the year count on January 1st; later ones not at all), so a figure as of a day inside the
 * running month is the month's count less the days after it: an index range.
 */
export const regionStageDays = pgTable(
  'region_stage_days',
  {
    year: integer('year').notNull(),
    basis: text('basis', { enum: ['baseline', 'adjusted'] }).notNull(),
    onDate: date('on_date').notNull(),
    regionCode: text('region_code').notNull(),
    started: integer('started').notNull(),
    completed: integer('completed').notNull(),
    operating: integer('operating').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.basis, t.onDate, t.regionCode] })],
);

/**
 * Kept problem counts per region (issue 18 item 2): per `problems.region_code` × its project's
 * region now × due date, the
 * problems received (all but rejected), solved (written off) with their days from raising to
 * write-off (China dates), and still open (the handler owes an answer). Overdue on a day is the sum
 * of `open` over due dates before it — an index range. Kept by the triggers of migration 0036 as
 * differences; the rule is the domain's `problemRegionSumsOf`.
 */
export const regionProblemSums = pgTable(
  'region_problem_sums',
  {
    regionCode: text('region_code').notNull(),
    /** The region of the problem's project now (it may have moved since): what the caller's scope reads. */
    projectRegionCode: text('project_region_code').notNull(),
    dueOn: date('due_on').notNull(),
    /** Every problem, whatever its status (a region listed with only rejected ones still shows). */
    problems: integer('problems').notNull(),
    received: integer('received').notNull(),
    solved: integer('solved').notNull(),
    days: integer('days').notNull(),
    open: integer('open').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.projectRegionCode, t.dueOn] })],
);
