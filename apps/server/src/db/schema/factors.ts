import {
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
import { createdAt, money, updatedAt } from './columns';
import { organisations } from './organisations';
import { problems } from './problems';
import { projects } from './projects';
import { regions } from './regions';

/** A quantity in its unit (亩, 吨标准煤, 人, 千伏安…), exact to four decimals like money. */
const quantity = (name: string) => numeric(name, { precision: 18, scale: 4 });

/**
 * 要素需求: what a project needs of one factor (domain `factorTypes`) — the quantity in the type's unit
 * (`factorUnits`; utilities and materials name theirs), how much is met (已供地, 已落实, 已授信, 在岗),
 * the status (domain `factorDemandMoves`), the responsible department of the jurisdiction, the date
 * needed, the type's own fields, and the problem it was raised as, if any.
 */
export const factorDemands = pgTable(
  'factor_demands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    type: text('type', {
      enum: ['land', 'energy', 'finance', 'labour', 'utilities', 'materials'],
    }).notNull(),
    quantity: quantity('quantity').notNull(),
    metQuantity: quantity('met_quantity').notNull().default('0'),
    unit: text('unit').notNull(),
    status: text('status', { enum: ['pending', 'inProgress', 'met', 'unmet'] }).notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id),
    neededBy: date('needed_by').notNull(),
    note: text('note'),
    /** 用地: 新增建设用地 or 存量, 指标状态, 农转用/征收 stage, 交地日期. */
    landKind: text('land_kind', { enum: ['new', 'existing'] }),
    landQuotaStatus: text('land_quota_status', { enum: ['unsecured', 'applying', 'secured'] }),
    landApprovalStage: text('land_approval_stage', {
      enum: ['notStarted', 'conversionFiled', 'conversionApproved', 'acquisition', 'supplied'],
    }),
    landDeliveryOn: date('land_delivery_on'),
    /** 用能: coal consumption in tonnes besides the tce. */
    coalTonnes: quantity('coal_tonnes'),
    /** 资金/融资: purpose, banks matched, disbursed (credit granted is the met quantity). */
    financePurpose: text('finance_purpose'),
    banksMatched: text('banks_matched'),
    disbursedWanYuan: money('disbursed_wan_yuan'),
    /** 水电路气: which utility. */
    utilityKind: text('utility_kind', { enum: ['water', 'power', 'road', 'gas'] }),
    /** 建材: which material. */
    materialName: text('material_name'),
    problemId: uuid('problem_id').references(() => problems.id),
    metOn: date('met_on'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('factor_demands_project_idx').on(t.projectId),
    index('factor_demands_organisation_idx').on(t.responsibleOrganisationId),
  ],
);

/**
 * 要素指标: a jurisdiction's land (亩) or energy (吨标准煤) quota for a year, set by its office; one per
 * region, year and kind.
 */
export const factorQuotas = pgTable(
  'factor_quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['land', 'energy'] }).notNull(),
    amount: quantity('amount').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('factor_quotas_region_year_kind_key').on(t.regionCode, t.year, t.kind)],
);

/**
 * 指标分配: quota given to a project of the jurisdiction (amount, date). The live total never passes
 * the quota (domain `assertQuotaFits`); a removed allocation keeps its row and stops counting.
 */
export const factorQuotaAllocations = pgTable(
  'factor_quota_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quotaId: uuid('quota_id')
      .notNull()
      .references(() => factorQuotas.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    amount: quantity('amount').notNull(),
    allocatedOn: date('allocated_on').notNull(),
    note: text('note'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('factor_quota_allocations_quota_idx').on(t.quotaId),
    index('factor_quota_allocations_project_idx').on(t.projectId),
  ],
);
