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
import { createdAt, updatedAt } from './columns';
import { projectFiles } from './project-files';
import { projects } from './projects';
import { regions } from './regions';

/** One node of a template as stored: code, name, working days after its predecessors, predecessors. */
export interface StoredNodeSpec {
  code: string;
  name: string;
  durationDays: number;
  dependsOn: string[];
  /** Marks the 开工 node (bounded by the approvals' earliest start). */
  marksStart?: boolean | undefined;
}

/** 节点模板: a jurisdiction's node templates (by project type), each a list of nodes with durations. */
export const milestoneTemplates = pgTable(
  'milestone_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    defaultTarget: text('default_target').notNull(),
    nodes: jsonb('nodes').$type<StoredNodeSpec[]>().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('milestone_templates_region_name_key').on(t.regionCode, t.name),
    index('milestone_templates_region_path_idx').on(t.regionPath),
  ],
);

/** 节点计划: a project's plan — scheduled back from a target node's date, then frozen as the baseline. */
export const milestonePlans = pgTable('milestone_plans', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  templateName: text('template_name').notNull(),
  targetCode: text('target_code').notNull(),
  targetOn: date('target_on').notNull(),
  status: text('status', { enum: ['draft', 'frozen'] })
    .notNull()
    .default('draft'),
  frozenOn: date('frozen_on'),
  frozenBy: text('frozen_by'),
  version: integer('version').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 节点: one node of a project's plan with its baseline, current planned and actual dates. */
export const milestoneNodes = pgTable(
  'milestone_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => milestonePlans.projectId),
    code: text('code').notNull(),
    name: text('name').notNull(),
    durationDays: integer('duration_days').notNull(),
    dependsOn: text('depends_on').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull(),
    /** The planned date when the plan was frozen (基线). */
    baselineOn: date('baseline_on'),
    plannedOn: date('planned_on').notNull(),
    actualOn: date('actual_on'),
    actualFileId: uuid('actual_file_id').references(() => projectFiles.id),
    actualNote: text('actual_note'),
    actualBy: text('actual_by'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('milestone_nodes_project_code_key').on(t.projectId, t.code),
    index('milestone_nodes_planned_idx').on(t.plannedOn),
  ],
);

/** 节点调整: a frozen plan's node moved, with the reason (the baseline stays). */
export const milestoneAdjustments = pgTable(
  'milestone_adjustments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => milestoneNodes.id),
    projectId: uuid('project_id').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on').notNull(),
    reason: text('reason').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('milestone_adjustments_project_idx').on(t.projectId)],
);
