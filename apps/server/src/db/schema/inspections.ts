import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';
import { problems } from './problems';
import { projectFiles } from './project-files';
import { projects } from './projects';

/** One checklist item as stored: its key (unique in the list), text and category. */
export interface StoredChecklistItem {
  key: string;
  text: string;
  category: string;
}

/** One item as an inspection kept it: the item as it was, its result and a note. */
export interface InspectedItem extends StoredChecklistItem {
  result: 'pass' | 'issue' | 'na';
  note: string | null;
}

/**
 * 督查清单: a jurisdiction's own checklist (safety, epidemic rules, wage boards, dust…). A region
 * without any uses the nearest region above with some, else the domain's presets.
 */
export const inspectionChecklists = pgTable(
  'inspection_checklists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<StoredChecklistItem[]>().notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspection_checklists_region_idx').on(t.regionPath)],
);

/**
 * 督查记录: one inspection of a project's site on a day (China) by a unit (the office, a department or
 * a service group: the inspector's organisation), against a checklist whose items are kept as they
 * were with a result each.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    regionPath: text('region_path').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectorUserId: uuid('inspector_user_id').notNull(),
    inspectorName: text('inspector_name').notNull(),
    checklistId: uuid('checklist_id').references(() => inspectionChecklists.id),
    checklistName: text('checklist_name').notNull(),
    items: jsonb('items').$type<InspectedItem[]>().notNull(),
    note: text('note'),
    siteContact: text('site_contact'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspections_project_idx').on(t.projectId, t.inspectedOn),
    index('inspections_region_day_idx').on(t.regionPath, t.inspectedOn),
    index('inspections_organisation_idx').on(t.organisationId),
  ],
);

/**
 * 督查问题: a problem found at an inspection — the item, what is wrong, its severity and the
 * rectification deadline; 待整改 → 已整改待复核 (the owner's reply) → 已销号, or 复核不通过; the
 * problem it became when left unfixed.
 */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    regionPath: text('region_path').notNull(),
    foundOn: date('found_on').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    itemKey: text('item_key').notNull(),
    itemText: text('item_text').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    severity: text('severity', { enum: ['minor', 'major', 'severe'] }).notNull(),
    deadlineOn: date('deadline_on').notNull(),
    isDeadlineProvisional: boolean('is_deadline_provisional').notNull().default(false),
    status: text('status', { enum: ['open', 'replied', 'returned', 'closed'] }).notNull(),
    replyText: text('reply_text'),
    repliedOn: date('replied_on'),
    repliedByName: text('replied_by_name'),
    returnReason: text('return_reason'),
    returnCount: integer('return_count').notNull().default(0),
    closedOn: date('closed_on'),
    closedByName: text('closed_by_name'),
    closeNote: text('close_note'),
    problemId: uuid('problem_id').references(() => problems.id),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    index('inspection_findings_project_idx').on(t.projectId),
    index('inspection_findings_region_status_idx').on(t.regionPath, t.status),
  ],
);

/** A photo of a finding (taken by the inspector) or of its reply (the owner's rectification). */
export const inspectionFindingPhotos = pgTable(
  'inspection_finding_photos',
  {
    findingId: uuid('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => projectFiles.id),
    role: text('role', { enum: ['finding', 'reply'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.findingId, t.fileId] }),
    index('inspection_finding_photos_file_idx').on(t.fileId),
  ],
);
