import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { problems } from './problems';

/** 问题附件: documents and photos attached to a problem (at raising, or as evidence with an answer). */
export const problemAttachments = pgTable(
  'problem_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    kind: text('kind', { enum: ['photo', 'document'] }).notNull(),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedByOrganisationId: uuid('uploaded_by_organisation_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [index('problem_attachments_problem_idx').on(t.problemId)],
);
