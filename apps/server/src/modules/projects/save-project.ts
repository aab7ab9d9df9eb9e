import { randomUUID } from 'node:crypto';
import { type CreateProject, normaliseDecimal, type UpdateProject } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  can,
  impliedStage,
  inferredStartOn,
  ownerEditableProjectFields,
} from '@tuijin/domain';
import { and, eq, ne, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { insertMany } from '../../db/insert-many';
import { projectStageChanges, projects } from '../../db/schema';
import { pinyinInitials } from '../../lib/pinyin';
import { type Changes, diffChanges, recordAudits, updateVersioned } from '../audit';
import { checkProjectReferences, type LookupMemo } from './project-references';
import { getProject, type ProjectDetailRow } from './projects.queries';

const today = (ctx: Ctx) => ctx.clock.now().toISOString().slice(0, 10);

async function assertUnique(
  db: Queryable,
  input: { code: string | null; name: string; ownerOrganisationId: string },
  exceptId?: string,
) {
  const sameCode = input.code ? eq(projects.code, input.code) : undefined;
  const sameName = and(
    eq(projects.name, input.name),
    eq(projects.ownerOrganisationId, input.ownerOrganisationId),
  );
  const [clash] = await db
    .select({ code: projects.code, name: projects.name })
    .from(projects)
    .where(and(or(sameCode, sameName), exceptId ? ne(projects.id, exceptId) : undefined));
  if (!clash) return;
  if (input.code && clash.code === input.code) {
    throw new AppError('CONFLICT', `项目代码 ${input.code} 已在项目库中`, [
      { path: 'code', message: '项目代码已存在' },
    ]);
  }
  throw new AppError('CONFLICT', `该业主已有名为“${input.name}”的项目`, [
    { path: 'name', message: '同一业主下项目名称重复' },
  ]);
}

/** Stored columns of a project from its form fields. */
function columnsOf(input: Omit<CreateProject, 'stage'>, regionPath: string) {
  return { ...input, nameInitials: pinyinInitials(input.name), regionPath };
}

/** Adds a project to the library (office only), with its first stage recorded as 入库. */
export async function createProject(ctx: Ctx, input: CreateProject) {
  authorize(ctx.actor, 'project.create');
  const id = await ctx.db.transaction((tx) => insertProject(tx, ctx, input));
  return getProject(ctx.db, ctx.actor, id);
}

/**
 * The body of {@link createProject} inside the caller's transaction: checks the references and
 * uniqueness, inserts the project and its first stage change (入库), and records the
 * `project.create` audit event. The caller has authorised. Answers the new project's id.
 */
export async function insertProject(tx: Queryable, ctx: Ctx, input: CreateProject): Promise<string> {
  const prepared = await prepareProject(tx, ctx, input);
  await assertUnique(tx, prepared.fields);
  const [id] = await writeProjects(tx, ctx, [prepared]);
  return id!;
}

/** A new project checked and ready to write. */
export interface PreparedProject {
  fields: Omit<CreateProject, 'stage'>;
  stage: CreateProject['stage'];
  regionPath: string;
}

/**
 * Checks what a new project points at (the same checks as the form) and answers it ready to
 * write. Uniqueness is the caller's to settle: {@link insertProject} asks the database; a ledger
 * import knows every code and name + owner already. `memo` shares lookups across many projects.
 */
export async function prepareProject(
  tx: Queryable,
  ctx: Ctx,
  input: CreateProject,
  memo?: LookupMemo,
): Promise<PreparedProject> {
  const { stage, ...fields } = input;
  const region = await checkProjectReferences(tx, ctx.actor, fields, ctx.clock.now().getFullYear(), memo);
  return { fields, stage, regionPath: region.path };
}

/**
 * Writes checked new projects: the rows, each one's first stage change (入库) and one
 * `project.create` audit event each, in multi-row inserts ({@link insertMany}). Answers the ids in
 * input order.
 */
export async function writeProjects(
  tx: Queryable,
  ctx: Ctx,
  prepared: readonly PreparedProject[],
): Promise<string[]> {
  if (prepared.length === 0) return [];
  const now = ctx.clock.now();
  const on = today(ctx);
  // A started stage needs its date: a 续建 project's start is dated by its 建设起止年限; without one
  // the stored stage is the one the dates imply (新开工 listed without a start enters as 前期).
  const entered = prepared.map((p) => {
    const actualStartOn = inferredStartOn(p.stage, p.fields.startYear, p.fields.startMonth ?? null, on);
    const facts = {
      recordedStage: p.stage,
      actualStartOn,
      actualCompletionOn: null,
      actualOperationOn: null,
    };
    return { actualStartOn, stage: impliedStage(facts, { year: Number(on.slice(0, 4)), asOf: on }) };
  });
  // Ids are made here, so no statement's RETURNING order is relied upon.
  const ids = prepared.map(() => randomUUID());
  await insertMany(
    tx,
    projects,
    prepared.map((p, k) => ({
      id: ids[k]!,
      ...columnsOf(p.fields, p.regionPath),
      stage: entered[k]!.stage,
      actualStartOn: entered[k]!.actualStartOn,
      stageChangedOn: on,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertMany(
    tx,
    projectStageChanges,
    ids.map((projectId, k) => ({
      projectId,
      fromStage: null,
      toStage: entered[k]!.stage,
      changedOn: on,
      reason: '入库',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    })),
  );
  await recordAudits(
    tx,
    ctx,
    prepared.map((p, i) => ({
      action: 'project.create',
      entityType: 'project',
      entityId: ids[i]!,
      regionPath: p.regionPath,
      changes: diffChanges(null, { ...p.fields, ...entered[i]! }),
    })),
  );
  return ids;
}

/**
 * Edits a project. The office edits every field; an owner unit only the owner fields of its own
 * projects — a change to any other field is refused, naming the fields. A stale version is CONFLICT.
 */
export async function updateProject(ctx: Ctx, id: string, input: UpdateProject) {
  const current = await getProject(ctx.db, ctx.actor, id);
  const changes = projectChanges(current, input);
  if (!can(ctx.actor, 'project.update')) {
    authorize(ctx.actor, 'project.updateOwnerFields');
    if (current.ownerOrganisationId !== ctx.actor.organisationId) throw new AppError('FORBIDDEN');
    const refused = Object.keys(changes).filter(
      (field) => !(ownerEditableProjectFields as readonly string[]).includes(field),
    );
    if (refused.length > 0) {
      throw new AppError(
        'FORBIDDEN',
        `业主单位不能修改以下字段：${refused.join('、')}`,
        refused.map((path) => ({ path, message: '业主单位不能修改此字段' })),
      );
    }
  }
  await ctx.db.transaction((tx) => applyProjectUpdate(tx, ctx, id, input, changes));
  return getProject(ctx.db, ctx.actor, id);
}

/** The stored columns the form edits (a detail row or a plain `projects` row both have them). */
type StoredProject = Pick<
  ProjectDetailRow,
  | keyof Omit<UpdateProject, 'version' | 'levels' | 'sector' | 'constructionType'>
  | 'levels'
  | 'sector'
  | 'constructionType'
>;

/** The edited fields of a project as the form sends them, read from its stored row. */
export function projectFormFields(current: StoredProject): Omit<UpdateProject, 'version'> {
  return {
    code: current.code,
    name: current.name,
    ownerOrganisationId: current.ownerOrganisationId,
    regionCode: current.regionCode,
    address: current.address,
    longitude: current.longitude === null ? null : Number(current.longitude),
    latitude: current.latitude === null ? null : Number(current.latitude),
    levels: current.levels as UpdateProject['levels'],
    domain: current.domain,
    industry: current.industry,
    sector: current.sector as UpdateProject['sector'],
    scaleContent: current.scaleContent,
    totalInvestmentWanYuan: current.totalInvestmentWanYuan,
    startYear: current.startYear,
    startMonth: current.startMonth,
    endYear: current.endYear,
    endMonth: current.endMonth,
    constructionType: current.constructionType as UpdateProject['constructionType'],
    fundingSources: current.fundingSources,
    tags: current.tags,
    projectClass: current.projectClass,
    leaderUserId: current.leaderUserId,
    responsibleDepartmentId: current.responsibleDepartmentId,
    serviceOfficerUserId: current.serviceOfficerUserId,
    workingTeam: current.workingTeam,
    contactPerson: current.contactPerson,
    contactPhone: current.contactPhone,
  };
}

/** Before/after of every field an update would change (amounts compared as exact decimals). */
export function projectChanges(current: StoredProject, input: UpdateProject) {
  const { version: _version, ...fields } = input;
  return diffChanges(normaliseForDiff(projectFormFields(current)), normaliseForDiff(fields));
}

/**
 * The body of {@link updateProject} inside the caller's transaction: checks the references and
 * uniqueness, writes the fields if the version still matches (else CONFLICT) and records the
 * `project.update` audit event with `changes`. The caller has authorised.
 */
export async function applyProjectUpdate(
  tx: Queryable,
  ctx: Ctx,
  id: string,
  input: UpdateProject,
  changes: Changes,
  options: { memo?: LookupMemo; isUniquenessSettled?: boolean } = {},
): Promise<void> {
  const { version, ...fields } = input;
  // An owner cannot move the project (region is not an owner field), so its references are checked
  // against the whole tree rather than the owner unit's own region.
  const checker = can(ctx.actor, 'project.update') ? ctx.actor : { ...ctx.actor, regionPath: '' };
  const year = ctx.clock.now().getFullYear();
  const region = await checkProjectReferences(tx, checker, fields, year, options.memo);
  if (!options.isUniquenessSettled) await assertUnique(tx, fields, id);
  await updateVersioned(tx, ctx, {
    table: projects,
    where: eq(projects.id, id),
    version,
    set: { ...columnsOf(fields, region.path), updatedAt: ctx.clock.now() },
    audit: () => ({
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      regionPath: region.path,
      changes,
    }),
  });
}

/** Makes amounts comparable ("1200.0000" vs "1200") before diffing. */
function normaliseForDiff(values: Record<string, unknown>) {
  const amountValue = values.totalInvestmentWanYuan;
  return typeof amountValue === 'string'
    ? { ...values, totalInvestmentWanYuan: normaliseDecimal(amountValue) }
    : values;
}
