import { sql } from 'drizzle-orm';
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
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

/**
 * 分区推进: a jurisdiction's named group of its child regions with a goal and its own target date
 * (Ningde's 加速推进区 屏南/寿宁/柘荣 全面复工 by the end of February). A region is in at most one zone
 * per goal (checked by the use case, domain `zoneProblems`).
 */
export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    goal: text('goal').notNull(),
    targetOn: date('target_on').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('zones_region_name_key').on(t.regionCode, t.name)],
);

/** A zone's member regions (children of the zone's jurisdiction). */
export const zoneRegions = pgTable(
  'zone_regions',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.regionCode] }),
    index('zone_regions_region_idx').on(t.regionCode),
  ],
);

/**
 * 白名单 (四保白名单): a project on a jurisdiction's list at a level (省级/市级/县级), with the date
 * it was included, the criteria it met (keys of domain `whitelistCriteria`), the reason, what is
 * guaranteed (keys of `whitelistGuarantees`), and its removal (date and reason). One live entry per
 * project and level.
 */
export const whitelistEntries = pgTable(
  'whitelist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    level: text('level', { enum: ['provincial', 'city', 'county'] }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    includedOn: date('included_on').notNull(),
    criteria: text('criteria').array().notNull(),
    reason: text('reason').notNull(),
    guarantees: text('guarantees').array().notNull(),
    removedOn: date('removed_on'),
    removalReason: text('removal_reason'),
    createdByName: text('created_by_name').notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('whitelist_entries_project_idx').on(t.projectId),
    index('whitelist_entries_region_idx').on(t.regionCode, t.level),
    uniqueIndex('whitelist_entries_live_key').on(t.projectId, t.level).where(sql`${t.removedOn} is null`),
  ],
);

/**
 * 停工 / 复工: a project's stoppage (date, reason category and text, expected resumption), its
 * resumption, and — when its jurisdiction requires it at the time of stopping — the inspection
 * group's acceptance (domain `transitionStoppage`: stopped → awaitingAcceptance → resumed).
 * 备案 date recorded once. One open (not resumed) stoppage per project.
 */
export const projectStoppages = pgTable(
  'project_stoppages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    stoppedOn: date('stopped_on').notNull(),
    reasonCategory: text('reason_category', {
      enum: ['springFestival', 'epidemic', 'weather', 'factors', 'funds', 'approval', 'safety', 'other'],
    }).notNull(),
    reason: text('reason'),
    expectedResumeOn: date('expected_resume_on'),
    resumedOn: date('resumed_on'),
    inspectionRequired: boolean('inspection_required').notNull(),
    inspectionGroup: text('inspection_group'),
    acceptedOn: date('accepted_on'),
    filedOn: date('filed_on'),
    status: text('status', { enum: ['stopped', 'awaitingAcceptance', 'resumed'] }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('project_stoppages_project_idx').on(t.projectId, t.stoppedOn),
    uniqueIndex('project_stoppages_open_key').on(t.projectId).where(sql`${t.status} <> 'resumed'`),
  ],
);

/**
 * A jurisdiction's resumption rule: whether work may resume only after an inspection group's
 * acceptance (东辽县), and the group named by default. Read along the project's region path: any
 * jurisdiction over the project requiring it makes it required.
 */
export const resumptionSettings = pgTable('resumption_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  acceptanceRequired: boolean('acceptance_required').notNull().default(false),
  inspectionGroup: text('inspection_group'),
  version: integer('version').notNull().default(0),
  updatedAt: updatedAt(),
});
