import type { CreateRoutingRule, RoutingRule } from '@tuijin/contracts';
import { AppError, authorize } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dictionaryEntries, organisations, problemRoutingRules, regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit } from '../audit';
import { assertHandlerOrganisation } from './problem-context';

/** The routing rules of the actor's jurisdiction (its region and below). */
export async function listRoutingRules(ctx: Ctx): Promise<{ data: RoutingRule[] }> {
  authorize(ctx.actor, 'problemRouting.manage');
  const rows = await ctx.db
    .select({ rule: problemRoutingRules, departmentName: organisations.name })
    .from(problemRoutingRules)
    .innerJoin(organisations, eq(organisations.id, problemRoutingRules.departmentId))
    .where(inRegionSubtree(problemRoutingRules.regionPath, ctx.actor.regionPath))
    .orderBy(
      asc(problemRoutingRules.regionPath),
      asc(problemRoutingRules.category),
      asc(problemRoutingRules.createdAt),
    );
  return {
    data: rows.map(({ rule, departmentName }) => ({
      id: rule.id,
      regionCode: rule.regionCode,
      category: rule.category,
      departmentId: rule.departmentId,
      departmentName,
      limitWorkingDays: rule.limitWorkingDays,
    })),
  };
}

/** Adds a rule in the actor's jurisdiction: a known category (or any), an active department or office. */
export async function createRoutingRule(ctx: Ctx, input: CreateRoutingRule): Promise<RoutingRule> {
  authorize(ctx.actor, 'problemRouting.manage');
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (
    !region ||
    !(
      ctx.actor.regionPath === '' ||
      region.path === ctx.actor.regionPath ||
      region.path.startsWith(`${ctx.actor.regionPath}.`)
    )
  )
    throw new AppError('VALIDATION_FAILED', `区划“${input.regionCode}”不存在或不在本辖区`, [
      { path: 'regionCode', message: '不在本辖区' },
    ]);
  if (input.category) {
    const [known] = await ctx.db
      .select({ id: dictionaryEntries.id })
      .from(dictionaryEntries)
      .where(and(eq(dictionaryEntries.kind, 'problemCategory'), eq(dictionaryEntries.name, input.category)));
    if (!known)
      throw new AppError('VALIDATION_FAILED', `问题分类“${input.category}”不在问题分类字典中`, [
        { path: 'category', message: '请从问题分类中选择' },
      ]);
  }
  await assertHandlerOrganisation(ctx.db, input.departmentId, region.path).catch(() => {
    throw new AppError('VALIDATION_FAILED', '承办部门应为本辖区（本级、上级或下级）在用的行业部门或重点办', [
      { path: 'departmentId', message: '请选择本辖区的行业部门或重点办' },
    ]);
  });
  return ctx.db.transaction(async (tx) => {
    const [rule] = await tx
      .insert(problemRoutingRules)
      .values({ ...input, regionPath: region.path, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'problemRouting.manage',
      entityType: 'problemRoutingRule',
      entityId: rule!.id,
      regionPath: region.path,
      detail: { op: 'create', ...input },
    });
    const [department] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, input.departmentId));
    return {
      id: rule!.id,
      regionCode: rule!.regionCode,
      category: rule!.category,
      departmentId: rule!.departmentId,
      departmentName: department?.name ?? '',
      limitWorkingDays: rule!.limitWorkingDays,
    };
  });
}

/** Removes a rule of the actor's jurisdiction; problems it routed keep their handler. */
export async function deleteRoutingRule(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'problemRouting.manage');
  const [rule] = await ctx.db
    .select()
    .from(problemRoutingRules)
    .where(
      and(
        eq(problemRoutingRules.id, id),
        inRegionSubtree(problemRoutingRules.regionPath, ctx.actor.regionPath),
      ),
    );
  if (!rule) throw new AppError('NOT_FOUND', '交办规则不存在');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(problemRoutingRules).where(eq(problemRoutingRules.id, id));
    await recordAudit(tx, ctx, {
      action: 'problemRouting.manage',
      entityType: 'problemRoutingRule',
      entityId: id,
      regionPath: rule.regionPath,
      detail: { op: 'delete', category: rule.category, departmentId: rule.departmentId },
    });
  });
  return { ok: true as const };
}
