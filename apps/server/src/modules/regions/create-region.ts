import type { CreateRegion } from '@tuijin/contracts';
import { AppError, authorize, childPath, pathInSubtree, regionCodeProblems } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { regions } from '../../db/schema';
import { recordAudit } from '../audit';
import { loadRegion } from './regions.queries';

/**
 * Adds a region under a parent in the actor's jurisdiction. Codes follow GB/T 2260 (a county's
 * code starts with its city's digits); development zones take `parent-TAG` codes.
 */
export async function createRegion(ctx: Ctx, input: CreateRegion) {
  const parent = input.parentCode ? ((await loadRegion(ctx.db, input.parentCode)) ?? null) : null;
  if (input.parentCode && (!parent || !pathInSubtree(parent.path, ctx.actor.regionPath))) {
    throw new AppError('VALIDATION_FAILED', '上级区划不存在', [
      { path: 'parentCode', message: '上级区划不存在或不在本辖区' },
    ]);
  }
  authorize(ctx.actor, 'region.manage', { regionPath: parent?.path ?? '' });
  if (!parent && ctx.actor.regionPath !== '') throw new AppError('FORBIDDEN', '只能在本辖区内新增区划');
  const problems = regionCodeProblems(input.code, input.level, parent);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      problems[0],
      problems.map((message) => ({ path: 'code', message })),
    );
  }
  if (await loadRegion(ctx.db, input.code)) {
    throw new AppError('CONFLICT', `区划代码 ${input.code} 已存在`, [
      { path: 'code', message: '代码已存在' },
    ]);
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(regions)
      .values({
        code: input.code,
        name: input.name,
        level: input.level,
        parentCode: parent?.code ?? null,
        path: childPath(parent?.path ?? null, input.code),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: input.code,
      regionPath: row!.path,
      changes: { name: { before: null, after: input.name }, level: { before: null, after: input.level } },
    });
    return row!;
  });
}
