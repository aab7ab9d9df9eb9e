import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { regions } from './regions';

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
    /** 项目分类 (产业链类 / 基础设施类 / 急需民生类…): an entry of the `projectClass` dictionary. */
    projectClass: text('project_class'),
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
