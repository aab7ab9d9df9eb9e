import type { SaveHealthCheck, WorkerHealthChecks } from '@tuijin/contracts';
import { AppError, checkTemperature, chinaDate, healthRecordsPurgeOn, systemActor } from '@tuijin/domain';
import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { healthWatches, workerHealthChecks } from '../../db/schema';
import { recordAudit } from '../audit';
import { presentCheck } from './worker.presenter';
import { presentOne } from './workers';
import {
  activeWatchOf,
  assertManageWorkforce,
  loadWorker,
  type ReadCtx,
  regionNames,
  watchesCovering,
} from './workforce.queries';

const refuse = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** A worker and the health checks of the watch on for the project today (none without a watch). */
export async function getWorkerHealthChecks(ctx: ReadCtx, workerId: string): Promise<WorkerHealthChecks> {
  const { project } = await loadWorker(ctx.db, ctx.actor, workerId);
  const today = chinaDate(ctx.clock.now());
  const watch = activeWatchOf(await watchesCovering(ctx.db, project.regionPath), project.regionPath, today);
  const checks = watch
    ? await ctx.db
        .select()
        .from(workerHealthChecks)
        .where(and(eq(workerHealthChecks.workerId, workerId), eq(workerHealthChecks.watchId, watch.id)))
        .orderBy(asc(workerHealthChecks.checkedOn))
    : [];
  return { worker: await presentOne(ctx, workerId), checks: checks.map(presentCheck) };
}

/**
 * 每日健康检查: one per worker per day (a second entry that day updates it), only while a watch is
 * on for the project's region on that day — otherwise refused in words naming the region. The day
 * is not after today, not before the arrival, not after the departure; the temperature 35.0–42.0 ℃.
 * Recorded by whoever keeps the roster. Audited `healthCheck.record` with the day only: the health
 * values stay in the purgeable table, never in the append-only log.
 */
export async function saveHealthCheck(ctx: Ctx, workerId: string, input: SaveHealthCheck) {
  const { worker, project } = await loadWorker(ctx.db, ctx.actor, workerId);
  assertManageWorkforce(ctx.actor, project);
  const today = chinaDate(ctx.clock.now());
  const watch = activeWatchOf(
    await watchesCovering(ctx.db, project.regionPath),
    project.regionPath,
    input.checkedOn,
  );
  if (!watch) {
    const name =
      (await regionNames(ctx.db, [project.regionCode])).get(project.regionCode) ?? project.regionCode;
    throw refuse('checkedOn', `${name}在 ${input.checkedOn} 未开启应急健康监测，无需登记健康检查`);
  }
  if (input.checkedOn > today) throw refuse('checkedOn', '检查日期不能晚于今天');
  if (input.checkedOn < worker.arrivedOn)
    throw refuse('checkedOn', `检查日期早于到岗日期 ${worker.arrivedOn}`);
  if (worker.departedOn !== null && input.checkedOn >= worker.departedOn)
    throw refuse('checkedOn', `工人已于 ${worker.departedOn} 离场`);
  const temperature = checkTemperature(input.temperature);
  if (!temperature.ok)
    throw refuse(
      'temperature',
      temperature.problem === 'range' ? '体温应在 35.0–42.0 ℃ 之间' : '体温应为数字，最多一位小数，如 36.5',
    );
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: workerHealthChecks.id })
      .from(workerHealthChecks)
      .where(
        and(eq(workerHealthChecks.workerId, workerId), eq(workerHealthChecks.checkedOn, input.checkedOn)),
      );
    const values = {
      temperature: temperature.value,
      hasSymptoms: input.hasSymptoms,
      note: input.note,
      recordedBy: ctx.actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const [row] = await tx
      .insert(workerHealthChecks)
      .values({ workerId, watchId: watch.id, checkedOn: input.checkedOn, ...values })
      .onConflictDoUpdate({
        target: [workerHealthChecks.workerId, workerHealthChecks.checkedOn],
        set: { ...values, watchId: watch.id },
      })
      .returning({ id: workerHealthChecks.id });
    await recordAudit(tx, ctx, {
      action: 'healthCheck.record',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        workerId,
        checkId: row!.id,
        checkedOn: input.checkedOn,
        watchId: watch.id,
        updated: before !== undefined,
      },
    });
  });
  return getWorkerHealthChecks(ctx, workerId);
}

/**
 * 过期健康记录清除: the health checks of every watch whose retention has run out on `today` (its
 * last day + retention days) are deleted and the watch marked purged, each watch in its own
 * transaction audited `healthCheck.purge` as the system. Idempotent: a purged watch is skipped.
 */
export async function purgeHealthRecords(ctx: Pick<Ctx, 'db' | 'auditKey'>, at: Date) {
  const today = chinaDate(at);
  const jobCtx = {
    db: ctx.db,
    actor: systemActor,
    clock: { now: () => at },
    ip: null,
    auditKey: ctx.auditKey,
  };
  const ended = await ctx.db
    .select()
    .from(healthWatches)
    .where(and(isNotNull(healthWatches.toOn), isNull(healthWatches.purgedAt)));
  const due = ended.filter((w) => {
    const on = healthRecordsPurgeOn(w);
    return on !== null && on <= today;
  });
  let checks = 0;
  for (const watch of due)
    await ctx.db.transaction(async (tx) => {
      const [n] = await tx
        .select({ n: count() })
        .from(workerHealthChecks)
        .where(eq(workerHealthChecks.watchId, watch.id));
      await tx.delete(workerHealthChecks).where(inArray(workerHealthChecks.watchId, [watch.id]));
      await tx.update(healthWatches).set({ purgedAt: at }).where(eq(healthWatches.id, watch.id));
      await recordAudit(tx, jobCtx, {
        action: 'healthCheck.purge',
        entityType: 'region',
        entityId: watch.regionCode,
        regionPath: watch.regionPath,
        detail: {
          watchId: watch.id,
          name: watch.name,
          toOn: watch.toOn,
          retentionDays: watch.retentionDays,
          checks: n?.n ?? 0,
        },
      });
      checks += n?.n ?? 0;
    });
  return { watches: due.length, checks };
}
