import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions';

/**
 * 公开大屏发布设置: per jurisdiction, which panels of the big screen anyone may see without logging
 * in (aggregates only) and optionally which evaluation quarter. No row = nothing published.
 */
export const screenPublications = pgTable('screen_publications', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  showFigures: boolean('show_figures').notNull().default(false),
  showRanking: boolean('show_ranking').notNull().default(false),
  showRedCounts: boolean('show_red_counts').notNull().default(false),
  showMap: boolean('show_map').notNull().default(false),
  /** The evaluation quarter shown (`2026Q2`); null = the latest published one. */
  quarter: text('quarter'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
