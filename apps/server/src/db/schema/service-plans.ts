import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { projects } from './projects';

/**
 * 一项目一策: a project's one service plan — its aim (summary) and its lead (an organisation or a
 * person's name). The measures hang off it.
 */
export const servicePlans = pgTable(
  'service_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    summary: text('summary').notNull(),
    lead: text('lead').notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('service_plans_project_key').on(t.projectId)],
);

/**
 * 措施: one measure of a service plan — what is done, by which unit (an organisation of the
 * project's jurisdiction), by when, its status (domain `measureStatusMoves`) and, once done, its
 * completion date and note.
 */
export const servicePlanMeasures = pgTable(
  'service_plan_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => servicePlans.id),
    content: text('content').notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['notStarted', 'inProgress', 'done', 'cancelled'] }).notNull(),
    completedOn: date('completed_on'),
    completionNote: text('completion_note'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [
    index('service_plan_measures_plan_idx').on(t.planId),
    index('service_plan_measures_organisation_idx').on(t.responsibleOrganisationId),
  ],
);
