import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 行政区划: the jurisdiction tree, GB/T 2260 codes plus non-standard units (开发区). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'zone'] }).notNull(),
    parentCode: text('parent_code'),
    /** Materialised path of codes joined by dots, root first: the one jurisdiction filter. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('regions_path_key').on(t.path), index('regions_parent_idx').on(t.parentCode)],
);

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

/** 用户: people who log in; roles as an array of the role vocabulary. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** PHC string: the algorithm and its parameters travel with the hash so they can change. */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

/** 会话: server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 登录尝试: every login attempt, keyed by the typed username and client address, for lockout. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_lookup_idx').on(t.username, t.ip, t.at)],
);

/** 系统设置: versioned JSON settings such as the security policy. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(0),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
});

/**
 * 审计日志: append-only; each row carries an HMAC over its content and the previous row's hash, so
 * a deleted or edited row breaks the chain (see audit/verify-audit-chain.ts).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Path of the region the record belongs to, so audit views obey the same jurisdiction rule. */
    regionPath: text('region_path'),
    ip: text('ip'),
    changes: jsonb('changes'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorName),
    index('audit_events_action_idx').on(t.action),
  ],
);

/** 幂等键: the first response to a state-changing request, replayed for a retry with the same key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);

/** 重点项目: the project library. Amounts in 万元 as exact numeric. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 投资项目统一代码; may be absent while a project is only conceived (谋划). */
    code: text('code'),
    name: text('name').notNull(),
    /** Pinyin initials of the name (时代新能源 → sdxny) for search. */
    nameInitials: text('name_initials').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    address: text('address'),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    levels: text('levels').array().notNull(),
    domain: text('domain').notNull(),
    industry: text('industry'),
    sector: text('sector'),
    scaleContent: text('scale_content'),
    totalInvestmentWanYuan: numeric('total_investment_wan_yuan', { precision: 18, scale: 4 }).notNull(),
    startYear: integer('start_year').notNull(),
    startMonth: integer('start_month'),
    endYear: integer('end_year').notNull(),
    endMonth: integer('end_month'),
    constructionType: text('construction_type', { enum: ['new', 'continuing'] }).notNull(),
    fundingSources: text('funding_sources').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    leaderUserId: uuid('leader_user_id').references(() => users.id),
    responsibleDepartmentId: uuid('responsible_department_id').references(() => organisations.id),
    serviceOfficerUserId: uuid('service_officer_user_id').references(() => users.id),
    workingTeam: text('working_team'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    stage: text('stage', {
      enum: ['conceived', 'reserve', 'preparing', 'started', 'underway', 'completed', 'operating', 'dropped'],
    }).notNull(),
    stageChangedOn: date('stage_changed_on'),
    /**
     * The actual dates (实际开工/竣工/投产), the one truth of whether and when the project started,
     * completed, went into operation; kept in step by report approval, the office's stage change and
     * the ledger import. The stage every page shows is implied by them (`impliedStage`).
     */
    actualStartOn: date('actual_start_on'),
    actualCompletionOn: date('actual_completion_on'),
    actualOperationOn: date('actual_operation_on'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('projects_code_key').on(t.code),
    uniqueIndex('projects_owner_name_key').on(t.ownerOrganisationId, t.name),
    index('projects_region_path_idx').on(t.regionPath),
    index('projects_owner_idx').on(t.ownerOrganisationId),
    index('projects_stage_idx').on(t.stage),
    index('projects_leader_idx').on(t.leaderUserId),
    index('projects_department_idx').on(t.responsibleDepartmentId),
  ],
);

/** 阶段变更记录: every stage move with its date, reason and person. */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedOn: date('changed_on').notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_stage_changes_project_idx').on(t.projectId)],
);

/** 字典: domains, industries, tags and funding sources the office manages. */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['domain', 'industry', 'tag', 'fundingSource', 'problemCategory'] }).notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dictionary_entries_kind_name_key').on(t.kind, t.name)],
);

/** 批次方案: a jurisdiction's campaign scheme for a year (四个一批…), with its batches. */
export const batchSchemes = pgTable(
  'batch_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('batch_schemes_region_year_name_key').on(t.regionCode, t.year, t.name)],
);

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => batchSchemes.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('batches_scheme_name_key').on(t.schemeId, t.name)],
);

export const projectBatches = pgTable(
  'project_batches',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.batchId] }),
    index('project_batches_batch_idx').on(t.batchId),
  ],
);

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

/** 部门意见: comments by departments, leaders and offices on a project. */
export const projectComments = pgTable(
  'project_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    organisationName: text('organisation_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_comments_project_idx').on(t.projectId)],
);

