import {
  bigint,
  boolean,
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
