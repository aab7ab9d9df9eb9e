import type { Project, ProjectQuery } from '@tuijin/contracts';
import { type Actor, AppError, authorize, chinaDate } from '@tuijin/domain';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  not,
  or,
  type SQL,
  sql,
  sum,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/database';
import { impliedStageSql, stageToday } from '../../db/rules';
import {
  batches,
  batchSchemes,
  organisations,
  projectBatches,
  projects,
  projectYearFigures,
  regions,
  users,
  whitelistEntries,
} from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { inSizeBand } from '../../lib/size-band-sql';
import { loadRegion } from '../regions';

const owner = alias(organisations, 'owner');
const department = alias(organisations, 'department');
const leader = alias(users, 'leader');
const officer = alias(users, 'officer');
/**
 * A column of the kept rollup's row for the project's current year (本年累计完成 and its rate, issue
 * 18): a correlated primary-key lookup, so the plan stays an index lookup per row even on a
 * database without statistics (PGlite), where a join was planned as a rescan per project.
 */
const thisYears = (column: 'ytd_total' | 'planned' | 'ytd_rate', now: Date) =>
  sql<string | null>`(select ${sql.raw(column)} from ${projectYearFigures}
    where ${projectYearFigures.projectId} = ${projects.id}
      and ${projectYearFigures.year} = ${Number(chinaDate(now).slice(0, 4))}::int)`;

/** The list's columns, the stage implied by the actual dates as of `now` (`impliedStage`). */
const listColumnsAt = (now: Date) => ({
  id: projects.id,
  code: projects.code,
  name: projects.name,
  regionCode: projects.regionCode,
  regionName: regions.name,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  ownerName: owner.name,
  stage: impliedStageSql(stageToday(now)).as('stage'),
  levels: projects.levels,
  domain: projects.domain,
  industry: projects.industry,
  sector: projects.sector,
  constructionType: projects.constructionType,
  totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
  startYear: projects.startYear,
  endYear: projects.endYear,
  tags: projects.tags,
  projectClass: projects.projectClass,
  leaderUserId: projects.leaderUserId,
  leaderName: leader.displayName,
  responsibleDepartmentId: projects.responsibleDepartmentId,
  departmentName: department.name,
  serviceOfficerUserId: projects.serviceOfficerUserId,
  ytdCompletedWanYuan: thisYears('ytd_total', now),
  ytdPlannedWanYuan: thisYears('planned', now),
});

const detailColumnsAt = (now: Date) => ({
  ...listColumnsAt(now),
  address: projects.address,
  longitude: projects.longitude,
  latitude: projects.latitude,
  scaleContent: projects.scaleContent,
  startMonth: projects.startMonth,
  endMonth: projects.endMonth,
  fundingSources: projects.fundingSources,
  serviceOfficerName: officer.displayName,
  workingTeam: projects.workingTeam,
  contactPerson: projects.contactPerson,
  contactPhone: projects.contactPhone,
  stageChangedOn: projects.stageChangedOn,
  recordedStage: projects.stage,
  actualStartOn: projects.actualStartOn,
  actualCompletionOn: projects.actualCompletionOn,
  actualOperationOn: projects.actualOperationOn,
  version: projects.version,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
});

/** projects ⋈ region, owner, department, leader, service officer: the joins every read needs. */
const listSource = (db: Queryable, now: Date) =>
  db
    .select(listColumnsAt(now))
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .leftJoin(department, eq(department.id, projects.responsibleDepartmentId))
    .leftJoin(leader, eq(leader.id, projects.leaderUserId));

const detailSource = (db: Queryable, now: Date) =>
  db
    .select(detailColumnsAt(now))
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .leftJoin(department, eq(department.id, projects.responsibleDepartmentId))
    .leftJoin(leader, eq(leader.id, projects.leaderUserId))
    .leftJoin(officer, eq(officer.id, projects.serviceOfficerUserId));

type BatchRef = { id: string; name: string; schemeName: string; year: number };
export type ProjectListRow = Awaited<ReturnType<typeof listSource>>[number] & { batchNames: string[] };
export type ProjectDetailRow = Awaited<ReturnType<typeof detailSource>>[number] & {
  batches: BatchRef[];
  whitelist: Project['whitelist'];
  batchNames: string[];
};

/** Batches of the given projects: project id → batch (with scheme). */
async function batchesOf(db: Queryable, projectIds: string[]) {
  const map = new Map<string, BatchRef[]>();
  if (projectIds.length === 0) return map;
  const rows = await db
    .select({
      projectId: projectBatches.projectId,
      id: batches.id,
      name: batches.name,
      schemeName: batchSchemes.name,
      year: batchSchemes.year,
    })
    .from(projectBatches)
    .innerJoin(batches, eq(batches.id, projectBatches.batchId))
    .innerJoin(batchSchemes, eq(batchSchemes.id, batches.schemeId))
    .where(inArray(projectBatches.projectId, projectIds))
    .orderBy(desc(batchSchemes.year), asc(batches.sortOrder));
  for (const { projectId, ...batch } of rows) map.set(projectId, [...(map.get(projectId) ?? []), batch]);
  return map;
}

