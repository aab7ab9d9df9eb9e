import type { WorkforceDayFigures } from '@tuijin/contracts';
import { isClearedToWork, isOnSite, provinceOfRegionPath, workerHealthStatus } from '@tuijin/domain';
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { healthWatches, projects, regions, workerHealthChecks, workers } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { activeWatchOf, watchRule } from './workforce.queries';

/**
 * 在场人数 per project on a date: live workers arrived on or before it and not departed by it
 * (departed on the date = gone). Projects without workers are absent from the map.
 */
export async function workersOnSiteByProject(
  db: Queryable,
  projectIds: readonly string[],
  onDate: string,
): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: workers.projectId, n: sql<number>`count(*)::int` })
    .from(workers)
    .where(
      and(
        inArray(workers.projectId, [...projectIds]),
        isNull(workers.deletedAt),
        lte(workers.arrivedOn, onDate),
        sql`(${workers.departedOn} is null or ${workers.departedOn} > ${onDate})`,
      ),
    )
    .groupBy(workers.projectId);
  return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
}

/**
 * A project's roster on a date for its monthly report: the workers on site then, or null when the
 * project keeps no roster at all (nothing to offer the owner instead of typing the headcount).
 */
export async function rosterOnSiteOf(
  db: Queryable,
  projectId: string,
  onDate: string,
): Promise<{ onDate: string; workersOnSite: number } | null> {
  const [row] = await db
    .select({
      listed: sql<number>`count(*)::int`,
      onSite: sql<number>`count(*) filter (where ${workers.arrivedOn} <= ${onDate} and (${workers.departedOn} is null or ${workers.departedOn} > ${onDate}))::int`,
    })
    .from(workers)
    .where(and(eq(workers.projectId, projectId), isNull(workers.deletedAt)));
  return row && Number(row.listed) > 0 ? { onDate, workersOnSite: Number(row.onSite) } : null;
}

const zero = (): WorkforceDayFigures => ({
  onSite: 0,
  arrived: 0,
  departed: 0,
  inObservation: 0,
  abnormal: 0,
  cleared: 0,
});

export interface WorkforceDayRow {
  regionCode: string;
  regionName: string;
  regionPath: string;
  figures: WorkforceDayFigures;
}

/**
 * The day's workforce figures per child region of `regionPath` (a leaf is its own row) and their
 * total: 在场 (on site that day), 当日到岗 (arrived that day), 当日离场 (departed that day), and
 * under the watch on for each project's region that day: 观察中 (on site, observing), 异常 (on
 * site, abnormal) and 可上岗 (on site, 无需观察 or 已解除). Health figures are 0 where no watch is on.
 * Not scoped by a reader: the caller passes a region the reader may see (and filters projects if it
 * needs to), as the cockpit and bulletins do.
 */
export async function workforceDayFigures(
  db: Queryable,
  regionPath: string,
  onDate: string,
  projectFilter?: SQL,
): Promise<{ rows: WorkforceDayRow[]; total: WorkforceDayFigures }> {
  const [root] = await db.select().from(regions).where(eq(regions.path, regionPath));
  const children = root
    ? await db
        .select()
        .from(regions)
        .where(eq(regions.parentCode, root.code))
        .orderBy(asc(regions.sortOrder), asc(regions.code))
    : [];
  const groups = (children.length > 0 ? children : root ? [root] : []).map((r) => ({
    regionCode: r.code,
    regionName: r.name,
    regionPath: r.path,
    figures: zero(),
  }));
  const total = zero();
  const people = await db
    .select({
      id: workers.id,
      arrivedOn: workers.arrivedOn,
      departedOn: workers.departedOn,
      originProvince: workers.originProvince,
      regionPath: projects.regionPath,
    })
    .from(workers)
    .innerJoin(projects, eq(projects.id, workers.projectId))
    .where(
      and(
        isNull(workers.deletedAt),
        inRegionSubtree(projects.regionPath, regionPath),
        lte(workers.arrivedOn, onDate),
        sql`(${workers.departedOn} is null or ${workers.departedOn} >= ${onDate})`,
        projectFilter,
      ),
    );
  const ancestors = regionPath.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  const watches = await db
    .select()
    .from(healthWatches)
    .where(
      or(inArray(healthWatches.regionPath, ancestors), inRegionSubtree(healthWatches.regionPath, regionPath)),
    )
    .orderBy(desc(healthWatches.fromOn));
  const activeIds = watches.map((w) => w.id);
  const checks =
    people.length === 0 || activeIds.length === 0
      ? []
      : await db
          .selectDistinctOn([workerHealthChecks.workerId])
          .from(workerHealthChecks)
          .where(
            and(
              inArray(workerHealthChecks.watchId, activeIds),
              lte(workerHealthChecks.checkedOn, onDate),
              inArray(
                workerHealthChecks.workerId,
                people.map((p) => p.id),
              ),
            ),
          )
          .orderBy(workerHealthChecks.workerId, desc(workerHealthChecks.checkedOn));
  const latest = new Map(checks.map((c) => [c.workerId, c]));
  const watchOf = new Map<string, ReturnType<typeof activeWatchOf>>();
  for (const person of people) {
    const group = groups.find(
      (g) => person.regionPath === g.regionPath || person.regionPath.startsWith(`${g.regionPath}.`),
    );
    const add = (key: keyof WorkforceDayFigures) => {
      total[key] += 1;
      if (group) group.figures[key] += 1;
    };
    if (person.arrivedOn === onDate) add('arrived');
    if (person.departedOn === onDate) add('departed');
    if (!isOnSite(person, onDate)) continue;
    add('onSite');
    if (!watchOf.has(person.regionPath))
      watchOf.set(person.regionPath, activeWatchOf(watches, person.regionPath, onDate));
    const watch = watchOf.get(person.regionPath);
    if (!watch) continue;
    const check = latest.get(person.id);
    const status = workerHealthStatus(
      {
        arrivedOn: person.arrivedOn,
        originProvince: person.originProvince,
        latestCheck: check && check.watchId === watch.id ? check : null,
      },
      watchRule(watch),
      onDate,
      provinceOfRegionPath(watch.regionPath),
    );
    if (status === 'observing') add('inObservation');
    if (status === 'abnormal') add('abnormal');
    if (isClearedToWork(status)) add('cleared');
  }
  return { rows: groups, total };
}
