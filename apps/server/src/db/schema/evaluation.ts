import type { EntityScore, EvaluationRules } from '@tuijin/domain';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { campaignEvents } from './campaigns';
import { regions } from './regions';

/** 考评方案: one jurisdiction's weighted indicators, target and red/black cut-offs; `version` grows with each edit. */
export const evaluationSchemes = pgTable(
  'evaluation_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    /** What is scored: `region` = the regions directly under the scheme's region; `department` = its departments. */
    entityKind: text('entity_kind', { enum: ['region', 'department'] })
      .notNull()
      .default('region'),
    rules: jsonb('rules').$type<EvaluationRules>().notNull(),
    /** The preset it started from, null when composed by hand. */
    preset: text('preset'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_schemes_region_path_idx').on(t.regionPath)],
);

/** 加减分与免责: bonus/penalty points and exemptions the office records for an entity and quarter. */
export const evaluationAdjustments = pgTable(
  'evaluation_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => evaluationSchemes.id),
    quarter: text('quarter').notNull(),
    /** The region code, or the department's organisation id, of the entity scored. */
    entityCode: text('entity_code').notNull(),
    kind: text('kind', { enum: ['bonus', 'penalty', 'exemption'] }).notNull(),
    /** Points for a bonus or penalty (positive; a penalty subtracts), null for an exemption. */
    points: numeric('points', { precision: 8, scale: 2 }),
    reason: text('reason').notNull(),
    /**
     * The 集中开竣工 event a bonus is for (hosting or delivering it), if any; cleared when the event is
     * deleted — the bonus and its reason stand.
     */
    campaignEventId: uuid('campaign_event_id').references(() => campaignEvents.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_adjustments_scheme_quarter_idx').on(t.schemeId, t.quarter)],
);

/** 考评结果批次: one computation of a quarter under one scheme version; published = frozen. */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => evaluationSchemes.id),
    schemeVersion: integer('scheme_version').notNull(),
    quarter: text('quarter').notNull(),
    /** The scheme's name and rules as they were when computed. */
    schemeName: text('scheme_name').notNull(),
    rules: jsonb('rules').$type<EvaluationRules>().notNull(),
    status: text('status', { enum: ['computed', 'published'] }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    computedByName: text('computed_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByName: text('published_by_name'),
  },
  (t) => [
    uniqueIndex('evaluation_runs_scheme_version_quarter_key').on(t.schemeId, t.schemeVersion, t.quarter),
  ],
);

/** 考评结果: one entity's score in a run, with its full breakdown (inputs, rates, weights, points). */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    entityCode: text('entity_code').notNull(),
    entityName: text('entity_name').notNull(),
    rank: integer('rank').notNull(),
    totalPoints: numeric('total_points', { precision: 10, scale: 2 }).notNull(),
    isTargetMet: boolean('is_target_met').notNull(),
    list: text('list', { enum: ['red', 'black'] }),
    breakdown: jsonb('breakdown').$type<EntityScore>().notNull(),
  },
  (t) => [uniqueIndex('evaluation_results_run_entity_key').on(t.runId, t.entityCode)],
);
