import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { regions } from './regions';

/** 单位: key-project offices, industry departments, project owner units. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['office', 'department', 'owner', 'other'] }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Copy of the region's path, so scope filters need no join. Region paths never change. */
    regionPath: text('region_path').notNull(),
    sector: text('sector'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_region_name_key').on(t.regionCode, t.name),
    index('organisations_region_path_idx').on(t.regionPath),
  ],
);
