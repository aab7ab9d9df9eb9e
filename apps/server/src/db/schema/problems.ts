import {
  bigint,
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
import { users } from './access';
import { approvalItems } from './approvals';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { projects } from './projects';
import { regions } from './regions';

/** 问题编号序列: the last reference number used per jurisdiction (the project's region) and year. */
export const problemSequences = pgTable(
  'problem_sequences',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/** 提级层级: a jurisdiction's escalation ladder; a region without one uses its nearest ancestor's. */
export const escalationLadders = pgTable('escalation_ladders', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code')
    .notNull()
    .unique('escalation_ladders_region_key')
    .references(() => regions.code),
  regionPath: text('region_path').notNull(),
  name: text('name').notNull(),
  /** The preset it was built from (luohe, huian321), null when composed by hand. */
  preset: text('preset'),
  version: integer('version').notNull().default(0),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/** One rung of a ladder: order, name, who handles it and its limit in working days. */
export const escalationLevels = pgTable(
  'escalation_levels',
  {
    ladderId: uuid('ladder_id')
      .notNull()
      .references(() => escalationLadders.id),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    handlerKind: text('handler_kind', {
      enum: ['department', 'serviceOfficer', 'leader', 'office', 'meeting'],
    }).notNull(),
    /** The organisation that takes over at this level; null keeps the current handler. */
    handlerOrganisationId: uuid('handler_organisation_id').references(() => organisations.id),
    limitWorkingDays: integer('limit_working_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ladderId, t.level] })],
);

/** 交办规则: problems of a category (null: any) in a region's subtree go to a department. */
export const problemRoutingRules = pgTable(
  'problem_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    category: text('category'),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => organisations.id),
    limitWorkingDays: integer('limit_working_days').notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('problem_routing_rules_region_path_idx').on(t.regionPath)],
);

/** 问题类: linked problems solved together (解决一个、打通一类). */
export const problemClasses = pgTable('problem_classes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  regionPath: text('region_path').notNull(),
  /** The one answer that resolved the class (a policy fix), when given. */
  answer: text('answer'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: createdAt(),
});

/**
 * 问题诉求: a blocking problem a project hit, routed to a handler with a due date in working days,
 * climbing the escalation ladder until answered; crossed out (销号) once the raiser is satisfied.
 */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * WT-350902-2026-000123: the project's region, the year and that region's sequence number from
     * `problem_sequences` — unique in the whole deployment.
     */
    referenceNumber: text('reference_number').notNull(),
    /** The number issued before numbers carried the region (WT-2026-000123), still found by a lookup. */
    legacyReferenceNumber: text('legacy_reference_number'),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    /** What the raiser asks for (诉求). */
    request: text('request').notNull().default(''),
    channel: text('channel', { enum: ['app', 'serviceOfficer', 'hotline', 'meeting', 'visit'] }).notNull(),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    raisedBy: uuid('raised_by'),
    raisedByName: text('raised_by_name').notNull(),
    raisedByOrganisationId: uuid('raised_by_organisation_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    status: text('status', {
      enum: ['raised', 'accepted', 'in_progress', 'answered', 'confirmed', 'written_off', 'rejected'],
    }).notNull(),
    level: integer('level').notNull().default(1),
    levelStartedOn: date('level_started_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** The current level's limit in working days, so a provisional `dueOn` can be recomputed. */
    limitWorkingDays: integer('limit_working_days'),
    /** 暂定: `dueOn` was counted through a year whose official holiday arrangement was not entered. */
    isDueOnProvisional: boolean('is_due_on_provisional').notNull().default(false),
    handlerOrganisationId: uuid('handler_organisation_id').references(() => organisations.id),
    handlerUserId: uuid('handler_user_id').references(() => users.id),
    routingRuleId: uuid('routing_rule_id'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    writtenOffAt: timestamp('written_off_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** The 前期手续 item this problem is about (category 审批, or raised from a broken 容缺 promise). */
    approvalItemId: uuid('approval_item_id').references(() => approvalItems.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('problems_reference_number_key').on(t.referenceNumber),
    index('problems_legacy_reference_idx').on(t.legacyReferenceNumber),
    index('problems_project_idx').on(t.projectId),
    index('problems_region_path_idx').on(t.regionPath),
    index('problems_handler_idx').on(t.handlerOrganisationId),
    index('problems_raised_by_idx').on(t.raisedBy),
    index('problems_status_due_idx').on(t.status, t.dueOn),
    index('problems_approval_item_idx').on(t.approvalItemId),
  ],
);

/** 问题类成员: a problem belongs to at most one class. */
export const problemClassMembers = pgTable(
  'problem_class_members',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => problemClasses.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.problemId] }),
    uniqueIndex('problem_class_members_problem_key').on(t.problemId),
  ],
);

/** 问题办理记录: the problem's timeline — who, when, status and level before/after, note. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    fromLevel: integer('from_level'),
    toLevel: integer('to_level').notNull(),
    handlerOrganisationId: uuid('handler_organisation_id'),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId)],
);

/** 提级提醒: one per problem, level and kind (50%, 75%, breach), so the escalation job is idempotent. */
export const escalationNotices = pgTable(
  'escalation_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    level: integer('level').notNull(),
    kind: text('kind', { enum: ['half', 'threeQuarters', 'breach'] }).notNull(),
    dueOn: date('due_on').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('escalation_notices_problem_level_kind_key').on(t.problemId, t.level, t.kind)],
);
