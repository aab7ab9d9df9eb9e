import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

/**
 * One import of the statistics bureau's sheet (统计局入统数据) for a month, by an office for its
 * jurisdiction: which file, how many rows, who and when. Its figures are `statistics_figures`.
 */
export const statisticsImports = pgTable(
  'statistics_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    fileName: text('file_name'),
    rowCount: integer('row_count').notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedByName: text('imported_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('statistics_imports_period_idx').on(t.year, t.month)],
);

/**
 * The statistics bureau's year-to-date 入统 investment of a project for a month (1–N 月累计, 万元):
 * one figure per project and month, replaced by a later import of the same month.
 */
export const statisticsFigures = pgTable(
  'statistics_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    yearToDateWanYuan: money('year_to_date_wan_yuan').notNull(),
    importId: uuid('import_id')
      .notNull()
      .references(() => statisticsImports.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('statistics_figures_project_month_key').on(t.projectId, t.year, t.month),
    index('statistics_figures_period_idx').on(t.year, t.month),
  ],
);
