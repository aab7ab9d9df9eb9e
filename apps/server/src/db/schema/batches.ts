import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

/** 批次方案: a jurisdiction's campaign scheme for a year (四个一批…), with its batches. */
export const batchSchemes = pgTable(
  'batch_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('batch_schemes_region_year_name_key').on(t.regionCode, t.year, t.name)],
);

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => batchSchemes.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('batches_scheme_name_key').on(t.schemeId, t.name)],
);

export const projectBatches = pgTable(
  'project_batches',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.batchId] }),
    index('project_batches_batch_idx').on(t.batchId),
  ],
);
