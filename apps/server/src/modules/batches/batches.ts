import type { CreateBatchScheme, SetProjectBatches } from '@tuijin/contracts';
import { type Actor, AppError, authorize, pathInSubtree } from '@tuijin/domain';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { batches, batchSchemes, projectBatches, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';
import { getProject } from '../projects';
import { loadRegion } from '../regions';

/**
 * Schemes the actor works with: those of their own region and below, and those of the regions
 * above it (a county's projects take part in the city's campaign).
 */
function schemeScope(actor: Actor): SQL {
  if (actor.regionPath === '') return sql`true`;
  const ancestors = actor.regionPath.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  return or(
    inRegionSubtree(batchSchemes.regionPath, actor.regionPath),
    inArray(batchSchemes.regionPath, ancestors),
  )!;
}

/** Batch schemes in scope with each batch's count of projects the actor may see. */
export async function listBatchSchemes(db: Queryable, actor: Actor, year?: number) {
  authorize(actor, 'project.read');
  const schemes = await db
    .select({
      id: batchSchemes.id,
      regionCode: batchSchemes.regionCode,
      regionName: regions.name,
      year: batchSchemes.year,
      name: batchSchemes.name,
    })
    .from(batchSchemes)
    .innerJoin(regions, eq(regions.code, batchSchemes.regionCode))
    .where(and(schemeScope(actor), year ? eq(batchSchemes.year, year) : undefined))
    .orderBy(asc(batchSchemes.year), asc(batchSchemes.regionCode), asc(batchSchemes.name));
  if (schemes.length === 0) return [];
  const batchRows = await db
    .select({ id: batches.id, schemeId: batches.schemeId, name: batches.name, sortOrder: batches.sortOrder })
    .from(batches)
    .where(
      inArray(
        batches.schemeId,
        schemes.map((s) => s.id),
      ),
    )
    .orderBy(asc(batches.sortOrder));
  const counts = await db
    .select({ batchId: projectBatches.batchId, n: count() })
    .from(projectBatches)
    .innerJoin(projects, eq(projects.id, projectBatches.projectId))
    .where(
      and(
        inArray(
          projectBatches.batchId,
          batchRows.map((b) => b.id),
        ),
        projectScope(actor),
      ),
    )
    .groupBy(projectBatches.batchId);
  return schemes.map((scheme) => ({
    ...scheme,
    batches: batchRows
      .filter((b) => b.schemeId === scheme.id)
      .map((b) => ({
        id: b.id,
        name: b.name,
        sortOrder: b.sortOrder,
        projectCount: counts.find((c) => c.batchId === b.id)?.n ?? 0,
      })),
  }));
}

/** Creates a jurisdiction's campaign scheme for a year with its ordered batches. */
export async function createBatchScheme(ctx: Ctx, input: CreateBatchScheme) {
  authorize(ctx.actor, 'batch.manage');
  const region = await loadRegion(ctx.db, input.regionCode);
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath)) {
    throw new AppError('VALIDATION_FAILED', '方案所属区划不存在或不在本辖区', [
      { path: 'regionCode', message: '不在本辖区' },
    ]);
  }
  if (new Set(input.batches).size !== input.batches.length) {
    throw new AppError('VALIDATION_FAILED', '批次名称重复', [{ path: 'batches', message: '批次名称重复' }]);
  }
  const [clash] = await ctx.db
    .select({ id: batchSchemes.id })
    .from(batchSchemes)
    .where(
      and(
        eq(batchSchemes.regionCode, region.code),
        eq(batchSchemes.year, input.year),
        eq(batchSchemes.name, input.name),
      ),
    );
  if (clash)
    throw new AppError('CONFLICT', `${region.name} ${input.year} 年已有“${input.name}”方案`, [
      { path: 'name', message: '方案已存在' },
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const [scheme] = await tx
      .insert(batchSchemes)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        year: input.year,
        name: input.name,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: batchSchemes.id });
    await tx
      .insert(batches)
      .values(input.batches.map((name, index) => ({ schemeId: scheme!.id, name, sortOrder: index + 1 })));
    await recordAudit(tx, ctx, {
      action: 'batchScheme.create',
      entityType: 'batchScheme',
      entityId: scheme!.id,
      regionPath: region.path,
      detail: { year: input.year, name: input.name, batches: input.batches },
    });
    return scheme!.id;
  });
  const created = (await listBatchSchemes(ctx.db, ctx.actor, input.year)).find((s) => s.id === id);
  return created!;
}

/** Replaces the batches a project belongs to; every batch must be in a scheme the actor works with. */
export async function setProjectBatches(
  ctx: Ctx,
  projectId: string,
  input: z.infer<typeof SetProjectBatches>,
) {
  const project = await getProject(ctx.db, ctx.actor, projectId);
  authorize(ctx.actor, 'batch.manage');
  const wanted = [...new Set(input.batchIds)];
  const allowed = wanted.length
    ? await ctx.db
        .select({ id: batches.id })
        .from(batches)
        .innerJoin(batchSchemes, eq(batchSchemes.id, batches.schemeId))
        .where(and(inArray(batches.id, wanted), schemeScope(ctx.actor)))
    : [];
  if (allowed.length !== wanted.length) {
    throw new AppError('VALIDATION_FAILED', '所选批次不存在或不在本辖区', [
      { path: 'batchIds', message: '批次不存在或不在本辖区' },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: projects,
      where: eq(projects.id, projectId),
      version: input.version,
      set: { updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'project.batches.update',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes: { batchIds: { before: project.batches.map((b) => b.id), after: wanted } },
      }),
    });
    await tx.delete(projectBatches).where(eq(projectBatches.projectId, projectId));
    if (wanted.length)
      await tx.insert(projectBatches).values(wanted.map((batchId) => ({ projectId, batchId })));
  });
  return getProject(ctx.db, ctx.actor, projectId);
}
