import type { AgendaEdits, CadenceRequirement, MeetingCadence } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { problems } from './problems';
import { projectFiles } from './project-files';
import { projects } from './projects';
import { regions } from './regions';

/**
 * 会议序列: a jurisdiction's recurring meeting (调度会, 周例会, 专题会…) with its chair, rhythm and the
 * organisations that attend. `ladderLevel` binds it to a rung of the region's escalation ladder: a
 * problem escalated to that level goes on the agenda of the series' next sitting.
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['dispatch', 'weekly', 'special', 'joint', 'consultation', 'hearing'],
    }).notNull(),
    chairTitle: text('chair_title').notNull(),
    chairUserId: uuid('chair_user_id').references(() => users.id),
    cadence: jsonb('cadence').$type<MeetingCadence>().notNull(),
    ladderLevel: integer('ladder_level'),
    attendeeOrganisationIds: uuid('attendee_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_series_region_code_key').on(t.regionCode, t.code),
    index('meeting_series_region_path_idx').on(t.regionPath),
  ],
);

/**
 * 会议: one sitting, of a series or on its own (专题会). planned (议程可调整) → held (议程定稿, minutes and
 * decisions recorded) → closed (decisions issued as 交办事项). Before it is held the agenda is built
 * afresh from the records and `agendaEdits`; holding it copies the agenda into `meeting_agenda_items`.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').references(() => meetingSeries.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['dispatch', 'weekly', 'special', 'joint', 'consultation', 'hearing'] })
      .notNull()
      .default('special'),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull().default(''),
    chairName: text('chair_name').notNull().default(''),
    /** Who chaired, for the cadence count (调度频次): a person (leader, head) and/or a unit (department). */
    chairUserId: uuid('chair_user_id').references(() => users.id),
    chairOrganisationId: uuid('chair_organisation_id').references(() => organisations.id),
    status: text('status', { enum: ['planned', 'held', 'closed'] })
      .notNull()
      .default('planned'),
    ladderLevel: integer('ladder_level'),
    agendaEdits: jsonb('agenda_edits')
      .$type<AgendaEdits>()
      .notNull()
      .default(sql`'{"dropped":[],"added":[],"order":[]}'::jsonb`),
    heldAt: timestamp('held_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meetings_region_path_held_idx').on(t.regionPath, t.heldOn),
    index('meetings_series_idx').on(t.seriesId, t.heldOn),
  ],
);

/** 参会情况: who was there for an organisation — present, excused (请假) or delegated (委托). */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personName: text('person_name').notNull(),
    status: text('status', { enum: ['present', 'excused', 'delegated'] }).notNull(),
    delegateName: text('delegate_name'),
  },
  (t) => [index('meeting_attendees_meeting_idx').on(t.meetingId)],
);

/** 议题: an agenda item as the meeting took it up, with its minutes (会议纪要). */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    source: text('source', {
      enum: ['problem', 'overdueTask', 'redProject', 'laggingProject', 'approval', 'milestone', 'custom'],
    }).notNull(),
    sourceId: text('source_id'),
    projectId: uuid('project_id').references(() => projects.id),
    title: text('title').notNull(),
    daysOverdue: integer('days_overdue').notNull().default(0),
    minutes: text('minutes').notNull().default(''),
  },
  (t) => [uniqueIndex('meeting_agenda_items_meeting_key').on(t.meetingId, t.key)],
);

/**
 * 交办事项: a decision someone must carry out by a date. Numbered per region and year
 * (JB-350902-2026-0007); linked to the meeting and agenda item that decided it, and to a project or
 * problem when it concerns one.
 */
