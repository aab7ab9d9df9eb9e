import {
  type AnyPgColumn,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { monthlyReports } from './reports';

/** 项目文件: documents and photos; the bytes live in the file store under `stored_name`. */
export const projectFiles = pgTable(
  'project_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind', { enum: ['photo', 'document'] }).notNull(),
    /** Set when the file was attached to a monthly report (现场照片). */
    monthlyReportId: uuid('monthly_report_id').references((): AnyPgColumn => monthlyReports.id),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    thumbnailName: text('thumbnail_name'),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedByOrganisationId: uuid('uploaded_by_organisation_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [index('project_files_project_idx').on(t.projectId)],
);
