import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns';
import { projectFiles } from './project-files';
import { projects } from './projects';

const fundKind = (name: string) =>
  text(name, { enum: ['specialBond', 'centralBudget', 'ultraLongTreasury'] }).notNull();

/**
 * 资金申报: a project's application for a fund of a year, moving through the pipeline before money
 * arrives (谋划储备 → 省级审核 → 报送国家发改委 → 批复 / 未通过; domain `fundApplicationMoves`), each
 * stage dated when entered.
 */
export const fundApplications = pgTable(
  'fund_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: fundKind('kind'),
    year: integer('year').notNull(),
    requestedWanYuan: money('requested_wan_yuan').notNull(),
    stage: text('stage', {
      enum: ['planned', 'provincialReview', 'submitted', 'approved', 'rejected'],
    }).notNull(),
    plannedOn: date('planned_on'),
    provincialReviewOn: date('provincial_review_on'),
    submittedOn: date('submitted_on'),
    approvedOn: date('approved_on'),
    rejectedOn: date('rejected_on'),
    note: text('note'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('fund_applications_project_idx').on(t.projectId),
    index('fund_applications_year_idx').on(t.year, t.kind),
  ],
);

/** 资金下达: money of a fund issued to a project (year, batch such as 第三批, amount, date, 文号). */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: fundKind('kind'),
    year: integer('year').notNull(),
    batch: text('batch'),
    amountWanYuan: money('amount_wan_yuan').notNull(),
    issuedOn: date('issued_on').notNull(),
    documentNumber: text('document_number'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('fund_allocations_project_idx').on(t.projectId),
    index('fund_allocations_year_idx').on(t.year, t.kind),
  ],
);

/**
 * 资金支付: money paid out of an allocation (date, amount, optional evidence file of the same
 * project). Soft-deleted: a removed payment keeps its row and stops counting. The paid total never
 * exceeds the allocation (domain `assertPaymentFits`).
 */
export const fundPayments = pgTable(
  'fund_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    allocationId: uuid('allocation_id')
      .notNull()
      .references(() => fundAllocations.id),
    paidOn: date('paid_on').notNull(),
    amountWanYuan: money('amount_wan_yuan').notNull(),
    note: text('note'),
    evidenceFileId: uuid('evidence_file_id').references(() => projectFiles.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('fund_payments_allocation_idx').on(t.allocationId)],
);
