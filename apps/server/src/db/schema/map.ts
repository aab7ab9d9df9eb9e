import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './access';
import { regions } from './regions';

/**
 * 行政区划边界图: the approved boundary file (GeoJSON) an office uploads for its jurisdiction, as
 * checked and reduced by the domain (geometry + region code per feature). Every upload is a new
 * version; the current map of a region is its latest version not deleted. Nothing is ever shipped.
 */
export const regionMaps = pgTable(
  'region_maps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    featureCount: integer('feature_count').notNull(),
    pointCount: integer('point_count').notNull(),
    featureCodes: text('feature_codes').array().notNull(),
    geojson: jsonb('geojson').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedBy: uuid('deleted_by').references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('region_maps_region_version_key').on(t.regionCode, t.version),
    index('region_maps_region_path_idx').on(t.regionPath),
  ],
);
