import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { problems } from './problems';
import { regions } from './regions';

/** 函件编号序列: the last serial number per issuing jurisdiction, kind and year (督办〔2026〕12号). */
export const problemLetterSequences = pgTable(
  'problem_letter_sequences',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: ['reminder', 'supervision'] }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.kind, t.year] })],
);

/**
 * 提醒函 / 督办单: a letter an office issues to the handler of an overdue problem, demanding an
 * action by a new reply date; issued → sent → replied. The .docx is rendered from this row alone.
 */
export const problemLetters = pgTable(
  'problem_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    kind: text('kind', { enum: ['reminder', 'supervision'] }).notNull(),
    serial: text('serial').notNull(),
    /** The issuing office's jurisdiction, which numbers its letters. */
    issuerRegionCode: text('issuer_region_code')
      .notNull()
      .references(() => regions.code),
    issuerOrganisationId: uuid('issuer_organisation_id').references(() => organisations.id),
    /** The letterhead: the issuing office's name as it was when issued. */
    issuerOrganisationName: text('issuer_organisation_name').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id')
      .notNull()
      .references(() => organisations.id),
    recipientOrganisationName: text('recipient_organisation_name').notNull(),
    /** The problem's due date and days overdue when the letter was issued. */
    originalDueOn: date('original_due_on').notNull(),
    daysOverdue: integer('days_overdue').notNull(),
    demandedAction: text('demanded_action').notNull(),
    replyDueOn: date('reply_due_on').notNull(),
    replyWorkingDays: integer('reply_working_days'),
    /** 暂定: `replyDueOn` was counted through a year whose official holiday arrangement was not entered. */
    isReplyDueOnProvisional: boolean('is_reply_due_on_provisional').notNull().default(false),
    status: text('status', { enum: ['issued', 'sent', 'replied'] }).notNull(),
    issuedBy: uuid('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    replyText: text('reply_text'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedByName: text('replied_by_name'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('problem_letters_problem_idx').on(t.problemId),
    uniqueIndex('problem_letters_serial_key').on(t.issuerRegionCode, t.serial),
  ],
);
