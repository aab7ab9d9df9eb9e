import { type CreateProject, normaliseDecimal, type UpdateProject } from '@tuijin/contracts';
import { AppError, authorize, can, ownerEditableProjectFields } from '@tuijin/domain';
import { and, eq, ne, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { projectStageChanges, projects } from '../../db/schema';
import { pinyinInitials } from '../../lib/pinyin';
import { diffChanges, recordAudit } from '../audit/record-audit';
import { checkProjectReferences } from './project-references';
import { getProject } from './projects.queries';

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
  const { stage, ...fields } = input;
  const region = await checkProjectReferences(ctx.db, ctx.actor, fields, ctx.clock.now().getFullYear());
  await assertUnique(ctx.db, fields);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        ...columnsOf(fields, region.path),
        stage,
        stageChangedOn: today(ctx),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: projects.id });
    await tx.insert(projectStageChanges).values({
      projectId: row!.id,
      fromStage: null,
      toStage: stage,
      changedOn: today(ctx),
      reason: '入库',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'project.create',
      entityType: 'project',
      entityId: row!.id,
      regionPath: region.path,
      changes: diffChanges(null, { ...fields, stage }),
    });
    return row!.id;
  });
  return getProject(ctx.db, ctx.actor, id);
}

/**
 * Edits a project. The office edits every field; an owner unit only the owner fields of its own
 * projects — a change to any other field is refused, naming the fields. A stale version is CONFLICT.
 */
export async function updateProject(ctx: Ctx, id: string, input: UpdateProject) {
  const current = await getProject(ctx.db, ctx.actor, id);
  const { version, ...fields } = input;
  const before: Record<string, unknown> = {
    code: current.code,
    name: current.name,
    ownerOrganisationId: current.ownerOrganisationId,
    regionCode: current.regionCode,
    address: current.address,
    longitude: current.longitude === null ? null : Number(current.longitude),
    latitude: current.latitude === null ? null : Number(current.latitude),
    levels: current.levels,
    domain: current.domain,
    industry: current.industry,
    sector: current.sector,
    scaleContent: current.scaleContent,
    totalInvestmentWanYuan: current.totalInvestmentWanYuan,
    startYear: current.startYear,
    startMonth: current.startMonth,
    endYear: current.endYear,
    endMonth: current.endMonth,
    constructionType: current.constructionType,
    fundingSources: current.fundingSources,
    tags: current.tags,
    leaderUserId: current.leaderUserId,
    responsibleDepartmentId: current.responsibleDepartmentId,
    serviceOfficerUserId: current.serviceOfficerUserId,
    workingTeam: current.workingTeam,
    contactPerson: current.contactPerson,
    contactPhone: current.contactPhone,
  };
  const changes = diffChanges(normaliseForDiff(before), normaliseForDiff(fields));
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
  // An owner cannot move the project (region is not an owner field), so its references are checked
  // against the whole tree rather than the owner unit's own region.
  const checker = can(ctx.actor, 'project.update') ? ctx.actor : { ...ctx.actor, regionPath: '' };
  const region = await checkProjectReferences(ctx.db, checker, fields, ctx.clock.now().getFullYear());
  await assertUnique(ctx.db, fields, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(projects)
      .set({ ...columnsOf(fields, region.path), version: version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning({ id: projects.id });
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      regionPath: region.path,
      changes,
    });
  });
  return getProject(ctx.db, ctx.actor, id);
}

/** Makes amounts comparable ("1200.0000" vs "1200") before diffing. */
function normaliseForDiff(values: Record<string, unknown>) {
  const amountValue = values.totalInvestmentWanYuan;
  return typeof amountValue === 'string'
    ? { ...values, totalInvestmentWanYuan: normaliseDecimal(amountValue) }
    : values;
}
