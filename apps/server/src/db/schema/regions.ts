import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

/** 行政区划: the jurisdiction tree, GB/T 2260 codes plus non-standard units (开发区). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'zone'] }).notNull(),
    parentCode: text('parent_code'),
    /** Materialised path of codes joined by dots, root first: the one jurisdiction filter. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('regions_path_key').on(t.path), index('regions_parent_idx').on(t.parentCode)],
);
