import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { projectFiles } from './project-files';
import { projects } from './projects';
import { regions } from './regions';

const approvalStatus = [
  'not_started',
  'preparing',
  'accepted',
  'accepted_with_gaps',
  'approved',
  'not_needed',
  'returned',
] as const;

/**
 * 前期手续目录: a jurisdiction's catalogue of procedures. A project's checklist is generated from the
 * catalogue of its region or, failing that, of the nearest region above it that has one.
 */
export const approvalProcedures = pgTable(
  'approval_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id').references(() => organisations.id),
    statutoryDays: integer('statutory_days').notNull(),
    committedDays: integer('committed_days').notNull(),
    dependsOn: text('depends_on').array().notNull().default(sql`'{}'::text[]`),
    requiredBeforeStart: boolean('required_before_start').notNull(),
    routes: text('routes').array().notNull().default(sql`'{}'::text[]`),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    deemedApproval: boolean('deemed_approval').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('approval_procedures_region_code_key').on(t.regionCode, t.code),
    index('approval_procedures_region_path_idx').on(t.regionPath),
  ],
);

/** 项目前期手续: one procedure on one project's checklist, copied from the catalogue and then its own. */
export const approvalItems = pgTable(
  'approval_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    procedureId: uuid('procedure_id').references(() => approvalProcedures.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id').references(() => organisations.id),
    statutoryDays: integer('statutory_days').notNull(),
    committedDays: integer('committed_days').notNull(),
    dependsOn: text('depends_on').array().notNull().default(sql`'{}'::text[]`),
    requiredBeforeStart: boolean('required_before_start').notNull(),
    deemedApproval: boolean('deemed_approval').notNull().default(false),
    status: text('status', { enum: approvalStatus }).notNull().default('not_started'),
    notNeededReason: text('not_needed_reason'),
    materialsReadyOn: date('materials_ready_on'),
    submittedOn: date('submitted_on'),
    acceptedOn: date('accepted_on'),
    approvedOn: date('approved_on'),
    returnedOn: date('returned_on'),
    /** The day the last 容缺 material was supplied: the conversion clock's start. */
    gapsClearedOn: date('gaps_cleared_on'),
    approvalNumber: text('approval_number'),
    handlerName: text('handler_name'),
    agentUserId: uuid('agent_user_id').references(() => users.id),
    note: text('note'),
    sortOrder: integer('sort_order').notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('approval_items_project_code_key').on(t.projectId, t.code),
    index('approval_items_department_idx').on(t.departmentId),
    index('approval_items_agent_idx').on(t.agentUserId),
    index('approval_items_status_idx').on(t.status),
  ],
);

/** 容缺材料: a document an item was accepted without, with its promised date and when it came. */
export const approvalMaterials = pgTable(
  'approval_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => approvalItems.id),
    name: text('name').notNull(),
    promisedDays: integer('promised_days').notNull(),
    promisedOn: date('promised_on').notNull(),
    suppliedOn: date('supplied_on'),
    fileId: uuid('file_id').references(() => projectFiles.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('approval_materials_item_idx').on(t.itemId)],
);

/** 办理材料: a document filed on an item (申请表, 批复文件…), kept as a project file. */
export const approvalItemDocuments = pgTable(
  'approval_item_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => approvalItems.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => projectFiles.id),
    /** What the document is (申请表, 批复, 补正材料…), free text. */
    label: text('label').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('approval_item_documents_item_idx').on(t.itemId),
    uniqueIndex('approval_item_documents_item_file_key').on(t.itemId, t.fileId),
  ],
);

/**
 * 超时默认告知书: issued once per item whose procedure allows deemed approval, on the second working
 * day after its committed deadline passed with no decision. The .docx is drawn from this row.
 */
export const approvalDeemedNotices = pgTable(
  'approval_deemed_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => approvalItems.id),
    /** 超时默认〔2026〕350902-12号: the item's region, the year and that region's sequence — unique in the deployment. */
    noticeNumber: text('notice_number').notNull(),
    /** The committed deadline that passed. */
    deadlineOn: date('deadline_on').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('approval_deemed_notices_item_key').on(t.itemId),
    uniqueIndex('approval_deemed_notices_number_key').on(t.noticeNumber),
  ],
);
