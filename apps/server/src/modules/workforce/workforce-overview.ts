import type {
  WorkerSearchQuery,
  WorkerSearchResult,
  WorkforceOverview,
  WorkforceOverviewQuery,
} from '@tuijin/contracts';
import { checkIdNumber, chinaDate } from '@tuijin/domain';
import { and, asc, count, eq, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { contractors, healthWatches, projects, workers } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import { mayManageWatch } from './health-watches';
import { idNumberIndex } from './id-number-crypto';
import { presentWatches } from './project-workforce';
import { presentWorkers, type WorkerSource } from './worker.presenter';
import { activeWatchOf, type ReadCtx, watchesCovering, workforceProjectColumns } from './workforce.queries';
import { workforceDayFigures } from './workforce-figures';

const workerSources = (db: Queryable) =>
  db
    .select({ worker: workers, project: workforceProjectColumns, contractorName: contractors.name })
    .from(workers)
    .innerJoin(projects, eq(projects.id, workers.projectId))
    .innerJoin(contractors, eq(contractors.id, workers.contractorId));

/**
 * 用工情况 of a region on a date (default today) for the reader: the day's figures per child region
 * over the projects the reader may see (`projectScope`, so a total is the sum of what they may
 * open), the watch on for the region and those of its line, the workers under observation or
 * abnormal (through the one presenter, masked as the reader must see them).
 */
export async function workforceOverview(
  ctx: ReadCtx,
  query: WorkforceOverviewQuery,
): Promise<WorkforceOverview> {
  const view = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const on = query.on ?? chinaDate(ctx.clock.now());
  const figures = await workforceDayFigures(ctx.db, view.region.path, on, projectScope(ctx.actor));
  const line = await watchesCovering(ctx.db, view.region.path);
  const below = await ctx.db
    .select()
    .from(healthWatches)
    .where(
      and(
        inRegionSubtree(healthWatches.regionPath, view.region.path),
        sql`${healthWatches.regionPath} <> ${view.region.path}`,
      ),
    );
  const watches = [...line, ...below].sort((a, b) => b.fromOn.localeCompare(a.fromOn));
  const watch = activeWatchOf(line, view.region.path, on);
  const onSite = await workerSources(ctx.db)
    .where(
      and(
        isNull(workers.deletedAt),
        projectScope(ctx.actor),
        inRegionSubtree(projects.regionPath, view.region.path),
        lte(workers.arrivedOn, on),
        sql`(${workers.departedOn} is null or ${workers.departedOn} > ${on})`,
      ),
    )
    .orderBy(asc(projects.name), asc(workers.name));
  const presented = await presentWorkers(ctx, onSite as WorkerSource[], on, { watches });
  const healthList = presented
    .filter((w) => w.health?.status === 'abnormal' || w.health?.status === 'observing')
    .sort((a, b) => (a.health!.status === 'abnormal' ? 0 : 1) - (b.health!.status === 'abnormal' ? 0 : 1))
    .slice(0, 200);
  return {
    regionCode: view.region.code,
    regionName: view.region.name,
    on,
    rows: figures.rows.map(({ regionCode, regionName, figures: f }) => ({
      regionCode,
      regionName,
      figures: f,
    })),
    total: figures.total,
    watch: watch ? ((await presentWatches(ctx.db, [watch], on))[0] ?? null) : null,
    watches: await presentWatches(ctx.db, watches, on),
    healthList,
    canManageWatch: ctx.actor.roles.includes('office_staff') && mayManageWatch(ctx.actor, view.region.path),
  };
}

/**
 * 花名册查询 across the projects the reader may see in a region: by name, phone, pass number, team,
 * or a whole 身份证号码 (found through the blind index, never compared plain); answered through the
 * one presenter, so the number stays masked for everyone but a project's owner unit.
 */
export async function searchWorkers(ctx: ReadCtx, query: WorkerSearchQuery): Promise<WorkerSearchResult> {
  const view = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const today = chinaDate(ctx.clock.now());
  const q = query.q?.trim() ?? '';
  const id = q ? checkIdNumber(q, today) : null;
  const text =
    q === ''
      ? undefined
      : id?.ok
        ? eq(workers.idNumberIndex, idNumberIndex(ctx.auditKey, id.value))
        : or(
            ilike(workers.name, `%${escapeLike(q)}%`),
            ilike(workers.phone, `%${escapeLike(q)}%`),
            ilike(workers.passNumber, `%${escapeLike(q)}%`),
            ilike(workers.team, `%${escapeLike(q)}%`),
            ilike(projects.name, `%${escapeLike(q)}%`),
          );
  const presence =
    query.presence === 'onSite'
      ? sql`(${workers.departedOn} is null or ${workers.departedOn} > ${today})`
      : query.presence === 'departed'
        ? sql`${workers.departedOn} <= ${today}`
        : undefined;
  const where = and(
    isNull(workers.deletedAt),
    projectScope(ctx.actor),
    inRegionSubtree(projects.regionPath, view.region.path),
    text,
    presence,
  );
  const [total] = await ctx.db
    .select({ n: count() })
    .from(workers)
    .innerJoin(projects, eq(projects.id, workers.projectId))
    .where(where);
  const rows = await workerSources(ctx.db)
    .where(where)
    .orderBy(asc(projects.name), asc(workers.name), asc(workers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    data: await presentWorkers(ctx, rows as WorkerSource[], today),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}
