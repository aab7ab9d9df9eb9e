import type { HealthCheck, Worker } from '@tuijin/contracts';
import {
  isAbnormalCheck,
  isClearedToWork,
  isOnSite,
  observationEnd,
  originObserved,
  provinceOfRegionPath,
  seesWorkerIdNumbers,
  workerHealthStatus,
} from '@tuijin/domain';
import { and, desc, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { workerHealthChecks } from '../../db/schema';
import { decryptIdNumber } from './id-number-crypto';
import {
  activeWatchOf,
  mayManageWorkforce,
  type ReadCtx,
  type WatchRow,
  type WorkerRow,
  type WorkforceProject,
  watchesCovering,
  watchRule,
} from './workforce.queries';

/** A worker row with what its presentation needs. */
export interface WorkerSource {
  worker: WorkerRow;
  project: WorkforceProject;
  contractorName: string;
}

/** 手机号码 masked like the ID number for readers who may not see it (138****5678). */
export const maskPhone = (phone: string) =>
  phone.length >= 7
    ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
    : '*'.repeat(phone.length);

type CheckRow = typeof workerHealthChecks.$inferSelect;

export const presentCheck = (c: CheckRow): HealthCheck => ({
  checkedOn: c.checkedOn,
  temperature: c.temperature,
  hasSymptoms: c.hasSymptoms,
  isAbnormal: isAbnormalCheck(c),
  note: c.note,
});

/** The latest check of each worker on or before a date under the given watches. */
async function latestChecks(db: Queryable, workerIds: string[], watchIds: string[], onDate: string) {
  if (workerIds.length === 0 || watchIds.length === 0) return new Map<string, CheckRow>();
  const rows = await db
    .selectDistinctOn([workerHealthChecks.workerId])
    .from(workerHealthChecks)
    .where(
      and(
        inArray(workerHealthChecks.workerId, workerIds),
        inArray(workerHealthChecks.watchId, watchIds),
        lte(workerHealthChecks.checkedOn, onDate),
      ),
    )
    .orderBy(workerHealthChecks.workerId, desc(workerHealthChecks.checkedOn));
  return new Map(rows.map((r) => [r.workerId, r]));
}

/**
 * THE presenter of workers: every endpoint that answers workers (roster, one worker, search, health
 * lists, health checks) goes through it. The 身份证号码 is decrypted only for a reader who
 * `seesWorkerIdNumbers` (the project's owner unit); everyone else gets the stored masked value and
 * a masked phone. Health facts follow the watch on for the project's region on `onDate`.
 */
export async function presentWorkers(
  ctx: ReadCtx,
  sources: readonly WorkerSource[],
  onDate: string,
  known?: { watches?: WatchRow[] },
): Promise<Worker[]> {
  if (sources.length === 0) return [];
  const regionPaths = [...new Set(sources.map((s) => s.project.regionPath))];
  const watches =
    known?.watches ?? (await Promise.all(regionPaths.map((p) => watchesCovering(ctx.db, p)))).flat();
  const watchByRegion = new Map(regionPaths.map((p) => [p, activeWatchOf(watches, p, onDate)]));
  const activeIds = [...new Set([...watchByRegion.values()].flatMap((w) => (w ? [w.id] : [])))];
  const checks = await latestChecks(
    ctx.db,
    sources.map((s) => s.worker.id),
    activeIds,
    onDate,
  );
  return sources.map(({ worker, project, contractorName }) => {
    const whole = seesWorkerIdNumbers(ctx.actor, project);
    const watch = watchByRegion.get(project.regionPath) ?? null;
    let health: Worker['health'] = null;
    if (watch) {
      const rule = watchRule(watch);
      const own = provinceOfRegionPath(watch.regionPath);
      const latest = checks.get(worker.id) ?? null;
      const status = workerHealthStatus(
        { arrivedOn: worker.arrivedOn, originProvince: worker.originProvince, latestCheck: latest },
        rule,
        onDate,
        own,
      );
      health = {
        status,
        isClearedToWork: isClearedToWork(status),
        observationEndOn: originObserved(worker.originProvince, rule, own)
          ? observationEnd(worker.arrivedOn, rule)
          : null,
        latestCheck: latest ? presentCheck(latest) : null,
        checkedToday: latest?.checkedOn === onDate,
      };
    }
    return {
      id: worker.id,
      projectId: project.id,
      projectName: project.name,
      contractorId: worker.contractorId,
      contractorName,
      name: worker.name,
      idNumber: whole ? decryptIdNumber(ctx.auditKey, worker.idNumberCipher) : worker.idNumberMasked,
      idNumberIsMasked: !whole,
      phone: worker.phone === null ? null : whole ? worker.phone : maskPhone(worker.phone),
      trade: worker.trade,
      team: worker.team,
      originProvince: worker.originProvince as Worker['originProvince'],
      originCity: worker.originCity,
      originCounty: worker.originCounty,
      arrivedOn: worker.arrivedOn,
      departedOn: worker.departedOn,
      isOnSite: isOnSite(worker, onDate),
      accommodation: worker.accommodation,
      passNumber: worker.passNumber,
      health,
      canEdit: mayManageWorkforce(ctx.actor, project),
      version: worker.version,
    };
  });
}