export const dispatchTasks = pgTable(
  'dispatch_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referenceNumber: text('reference_number').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => meetingAgendaItems.id),
    projectId: uuid('project_id').references(() => projects.id),
    problemId: uuid('problem_id').references(() => problems.id),
    title: text('title').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personName: text('person_name').notNull().default(''),
    assignedOn: date('assigned_on').notNull(),
    limitWorkingDays: integer('limit_working_days').notNull(),
    dueOn: date('due_on').notNull(),
    /** 暂定: the count read a day of a year whose holiday arrangement was not entered (recomputed later). */
    isDueOnProvisional: boolean('is_due_on_provisional').notNull().default(false),
    status: text('status', {
      enum: ['assigned', 'in_progress', 'reported_done', 'verified', 'sent_back', 'cancelled'],
    }).notNull(),
    reportNote: text('report_note'),
    reportedOn: date('reported_on'),
    verifiedOn: date('verified_on'),
    sendBackReason: text('send_back_reason'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('dispatch_tasks_reference_key').on(t.referenceNumber),
    index('dispatch_tasks_region_path_idx').on(t.regionPath),
    index('dispatch_tasks_organisation_idx').on(t.organisationId, t.status),
    index('dispatch_tasks_meeting_idx').on(t.meetingId),
    index('dispatch_tasks_status_due_idx').on(t.status, t.dueOn),
  ],
);

/** 办理过程: each move of a task — who, when, from and to, and what they said. */
export const dispatchTaskEvents = pgTable(
  'dispatch_task_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => dispatchTasks.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dispatch_task_events_task_idx').on(t.taskId, t.at)],
);

/** The last number of a kind (task, sheet) a region issued in a year, taken under a row lock. */
export const dispatchSequences = pgTable(
  'dispatch_sequences',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: ['task', 'sheet'] }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.kind, t.year] })],
);

/**
 * 交办单: the decisions of one meeting for one responsible unit, issued once with its number
 * (交办〔2026〕7号, per region and year); the .docx is drawn from the meeting's tasks for the unit.
 */
export const dispatchSheets = pgTable(
  'dispatch_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    sheetNumber: text('sheet_number').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('dispatch_sheets_meeting_organisation_key').on(t.meetingId, t.organisationId),
    uniqueIndex('dispatch_sheets_number_key').on(t.sheetNumber),
  ],
);

/**
 * 一线走访: a visit to key projects by a leader, a department or a service group (服务专班) — who,
 * when, which projects, what was found and solved on the spot. Problems found go into the problem loop
 * (`field_visit_problems`); photos are project files (`field_visit_files`).
 */
export const fieldVisits = pgTable(
  'field_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    visitorKind: text('visitor_kind', { enum: ['leader', 'head', 'department', 'serviceGroup'] }).notNull(),
    visitorUserId: uuid('visitor_user_id').references(() => users.id),
    visitorOrganisationId: uuid('visitor_organisation_id').references(() => organisations.id),
    /** Who went, as written on the record (张副县长, 住建局 李科长, 第三服务专班). */
    visitorName: text('visitor_name').notNull(),
    visitedOn: date('visited_on').notNull(),
    summary: text('summary').notNull().default(''),
    solvedOnSpot: integer('solved_on_spot').notNull().default(0),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('field_visits_region_path_idx').on(t.regionPath, t.visitedOn),
    index('field_visits_visitor_user_idx').on(t.visitorUserId, t.visitedOn),
    index('field_visits_visitor_organisation_idx').on(t.visitorOrganisationId, t.visitedOn),
  ],
);

export const fieldVisitProjects = pgTable(
  'field_visit_projects',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.projectId] }),
    index('field_visit_projects_project_idx').on(t.projectId),
  ],
);

export const fieldVisitProblems = pgTable(
  'field_visit_problems',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.problemId] })],
);

export const fieldVisitFiles = pgTable(
  'field_visit_files',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => projectFiles.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.fileId] })],
);

/**
 * 调度频次要求: what a jurisdiction asks of its parties each month (Hui'an's 321 by default) and who
 * its head is (县长 / 区长), whose own count the table shows.
 */
export const cadenceRules = pgTable('cadence_rules', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  regionPath: text('region_path').notNull(),
  requirements: jsonb('requirements').$type<CadenceRequirement[]>().notNull(),
  headUserId: uuid('head_user_id').references(() => users.id),
  version: integer('version').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
