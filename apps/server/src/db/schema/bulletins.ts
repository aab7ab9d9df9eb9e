import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { regions } from './regions';

/**
 * 通报模板: per jurisdiction and kind (月度 / 周 / 日通报), the office's wording — title, 文号 prefix,
 * issuing office, which sections in which order with their lead sentences, who signs off. No row =
 * the built-in template of the kind (`@tuijin/domain` bulletins).
 */
export const bulletinTemplates = pgTable(
  'bulletin_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: ['monthly', 'weekly', 'daily'] }).notNull(),
    /** The template as edited (`BulletinTemplate` of the contracts: title, numberPrefix, sections…). */
    body: jsonb('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('bulletin_templates_region_kind_key').on(t.regionCode, t.kind)],
);

/** 通报编号序列: the last number per issuing jurisdiction and year (宁重点办通报〔2026〕N号). */
export const bulletinSequences = pgTable(
  'bulletin_sequences',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/**
 * 通报: one bulletin of a jurisdiction for a period (`2026-10`, `2026-W45`, `2026-12-04`). A draft's
 * snapshot is refreshed on demand; reviewed → issued freezes it: the issued files are rendered from
 * the frozen snapshot once and kept (`bulletin_files`), so later corrections never change them.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    kind: text('kind', { enum: ['monthly', 'weekly', 'daily'] }).notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'reviewed', 'issued'] }).notNull(),
    /** The template as it was when the snapshot was taken. */
    template: jsonb('template').notNull(),
    /** Every figure and table of the bulletin with its provenance (`BulletinSnapshot`). */
    snapshot: jsonb('snapshot').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedByName: text('issued_by_name'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedOn: date('issued_on'),
    year: integer('year').notNull(),
    serialNumber: integer('serial_number'),
    /** 文号 once issued: 宁重点办通报〔2026〕3号. */
    serial: text('serial'),
    /** The sections shown on the public screen (晾晒); null = not published. */
    publicSections: jsonb('public_sections'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('bulletins_region_kind_period_key').on(t.regionCode, t.kind, t.period),
    uniqueIndex('bulletins_serial_key').on(t.regionCode, t.serial),
    index('bulletins_region_path_idx').on(t.regionPath),
    index('bulletins_status_idx').on(t.status, t.issuedAt),
  ],
);

/** The files of an issued bulletin, rendered once from its frozen snapshot and kept byte for byte. */
export const bulletinFiles = pgTable(
  'bulletin_files',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletins.id),
    format: text('format', { enum: ['docx', 'pdf', 'xlsx'] }).notNull(),
    storedName: text('stored_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.format] })],
);

/** 收文: an office below the issuer that opened an issued bulletin (first reading kept). */
export const bulletinReceipts = pgTable(
  'bulletin_receipts',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletins.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    readByName: text('read_by_name').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.organisationId] })],
);
