import type { CreateWarningGrace, WarningGrace, WarningGraceList } from '@tuijin/contracts';
import { AppError, authorize, invalid, type WarningDimension } from '@tuijin/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, warningGraces } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { recordAudit } from '../audit';
import { getProject } from '../projects';

const columns = {
  id: warningGraces.id,
  projectId: warningGraces.projectId,
  projectName: projects.name,
  dimension: warningGraces.dimension,
  fromMonth: warningGraces.fromMonth,
  toMonth: warningGraces.toMonth,
  reason: warningGraces.reason,
  recordedByName: warningGraces.recordedByName,
  recordedAt: warningGraces.recordedAt,
  revokedAt: warningGraces.revokedAt,
  revokedByName: warningGraces.revokedByName,
};

const present = (
  r: {
    dimension: string;
    recordedAt: Date;
    revokedAt: Date | null;
  } & Omit<WarningGrace, 'dimension' | 'recordedAt' | 'revokedAt'>,
): WarningGrace => ({
  ...r,
  dimension: r.dimension as WarningDimension,
  recordedAt: r.recordedAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

async function graces(ctx: Pick<Ctx, 'db' | 'actor'>, where: SQL | undefined) {
  const rows = await ctx.db
    .select(columns)
    .from(warningGraces)
    .innerJoin(projects, eq(projects.id, warningGraces.projectId))
    .where(and(projectScope(ctx.actor), where))
    .orderBy(desc(warningGraces.recordedAt));
  return rows.map(present);
}

/** 正当理由 of the visible projects (or one project), newest first. */
export async function listGraces(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  query: { projectId?: string | undefined },
): Promise<WarningGraceList> {
  authorize(ctx.actor, 'warning.read');
  return {
    data: await graces(ctx, query.projectId ? eq(warningGraces.projectId, query.projectId) : undefined),
  };
}

/**
 * Records an office's 正当理由 (warning.excuse, a project in its scope): the dimension is excused
 * for the months given at the next computation. Audited on the project.
 */
export async function createWarningGrace(ctx: Ctx, input: CreateWarningGrace): Promise<WarningGrace> {
  authorize(ctx.actor, 'warning.excuse');
  const project = await getProject(ctx.db, ctx.actor, input.projectId);
  if (input.toMonth !== null && input.toMonth < input.fromMonth)
    throw invalid([{ path: 'toMonth', message: '截止月份不能早于起始月份' }], '截止月份不能早于起始月份');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(warningGraces)
      .values({
        projectId: project.id,
        regionPath: project.regionPath,
        dimension: input.dimension,
        fromMonth: input.fromMonth,
        toMonth: input.toMonth,
        reason: input.reason,
        recordedBy: ctx.actor.userId,
        recordedByName: ctx.actor.displayName,
        recordedAt: ctx.clock.now(),
      })
      .returning({ id: warningGraces.id });
    await recordAudit(tx, ctx, {
      action: 'warning.excuse',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: { graceId: row!.id, ...input },
    });
    return row!.id;
  });
  return (await graces(ctx, eq(warningGraces.id, id)))[0]!;
}

/** Revokes a 正当理由 (warning.excuse); it stays listed with who revoked it. */
export async function revokeWarningGrace(ctx: Ctx, id: string): Promise<WarningGrace> {
  authorize(ctx.actor, 'warning.excuse');
  const [grace] = await graces(ctx, eq(warningGraces.id, id));
  if (!grace) throw new AppError('NOT_FOUND', '正当理由不存在');
  if (grace.revokedAt) throw new AppError('INVALID_TRANSITION', '该正当理由已撤销');
  await ctx.db.transaction(async (tx) => {
    const [project] = await tx
      .select({ regionPath: projects.regionPath })
      .from(projects)
      .where(eq(projects.id, grace.projectId));
    await tx
      .update(warningGraces)
      .set({ revokedAt: ctx.clock.now(), revokedByName: ctx.actor.displayName })
      .where(eq(warningGraces.id, id));
    await recordAudit(tx, ctx, {
      action: 'warning.revokeExcuse',
      entityType: 'project',
      entityId: grace.projectId,
      regionPath: project?.regionPath ?? null,
      detail: { graceId: id, dimension: grace.dimension },
    });
  });
  return (await graces(ctx, eq(warningGraces.id, id)))[0]!;
}