/** 节假日设置: the admin's holiday/workday entries laid over the packaged official calendar. */
export const holidayOverrides = pgTable('holiday_overrides', {
  date: date('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

const money = (name: string) => numeric(name, { precision: 18, scale: 4 });

/**
 * 年度计划: one project's plan for one year. The live columns are the adjusted plan; `baseline_*`
 * hold the figures frozen when the office approved it (年初计划), so every figure can be shown
 * against either. `prior_completed_wan_yuan` is the investment completed before this year (开工以来
 * 至上年底), so since-start = prior + the year's reports.
 */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    plannedInvestmentWanYuan: money('planned_investment_wan_yuan').notNull(),
    priorCompletedWanYuan: money('prior_completed_wan_yuan'),
    plansStart: boolean('plans_start').notNull().default(false),
    startMonth: integer('start_month'),
    plansCompletion: boolean('plans_completion').notNull().default(false),
    completionMonth: integer('completion_month'),
    plansOperation: boolean('plans_operation').notNull().default(false),
    operationMonth: integer('operation_month'),
    goals: text('goals'),
    /** 'none', 'month' (12 amounts) or 'quarter' (4 amounts). */
    splitKind: text('split_kind', { enum: ['none', 'month', 'quarter'] })
      .notNull()
      .default('none'),
    splitWanYuan: money('split_wan_yuan').array(),
    status: text('status', { enum: ['draft', 'frozen'] })
      .notNull()
      .default('draft'),
    baselineInvestmentWanYuan: money('baseline_investment_wan_yuan'),
    baselineSplitKind: text('baseline_split_kind', { enum: ['none', 'month', 'quarter'] }),
    baselineSplitWanYuan: money('baseline_split_wan_yuan').array(),
    baselinePlansStart: boolean('baseline_plans_start'),
    baselinePlansCompletion: boolean('baseline_plans_completion'),
    baselinePlansOperation: boolean('baseline_plans_operation'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: uuid('frozen_by'),
    frozenByName: text('frozen_by_name'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('annual_plans_project_year_key').on(t.projectId, t.year),
    index('annual_plans_year_idx').on(t.year),
  ],
);

/** 年中调整: a change to a frozen plan, with its reason, approver and the fields before/after. */
export const annualPlanAdjustments = pgTable(
  'annual_plan_adjustments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => annualPlans.id),
    reason: text('reason').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    approvedBy: uuid('approved_by'),
    approvedByName: text('approved_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('annual_plan_adjustments_plan_idx').on(t.planId)],
);

/**
 * 报送日历: a jurisdiction's reporting rule; a region without its own uses its nearest ancestor's,
 * and the default (25th of the reported month) when none has one. Deadline either a day of the
 * month (`deadline_month_offset` 0 = the reported month, 1 = the next) or N working days after the
 * reported month's end.
 */
export const reportingCalendars = pgTable('reporting_calendars', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  regionPath: text('region_path').notNull(),
  deadlineKind: text('deadline_kind', { enum: ['dayOfMonth', 'workingDaysAfterMonthEnd'] }).notNull(),
  deadlineDay: integer('deadline_day'),
  deadlineMonthOffset: integer('deadline_month_offset').notNull().default(0),
  deadlineWorkingDays: integer('deadline_working_days'),
  /** The window opens this many calendar days before the deadline. */
  opensDaysBefore: integer('opens_days_before').notNull().default(10),
  lateAllowed: boolean('late_allowed').notNull().default(true),
  /** With late submission allowed, the window closes this many calendar days after the deadline (null: never). */
  lateCloseDays: integer('late_close_days'),
  /** Submission checks (domain `reportChecks` ids) that block instead of warn. */
  blockingChecks: text('blocking_checks').array().notNull().default(sql`'{}'::text[]`),
  version: integer('version').notNull().default(0),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * 月报: one project's report for one month. Only the month's amount is typed; year-to-date and
 * since-start are sums. Owner drafts → submits; reviewer approves (locks) or returns with a reason.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    completedWanYuan: money('completed_wan_yuan').notNull(),
    progress: text('progress').notNull().default(''),
    actualStartOn: date('actual_start_on'),
    actualCompletionOn: date('actual_completion_on'),
    actualOperationOn: date('actual_operation_on'),
    inStatistics: boolean('in_statistics').notNull().default(false),
    statisticsWanYuan: money('statistics_wan_yuan'),
    workersOnSite: integer('workers_on_site'),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved'] })
      .notNull()
      .default('draft'),
    /** The deadline that applied when the report was first submitted (or created). */
    dueOn: date('due_on').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    /** First submission after the deadline. */
    late: boolean('late').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    returnReason: text('return_reason'),
    /** Check findings at the last submission: [{ check, severity, message params }]. */
    findings: jsonb('findings').notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('monthly_reports_project_month_key').on(t.projectId, t.year, t.month),
    index('monthly_reports_year_month_idx').on(t.year, t.month),
  ],
);

/** 月报流转: submitted, returned, approved, corrected — with reason and person. */
export const monthlyReportEvents = pgTable(
  'monthly_report_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => monthlyReports.id),
    action: text('action', { enum: ['submitted', 'returned', 'approved', 'corrected'] }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('monthly_report_events_report_idx').on(t.reportId)],
);

/** 站内通知: in-app notifications; `kind` + `params` are rendered by the web app's dictionaries. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    link: text('link'),
    /** One notification per key and person (a reminder is not repeated). */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** 通知渠道: an outgoing webhook (DingTalk, WeCom or an SMS gateway) notifications are copied to. */
export const notificationChannels = pgTable('notification_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['dingtalk', 'wecom', 'sms'] }).notNull(),
  url: text('url').notNull(),
  /** DingTalk signing secret or SMS gateway token; never sent back to the browser. */
  secret: text('secret'),
  enabled: boolean('enabled').notNull().default(true),
  version: integer('version').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 渠道投递: one attempt to deliver one notification through one channel. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => notificationChannels.id),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_deliveries_status_idx').on(t.status)],
);

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
    channel: text('channel', { enum: ['app', 'serviceOfficer', 'hotline', 'meeting'] }).notNull(),
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
    index('problems_status_due_idx').on(t.status, t.dueOn),
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

/**
 * 定时任务失败记录: one row per job and item (e.g. the escalation job and a problem) that failed, with
 * the reason; the next run retries the item and marks the row resolved when it goes through.
 */
export const jobFailures = pgTable(
  'job_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    itemKey: text('item_key').notNull(),
    /** Where the item belongs, so an office sees only its own jurisdiction's failures. */
    regionPath: text('region_path').notNull(),
    label: text('label').notNull(),
    reason: text('reason').notNull(),
    attempts: integer('attempts').notNull().default(1),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('job_failures_job_item_key').on(t.job, t.itemKey)],
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

/**
 * 预警规则: a jurisdiction's three-colour warning rules, versioned. At most one draft per region;
 * publishing fixes a version for good (its rules never change again) and makes it the region's
 * current one. `rules` is the domain `WarningRuleSet`.
 */
export const warningRuleSets = pgTable(
  'warning_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    /** 1, 2, 3… per region. */
    ruleVersion: integer('rule_version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    name: text('name').notNull(),
    /** The preset it was last built from (yinchuan, sanya, ouhai), null when edited by hand. */
    preset: text('preset'),
    rules: jsonb('rules').notNull(),
    /** Optimistic lock of a draft's edits. */
    version: integer('version').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByName: text('published_by_name'),
  },
  (t) => [
    uniqueIndex('warning_rule_sets_region_version_key').on(t.regionCode, t.ruleVersion),
    uniqueIndex('warning_rule_sets_one_draft_key').on(t.regionCode).where(sql`status = 'draft'`),
    index('warning_rule_sets_region_path_idx').on(t.regionPath),
  ],
);

/**
 * 预警结果: one project's colour for one month under one published rule version, with the reasons
 * (domain `WarningReason[]`). Unique per (rule version, project, month), so the monthly job upserts.
 */
export const warningResults = pgTable(
  'warning_results',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => warningRuleSets.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    regionPath: text('region_path').notNull(),
    /** YYYY-MM. */
    month: text('month').notNull(),
    colour: text('colour', { enum: ['green', 'yellow', 'red'] }).notNull(),
    reasons: jsonb('reasons').notNull().default(sql`'[]'::jsonb`),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('warning_results_rule_project_month_key').on(t.ruleSetId, t.projectId, t.month),
    index('warning_results_project_month_idx').on(t.projectId, t.month),
    index('warning_results_month_idx').on(t.month),
  ],
);

/**
 * 正当理由: an office's recorded reason that excuses one project's dimension for a span of months
 * (to_month null: open-ended). Revoked, never deleted.
 */
export const warningGraces = pgTable(
  'warning_graces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    regionPath: text('region_path').notNull(),
    dimension: text('dimension').notNull(),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month'),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByName: text('revoked_by_name'),
  },
  (t) => [index('warning_graces_project_idx').on(t.projectId)],
);

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

export * from './schema-evaluation';
export * from './schema-screen';
