import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { createdAt, money, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

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
