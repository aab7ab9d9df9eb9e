import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns';
import { projects } from './projects';
import { regions } from './regions';

/** A bank a jurisdiction works with (中国农业发展银行宁德分行…), unique by name in the jurisdiction. */
export const banks = pgTable(
  'banks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    level: text('level', { enum: ['head', 'provincial', 'city', 'county', 'local'] }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('banks_region_name_key').on(t.regionCode, t.name),
    index('banks_region_path_idx').on(t.regionPath),
  ],
);

/** 政银企对接会: a meeting of a jurisdiction on a date, with its venue and organiser. */
export const bankEvents = pgTable(
  'bank_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    venue: text('venue').notNull(),
    organiser: text('organiser').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('bank_events_region_path_idx').on(t.regionPath, t.heldOn)],
);

/** The banks attending an event. */
export const bankEventBanks = pgTable(
  'bank_event_banks',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => bankEvents.id, { onDelete: 'cascade' }),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => banks.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.bankId] }), index('bank_event_banks_bank_idx').on(t.bankId)],
);

/** 推送项目: a project pushed at an event with its financing need (万元) and purpose, once per event. */
export const bankPushes = pgTable(
  'bank_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => bankEvents.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    financingNeedWanYuan: money('financing_need_wan_yuan').notNull(),
    purpose: text('purpose').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('bank_pushes_event_project_key').on(t.eventId, t.projectId),
    index('bank_pushes_project_idx').on(t.projectId),
  ],
);

/** A pushed project's bank at the event, with the credit signed there (授信/签约金额, 万元; null = none). */
export const bankPushBanks = pgTable(
  'bank_push_banks',
  {
    pushId: uuid('push_id')
      .notNull()
      .references(() => bankPushes.id, { onDelete: 'cascade' }),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => banks.id),
    signedWanYuan: money('signed_wan_yuan'),
  },
  (t) => [primaryKey({ columns: [t.pushId, t.bankId] }), index('bank_push_banks_bank_idx').on(t.bankId)],
);

/**
 * The follow-up of a project with a bank (one per pair, opened by its first push): status, credit
 * granted, loans disbursed and rolled over (cumulative amounts with the latest date), next step.
 */
export const bankFollowUps = pgTable(
  'bank_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => banks.id),
    status: text('status', { enum: ['pushed', 'negotiating', 'credited', 'disbursed', 'failed'] })
      .notNull()
      .default('pushed'),
    failureReason: text('failure_reason'),
    creditGrantedWanYuan: money('credit_granted_wan_yuan'),
    disbursedWanYuan: money('disbursed_wan_yuan'),
    disbursedOn: date('disbursed_on'),
    rolledOverWanYuan: money('rolled_over_wan_yuan'),
    rolledOverOn: date('rolled_over_on'),
    nextStep: text('next_step'),
    followedUpOn: date('followed_up_on'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('bank_follow_ups_project_bank_key').on(t.projectId, t.bankId),
    index('bank_follow_ups_bank_idx').on(t.bankId),
  ],
);
