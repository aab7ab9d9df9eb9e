import type { CreateHealthWatch, EndHealthWatch, HealthWatch, UpdateHealthWatch } from '@tuijin/contracts';
import { type Actor, AppError, authorize, chinaDate, isSystemActor, pathInSubtree } from '@tuijin/domain';
import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { healthWatches, regions } from '../../db/schema';
import { isOfficeOver } from '../../lib/project-scope';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import { presentWatches } from './project-workforce';
import type { WatchRow } from './workforce.queries';

const conflict = '健康监测已被他人修改，请刷新后重试';
const refuse = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** Who switches a watch on or off: `healthWatch.manage` (the office) over the watch's region. */
export const mayManageWatch = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (actor.roles.includes('office_staff') && isOfficeOver(actor, regionPath));

type WatchFields = Omit<UpdateHealthWatch, 'version'>;

/** A watch's rules checked: an end not before its start, provinces listed when the rule lists them. */
function checkRules(input: WatchFields) {
  if (input.toOn !== null && input.toOn < input.fromOn) throw refuse('toOn', '结束日期不能早于开始日期');
  if (input.originKind === 'listed' && input.originProvinces.length === 0)
    throw refuse('originProvinces', '请选择须观察的来源省份');
  return {
    name: input.name,
    fromOn: input.fromOn,
    toOn: input.toOn,
    originKind: input.originKind,
    originProvinces: input.originKind === 'listed' ? [...new Set(input.originProvinces)].sort() : [],
    observationDays: input.observationDays,
    retentionDays: input.retentionDays,
  };
}

/** One watch per region at a time: periods of the same region may not overlap. */
async function assertNoOverlap(
  db: Queryable,
  regionCode: string,
  period: { fromOn: string; toOn: string | null },
  except: string | null,
) {
  const others = await db
    .select()
    .from(healthWatches)
    .where(and(eq(healthWatches.regionCode, regionCode), except ? ne(healthWatches.id, except) : undefined));
  const overlapping = others.find(
    (w) => (w.toOn === null || w.toOn >= period.fromOn) && (period.toOn === null || period.toOn >= w.fromOn),
  );
  if (overlapping)
    throw refuse(
      'fromOn',
      `本辖区已有健康监测“${overlapping.name}”（${overlapping.fromOn} 至 ${overlapping.toOn ?? '关闭为止'}），期间不能重叠`,
    );
}

async function loadWatch(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<WatchRow> {
  const [row] = await ctx.db.select().from(healthWatches).where(eq(healthWatches.id, id));
  if (!row || !pathInSubtree(row.regionPath, ctx.actor.regionPath))
    throw new AppError('NOT_FOUND', '健康监测不存在');
  if (!mayManageWatch(ctx.actor, row.regionPath))
    throw new AppError('FORBIDDEN', '只有本辖区的重点办可以修改健康监测');
  return row;
}

const present = async (ctx: Ctx, id: string): Promise<HealthWatch> => {
  const [row] = await ctx.db.select().from(healthWatches).where(eq(healthWatches.id, id));
  return (await presentWatches(ctx.db, [row!], chinaDate(ctx.clock.now())))[0]!;
};

/**
 * 开启健康监测: an office for its jurisdiction (or a region below it), from a day (to a day, or until
 * switched off), with its observation rule and retention. Audited `healthWatch.create`.
 */
export async function createHealthWatch(ctx: Ctx, input: CreateHealthWatch): Promise<HealthWatch> {
  authorize(ctx.actor, 'healthWatch.manage');
  const code = input.regionCode ?? ctx.actor.regionCode;
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, code));
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath))
    throw new AppError('NOT_FOUND', '辖区不存在');
  if (!mayManageWatch(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', '只有本辖区的重点办可以开启健康监测');
  const fields = checkRules(input);
  await assertNoOverlap(ctx.db, region.code, fields, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(healthWatches)
      .values({ regionCode: region.code, regionPath: region.path, createdBy: ctx.actor.userId, ...fields })
      .returning({ id: healthWatches.id });
    await recordAudit(tx, ctx, {
      action: 'healthWatch.create',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: diffChanges(null, fields),
      detail: { watchId: row!.id },
    });
    return row!.id;
  });
  return present(ctx, id);
}

/** 修改健康监测规则. Audited `healthWatch.update`. */
export async function updateHealthWatch(
  ctx: Ctx,
  id: string,
  input: UpdateHealthWatch,
): Promise<HealthWatch> {
  authorize(ctx.actor, 'healthWatch.manage');
  const watch = await loadWatch(ctx, id);
  if (watch.purgedAt) throw refuse('toOn', '该健康监测的记录已清除，不能再修改');
  const fields = checkRules(input);
  await assertNoOverlap(ctx.db, watch.regionCode, fields, id);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: healthWatches,
      where: eq(healthWatches.id, id),
      version: input.version,
      set: { ...fields, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'healthWatch.update',
        entityType: 'region',
        entityId: watch.regionCode,
        regionPath: watch.regionPath,
        changes: diffChanges(
          {
            name: watch.name,
            fromOn: watch.fromOn,
            toOn: watch.toOn,
            originKind: watch.originKind,
            originProvinces: watch.originProvinces,
            observationDays: watch.observationDays,
            retentionDays: watch.retentionDays,
          },
          fields,
        ),
        detail: { watchId: id },
      }),
      conflict,
    }),
  );
  return present(ctx, id);
}

/** 关闭健康监测: its last day (not before its start; default today). Audited `healthWatch.end`. */
export async function endHealthWatch(ctx: Ctx, id: string, input: EndHealthWatch): Promise<HealthWatch> {
  authorize(ctx.actor, 'healthWatch.manage');
  const watch = await loadWatch(ctx, id);
  if (input.toOn < watch.fromOn) throw refuse('toOn', '最后一天不能早于开始日期');
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: healthWatches,
      where: eq(healthWatches.id, id),
      version: input.version,
      set: { toOn: input.toOn, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'healthWatch.end',
        entityType: 'region',
        entityId: watch.regionCode,
        regionPath: watch.regionPath,
        changes: { toOn: { before: watch.toOn, after: input.toOn } },
        detail: { watchId: id, name: watch.name },
      }),
      conflict,
    }),
  );
  return present(ctx, id);
}