/** The project's batches (with scheme), newest scheme year first, as one JSON column. */
const batchesJsonSql = sql<BatchRef[]>`(select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name,
    'schemeName', s.name, 'year', s.year) order by s.year desc, b.sort_order), '[]'::json)
  from ${projectBatches} pb join ${batches} b on b.id = pb.batch_id join ${batchSchemes} s on s.id = b.scheme_id
  where pb.project_id = ${projects.id})`;

/** The whitelists the project is on now (not removed), earliest first, as one JSON column. */
const whitelistJsonSql = sql<
  Project['whitelist']
>`(select coalesce(json_agg(json_build_object('level', w.level,
    'regionName', r.name, 'includedOn', w.included_on::text) order by w.included_on), '[]'::json)
  from ${whitelistEntries} w join ${regions} r on r.code = w.region_code
  where w.project_id = ${projects.id} and w.removed_on is null)`;

/**
 * A project the actor may see (with everything its page shows), else NOT_FOUND; its `stage` is the
 * one implied by its actual dates as of `now` (`recordedStage` is the library's stored value). ONE
 * statement: batches and whitelists come as JSON columns, and `extra` columns a caller adds (the
 * page's first screen adds its reports, problems and warning, each module's own SQL) ride along.
 */
export async function getProjectWith<Extra extends Record<string, SQL>>(
  db: Queryable,
  actor: Actor,
  id: string,
  now: Date,
  extra: Extra,
): Promise<ProjectDetailRow & { [K in keyof Extra]: Extra[K] extends SQL<infer T> ? T : never }> {
  authorize(actor, 'project.read');
  const [found] = await db
    .select({
      ...detailColumnsAt(now),
      batches: batchesJsonSql,
      whitelist: whitelistJsonSql,
      ...(extra as Record<string, SQL>),
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .leftJoin(department, eq(department.id, projects.responsibleDepartmentId))
    .leftJoin(leader, eq(leader.id, projects.leaderUserId))
    .leftJoin(officer, eq(officer.id, projects.serviceOfficerUserId))
    .where(and(eq(projects.id, id), projectScope(actor)));
  if (!found) throw new AppError('NOT_FOUND');
  const row = found as typeof found & { batches: BatchRef[] };
  return { ...row, batchNames: row.batches.map((b) => b.name) } as unknown as ProjectDetailRow & {
    [K in keyof Extra]: Extra[K] extends SQL<infer T> ? T : never;
  };
}

/** {@link getProjectWith} with nothing extra: the project page's record. */
export async function getProject(
  db: Queryable,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<ProjectDetailRow> {
  return getProjectWith(db, actor, id, now, {});
}

const sortColumns = {
  name: projects.name,
  code: projects.code,
  regionCode: projects.regionPath,
  totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
  startYear: projects.startYear,
  updatedAt: projects.updatedAt,
};

/** The WHERE clause of a project list: the actor's scope and every filter of the query. */
export async function projectFilter(
  db: Queryable,
  actor: Actor,
  query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  now: Date = new Date(),
) {
  const filters: (SQL | undefined)[] = [projectScope(actor)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    const initials = query.q.toLowerCase().replace(/[^a-z0-9]/g, '');
    filters.push(
      or(
        ilike(projects.name, pattern),
        ilike(projects.code, pattern),
        ilike(owner.name, pattern),
        initials.length >= 2 ? sql`${projects.nameInitials} like ${`%${initials}%`}` : undefined,
      ),
    );
  }
  if (query.region) {
    const region = await loadRegion(db, query.region);
    filters.push(region ? inRegionSubtree(projects.regionPath, region.path) : sql`false`);
  }
  if (query.level) filters.push(sql`${query.level} = any(${projects.levels})`);
  if (query.stage) filters.push(sql`${impliedStageSql(stageToday(now))} = ${query.stage}`);
  if (query.domain) filters.push(eq(projects.domain, query.domain));
  if (query.industry) filters.push(eq(projects.industry, query.industry));
  if (query.tag) filters.push(sql`${query.tag} = any(${projects.tags})`);
  if (query.projectClass) filters.push(eq(projects.projectClass, query.projectClass));
  if (query.batch) {
    filters.push(
      sql`exists (select 1 from ${projectBatches} where ${projectBatches.projectId} = ${projects.id} and ${projectBatches.batchId} = ${query.batch})`,
    );
  }
  if (query.whitelisted !== undefined) {
    const listed = sql`exists (select 1 from ${whitelistEntries} where ${whitelistEntries.projectId} = ${projects.id} and ${whitelistEntries.removedOn} is null)`;
    filters.push(query.whitelisted ? listed : not(listed));
  }
  if (query.leader) filters.push(eq(projects.leaderUserId, query.leader));
  if (query.department) filters.push(eq(projects.responsibleDepartmentId, query.department));
  if (query.constructionType) filters.push(eq(projects.constructionType, query.constructionType));
  if (query.minInvestment) filters.push(gte(projects.totalInvestmentWanYuan, query.minInvestment));
  if (query.maxInvestment) filters.push(lte(projects.totalInvestmentWanYuan, query.maxInvestment));
  if (query.size) filters.push(inSizeBand(projects.totalInvestmentWanYuan, query.size));
  return and(...filters);
}

/**
 * The ids of the projects a list with these filters shows (scope included), as a subquery for
 * other reads that must answer exactly the list's set (the map's points and region figures).
 * Wrapped in an object: a query builder is a thenable, so an async function returning it bare would
 * run it.
 */
export async function filteredProjectIds(
  db: Queryable,
  actor: Actor,
  query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  now: Date = new Date(),
) {
  const where = await projectFilter(db, actor, query, now);
  return {
    ids: db
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
      .where(where),
  };
}

/**
 * A page of projects in scope, plus totals (count and total investment) over the whole filtered
 * set — the same WHERE clause, so the totals row equals the sum over every row the caller may see.
 */
export async function findProjects(db: Queryable, actor: Actor, query: ProjectQuery, now: Date = new Date()) {
  authorize(actor, 'project.read');
  const where = await projectFilter(db, actor, query, now);
  const [totals] = await db
    .select({ count: count(), total: sum(projects.totalInvestmentWanYuan) })
    .from(projects)
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .where(where);
  const sortColumn =
    query.sort === 'stage'
      ? impliedStageSql(stageToday(now))
      : sortColumns[query.sort as keyof typeof sortColumns];
  // By rate, a project without a plan this year comes last either way.
  const order =
    query.sort === 'ytdRate'
      ? sql`${thisYears('ytd_rate', now)} ${sql.raw(query.order === 'asc' ? 'asc' : 'desc')} nulls last`
      : query.order === 'asc'
        ? asc(sortColumn)
        : desc(sortColumn);
  const rows =
    query.sort === 'ytdRate' && query.order !== 'asc'
      ? await pageByRate(db, where, query, now)
      : await listSource(db, now)
          .where(where)
          .orderBy(order, asc(projects.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
  const batchMap = await batchesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((row) => ({ ...row, batchNames: (batchMap.get(row.id) ?? []).map((b) => b.name) })),
    count: totals?.count ?? 0,
    totalInvestmentWanYuan: totals?.total ?? '0',
  };
}

/** The kept rollup's row of the list's year with a rate (the only ones the rate index holds). */
const ratedThisYear = (now: Date) =>
  and(
    eq(projectYearFigures.projectId, projects.id),
    eq(projectYearFigures.year, Number(chinaDate(now).slice(0, 4))),
    isNotNull(projectYearFigures.ytdRate),
  );

/**
 * The page of projects with a rate, walking the kept rollup in (year, rate high to low, id) order —
 * the partial index `project_year_figures_rate_order_idx` — so the scan stops after the page
 * instead of sorting every project of the region (issue 18 item 3).
 */
export const ratedPageSource = (
  db: Queryable,
  where: SQL | undefined,
  query: Pick<ProjectQuery, 'page' | 'pageSize'>,
  now: Date,
) =>
  listSource(db, now)
    .innerJoin(projectYearFigures, ratedThisYear(now))
    .where(where)
    .orderBy(sql`${projectYearFigures.ytdRate} desc nulls last`, asc(projectYearFigures.projectId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

/**
 * A page by 本年累计完成率 high to low, as `order by rate desc nulls last, id`: the projects with a
 * rate first (`ratedPageSource`), then — only when the page reaches past them — the ones without
 * (no plan above 0, or no figures this year) by id.
 */
async function pageByRate(db: Queryable, where: SQL | undefined, query: ProjectQuery, now: Date) {
  const rated = await ratedPageSource(db, where, query, now);
  if (rated.length === query.pageSize) return rated;
  const offset = (query.page - 1) * query.pageSize;
  let ratedCount = offset + rated.length;
  if (rated.length === 0) {
    const [counted] = await db
      .select({ n: count() })
      .from(projects)
      .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
      .innerJoin(projectYearFigures, ratedThisYear(now))
      .where(where);
    ratedCount = Number(counted?.n ?? 0);
  }
  const unrated = await listSource(db, now)
    .where(and(where, sql`not exists (select 1 from ${projectYearFigures} where ${ratedThisYear(now)})`))
    .orderBy(asc(projects.id))
    .limit(query.pageSize - rated.length)
    .offset(Math.max(0, offset - ratedCount));
  return [...rated, ...unrated];
}

/** Every project in scope matching the filter, for exports (ordered by region then name). */
export async function listProjectsForExport(
  db: Queryable,
  actor: Actor,
  query: Omit<ProjectQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  now: Date = new Date(),
) {
  authorize(actor, 'project.read');
  const where = await projectFilter(db, actor, query, now);
  const rows = await detailSource(db, now).where(where).orderBy(asc(projects.regionPath), asc(projects.name));
  const batchMap = await batchesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, batchNames: (batchMap.get(row.id) ?? []).map((b) => b.name) }));
}
