import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, money, updatedAt } from './columns';
import { organisations } from './organisations';
import { projects } from './projects';
import { regions } from './regions';

/**
 * 招商项目/线索: an investment lead of a jurisdiction, kept by its office through the stages of the
 * region's list (settings store `promotion.<region>`, inherited down). `stage_history` holds the day
 * each stage was entered (the dwell times come from it); a move back drops the later entries. A lead
 * turned into a library project (转入项目库) points at it.
 */
export const promotionLeads = pgTable(
  'promotion_leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    investorName: text('investor_name').notNull(),
    /** 投资方来源地 (e.g. 广东深圳, 香港, 德国). */
    investorOrigin: text('investor_origin'),
    industry: text('industry'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    regionPath: text('region_path').notNull(),
    contractWanYuan: money('contract_wan_yuan'),
    signedOn: date('signed_on'),
    promisedRegistrationOn: date('promised_registration_on'),
    promisedStartOn: date('promised_start_on'),
    promisedProductionOn: date('promised_production_on'),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id),
    stage: text('stage').notNull(),
    stageHistory: jsonb('stage_history').$type<{ key: string; enteredOn: string }[]>().notNull(),
    note: text('note'),
    droppedOn: date('dropped_on'),
    dropReason: text('drop_reason'),
    projectId: uuid('project_id').references(() => projects.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('promotion_leads_region_path_idx').on(t.regionPath),
    index('promotion_leads_project_idx').on(t.projectId),
  ],
);
