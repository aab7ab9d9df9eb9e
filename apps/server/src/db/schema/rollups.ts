import { index, integer, numeric, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
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
  ],
);
