import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';

/** 施工单位 of a project: name, optional 统一社会信用代码 (checked), role (总承包/专业分包/劳务分包). */
export const contractors = pgTable(
  'contractors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    role: text('role', { enum: ['general', 'specialist', 'labour'] }).notNull(),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contractors_project_name_key').on(t.projectId, t.name).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * 实名制工人 (一人一档): a worker of a project and contractor. The 身份证号码 is never stored
 * plain: `id_number_cipher` is AES-256-GCM (`v1:iv:tag:data`, base64), `id_number_index` a keyed
 * HMAC blind index (one live worker per person per project), `id_number_masked` what every reader
 * but the owner unit sees.
 */
export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => contractors.id),
    name: text('name').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phone: text('phone'),
    trade: text('trade'),
    team: text('team'),
    originProvince: text('origin_province').notNull(),
    originCity: text('origin_city'),
    originCounty: text('origin_county'),
    arrivedOn: date('arrived_on').notNull(),
    departedOn: date('departed_on'),
    accommodation: text('accommodation', { enum: ['onSite', 'village', 'government'] }),
    passNumber: text('pass_number'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('workers_project_person_key')
      .on(t.projectId, t.idNumberIndex)
      .where(sql`${t.deletedAt} is null`),
    index('workers_contractor_idx').on(t.contractorId),
    index('workers_index_idx').on(t.idNumberIndex),
  ],
);

/**
 * 应急健康监测: switched on by an office for its jurisdiction (region subtree) from a day to a day
 * (null: until switched off), with its observation rule and how long its records are kept after it
 * ends. `purged_at` marks the watch whose health checks the daily job has purged.
 */
export const healthWatches = pgTable(
  'health_watches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    originKind: text('origin_kind', { enum: ['outsideProvince', 'listed'] }).notNull(),
    originProvinces: text('origin_provinces').array().notNull().default(sql`'{}'::text[]`),
    observationDays: integer('observation_days').notNull(),
    retentionDays: integer('retention_days').notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('health_watches_region_idx').on(t.regionPath)],
);

/** 每日健康检查: one per worker per day (a second entry updates it), under the watch it was taken in. */
export const workerHealthChecks = pgTable(
  'worker_health_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    watchId: uuid('watch_id')
      .notNull()
      .references(() => healthWatches.id),
    checkedOn: date('checked_on').notNull(),
    temperature: numeric('temperature', { precision: 3, scale: 1 }).notNull(),
    hasSymptoms: boolean('has_symptoms').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('worker_health_checks_day_key').on(t.workerId, t.checkedOn),
    index('worker_health_checks_watch_idx').on(t.watchId),
  ],
);
