import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

/**
 * 攻坚行动: a jurisdiction's campaign (开门红, 服务季, 落地大比拼, 五赛五拼冬季攻坚…) over a period with its
 * targets (projects to start, to complete, investment to start in 万元; null = no target). Names are
 * unique in the jurisdiction.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    targetStartProjects: integer('target_start_projects'),
    targetCompletionProjects: integer('target_completion_projects'),
    targetStartInvestmentWanYuan: money('target_start_investment_wan_yuan'),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('campaigns_region_name_key').on(t.regionCode, t.name),
    index('campaigns_region_path_idx').on(t.regionPath),
  ],
);

/**
 * 集中开竣工活动: a ceremony on a date (集中开工 / 集中竣工 / 集中开竣工), in a campaign of the same
 * jurisdiction or on its own, with its main venue, sub-venues and level (省级/市级/县级 视频连线).
 */
export const campaignEvents = pgTable(
  'campaign_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    heldOn: date('held_on').notNull(),
    kind: text('kind', { enum: ['start', 'completion', 'startAndCompletion'] }).notNull(),
    level: text('level', { enum: ['provincial', 'city', 'county'] }).notNull(),
    mainVenue: text('main_venue').notNull(),
    subVenues: text('sub_venues').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('campaign_events_region_path_idx').on(t.regionPath, t.heldOn),
    index('campaign_events_campaign_idx').on(t.campaignId),
  ],
);

/** A project taking part in an event, once per event, as 开工 or 竣工, with the investment it brings (万元). */
export const campaignEventProjects = pgTable(
  'campaign_event_projects',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => campaignEvents.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    role: text('role', { enum: ['start', 'completion'] }).notNull(),
    investmentWanYuan: money('investment_wan_yuan').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.projectId] }),
    index('campaign_event_projects_project_idx').on(t.projectId),
  ],
);
