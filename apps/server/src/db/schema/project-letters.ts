import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { projects } from './projects';
import { regions } from './regions';

/**
 * 提醒函 / 督办单 on a lagging project (not on a problem): an office tells the project's owner unit
 * (or its responsible department) that the project is behind — red or yellow, below 序时进度, a node
 * overdue — and demands an action by a reply date. Numbered in the same series as the letters on
 * problems (`problem_letter_sequences`: one 提醒函 series per office and year); issued → sent → replied.
 */
export const projectLetters = pgTable(
  'project_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind', { enum: ['reminder', 'supervision'] }).notNull(),
    serial: text('serial').notNull(),
    issuerRegionCode: text('issuer_region_code')
      .notNull()
      .references(() => regions.code),
    issuerOrganisationId: uuid('issuer_organisation_id').references(() => organisations.id),
    issuerOrganisationName: text('issuer_organisation_name').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id')
      .notNull()
      .references(() => organisations.id),
    recipientOrganisationName: text('recipient_organisation_name').notNull(),
    /** Why the project is behind, as stated in the letter (滞后原因: red, below 序时进度, node overdue…). */
    reason: text('reason', {
      enum: ['red', 'yellow', 'behindSchedule', 'milestoneOverdue', 'notStarted', 'other'],
    }).notNull(),
    /** The figures the letter quotes, as they were when issued (month, colour, completion, 序时进度…). */
    facts: jsonb('facts').notNull(),
    demandedAction: text('demanded_action').notNull(),
    replyDueOn: date('reply_due_on').notNull(),
    replyWorkingDays: integer('reply_working_days'),
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
    index('project_letters_project_idx').on(t.projectId),
    index('project_letters_issued_idx').on(t.issuerRegionCode, t.issuedAt),
    uniqueIndex('project_letters_serial_key').on(t.issuerRegionCode, t.serial),
  ],
);
