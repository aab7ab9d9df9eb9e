import type { HealthWatch, ProjectWorkforce } from '@tuijin/contracts';
import { chinaDate, healthRecordsPurgeOn, isWatchActive, seesWorkerIdNumbers } from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { contractors, workers } from '../../db/schema';
import { presentWorkers } from './worker.presenter';
import {
  activeWatchOf,
  liveContractors,
  loadWorkforceProject,
  mayManageWorkforce,
  onSiteByContractor,
  type ReadCtx,
  regionNames,
  type WatchRow,
  watchesCovering,
} from './workforce.queries';

/** A watch as the API answers it. */
export async function presentWatches(db: Queryable, rows: readonly WatchRow[], onDate: string) {
  const names = await regionNames(
    db,
    rows.map((r) => r.regionCode),
  );
  return rows.map(
    (w): HealthWatch => ({
      id: w.id,
      regionCode: w.regionCode,
      regionName: names.get(w.regionCode) ?? w.regionCode,
      name: w.name,
      fromOn: w.fromOn,
      toOn: w.toOn,
      originKind: w.originKind,
      originProvinces: w.originProvinces,
      observationDays: w.observationDays,
      retentionDays: w.retentionDays,
      isActive: isWatchActive(w, onDate),
      purgeOn: healthRecordsPurgeOn(w),
      isPurged: w.purgedAt !== null,
      version: w.version,
    }),
  );
}

/**
 * 实名制用工 of a project: its contractors (with workers on site today), its live workers through
 * the one presenter, the watch on for its region today (null: no health fields), and what the reader
 * may do.
 */
export async function getProjectWorkforce(ctx: ReadCtx, projectId: string): Promise<ProjectWorkforce> {
  const project = await loadWorkforceProject(ctx.db, ctx.actor, projectId);
  const today = chinaDate(ctx.clock.now());
  const [contractorRows, onSite, watches] = await Promise.all([
    liveContractors(ctx.db, projectId),
    onSiteByContractor(ctx.db, projectId, today),
    watchesCovering(ctx.db, project.regionPath),
  ]);
  const rows = await ctx.db
    .select({ worker: workers, contractorName: contractors.name })
    .from(workers)
    .innerJoin(contractors, eq(contractors.id, workers.contractorId))
    .where(and(eq(workers.projectId, projectId), isNull(workers.deletedAt)))
    .orderBy(asc(contractors.name), asc(workers.team), asc(workers.name));
  const watch = activeWatchOf(watches, project.regionPath, today);
  return {
    projectId,
    asOf: today,
    contractors: contractorRows.map((c) => ({
      id: c.id,
      name: c.name,
      creditCode: c.creditCode,
      role: c.role,
      workersOnSite: onSite.get(c.id) ?? 0,
      version: c.version,
    })),
    workers: await presentWorkers(
      ctx,
      rows.map((r) => ({ ...r, project })),
      today,
      { watches },
    ),
    watch: watch ? ((await presentWatches(ctx.db, [watch], today))[0] ?? null) : null,
    canManage: mayManageWorkforce(ctx.actor, project),
    seesIdNumbers: seesWorkerIdNumbers(ctx.actor, project),
  };
}
