import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

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
