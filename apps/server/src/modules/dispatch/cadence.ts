import {
  AppError,
  authorize,
  type CadenceParty,
  type CadenceRequirement,
  cadenceCompliance,
  cadencePreset321,
  type DispatchActivity,
  isOpenProblem,
  type ProblemStatus,
} from '@tuijin/domain';
import { and, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import {
  cadenceRules,
  fieldVisitProblems,
  fieldVisitProjects,
  fieldVisits,
  meetings,
  organisations,
  problems,
  projects,
  users,
} from '../../db/schema';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit } from '../audit';
import { mayManageMeetingsIn, seesMeetingsOf, visitScope } from './dispatch-scope';

async function readableRegion(ctx: Ctx, regionCode: string | undefined) {
  authorize(ctx.actor, 'meeting.read');
  const region = await regionByCode(ctx.db, regionCode ?? ctx.actor.regionCode);
  if (!seesMeetingsOf(ctx.actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  return region;
}

/** 调度频次要求 of a region: its own, else Hui'an's 321 (not saved). */
export async function getCadenceRules(ctx: Ctx, regionCode: string) {
  const region = await readableRegion(ctx, regionCode);
  const [row] = await ctx.db.select().from(cadenceRules).where(eq(cadenceRules.regionCode, region.code));
  return {
    regionCode: region.code,
    requirements: row?.requirements ?? [...cadencePreset321],
    headUserId: row?.headUserId ?? null,
    saved: Boolean(row),
    canManage: mayManageMeetingsIn(ctx.actor, region.path),
    version: row?.version ?? 0,
  };
}

/** Saves a region's requirements and its head (the office of the region); one requirement per role. */
export async function saveCadenceRules(
  ctx: Ctx,
  regionCode: string,
  input: { requirements: CadenceRequirement[]; headUserId: string | null; version: number | null },
) {
  authorize(ctx.actor, 'dispatch.manage');
  const region = await regionByCode(ctx.db, regionCode);
  if (!mayManageMeetingsIn(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', '只能设置本辖区的调度频次');
  const roles = input.requirements.map((r) => r.role);
  if (new Set(roles).size !== roles.length)
    throw new AppError('VALIDATION_FAILED', '每类责任主体只能设一项要求', [
      { path: 'requirements', message: '重复' },
    ]);
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(cadenceRules)
      .where(eq(cadenceRules.regionCode, region.code))
      .for('update');
    if ((existing?.version ?? null) !== input.version)
      throw new AppError('CONFLICT', '调度频次要求已被他人修改，请刷新后重试');
    const values = {
      requirements: input.requirements,
      headUserId: input.headUserId,
      version: (existing?.version ?? -1) + 1,
      updatedAt: ctx.clock.now(),
    };
    if (existing) await tx.update(cadenceRules).set(values).where(eq(cadenceRules.regionCode, region.code));
    else
      await tx
        .insert(cadenceRules)
        .values({ ...values, regionCode: region.code, regionPath: region.path, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'cadenceRules.save',
      entityType: 'cadence_rules',
      entityId: region.code,
      regionPath: region.path,
      changes: { requirements: { before: existing?.requirements ?? null, after: input.requirements } },
    });
  });
  return getCadenceRules(ctx, region.code);
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * 调度频次达标表 of a region and month: the departments responsible for its projects, the leaders linked to them and its
 * head, each with the dispatches held — meetings chaired (a 听取汇报 meeting counts as a hearing) and
 * field visits — against the region's requirement, each entry with its evidence.
 */
export async function getCadenceCompliance(ctx: Ctx, query: { regionCode?: string; month: string }) {
  const region = await readableRegion(ctx, query.regionCode);
  const rules = await getCadenceRules(ctx, region.code);
  const from = `${query.month}-01`;
  const to = lastDayOf(query.month);
  const departments = await ctx.db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.responsibleDepartmentId))
    .where(and(inRegionSubtree(projects.regionPath, region.path), eq(organisations.isActive, true)))
    .orderBy(organisations.name);
  const leaders = await ctx.db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.leaderUserId))
    .where(and(inRegionSubtree(projects.regionPath, region.path), isNotNull(projects.leaderUserId)))
    .orderBy(users.displayName);
  const [head] = rules.headUserId
    ? await ctx.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(eq(users.id, rules.headUserId))
    : [];
  const parties: CadenceParty[] = [
    ...departments.map((d) => ({ key: `org:${d.id}`, role: 'department' as const, name: d.name })),
    ...leaders
      .filter((l) => l.id !== head?.id)
      .map((l) => ({ key: `user:${l.id}`, role: 'linkedLeader' as const, name: l.name })),
    ...(head ? [{ key: `user:${head.id}`, role: 'head' as const, name: head.name }] : []),
  ];
  const held = await ctx.db
    .select()
    .from(meetings)
    .where(
      and(
        inRegionSubtree(meetings.regionPath, region.path),
        ne(meetings.status, 'planned'),
        gte(meetings.heldOn, from),
        lte(meetings.heldOn, to),
        or(isNotNull(meetings.chairUserId), isNotNull(meetings.chairOrganisationId)),
      ),
    );
  const visits = await ctx.db
    .select()
    .from(fieldVisits)
    .where(
      and(
        inRegionSubtree(fieldVisits.regionPath, region.path),
        gte(fieldVisits.visitedOn, from),
        lte(fieldVisits.visitedOn, to),
      ),
    );
  const activities: DispatchActivity[] = [];
  for (const m of held)
    for (const key of [
      m.chairUserId && `user:${m.chairUserId}`,
      m.chairOrganisationId && `org:${m.chairOrganisationId}`,
    ])
      if (key)
        activities.push({
          partyKey: key,
          kind: m.kind === 'hearing' ? 'reportHearing' : 'meetingChaired',
          heldOn: m.heldOn,
          evidence: { kind: 'meeting', id: m.id, title: `${m.heldOn} ${m.title}` },
        });
  for (const v of visits)
    for (const key of [
      v.visitorUserId && `user:${v.visitorUserId}`,
      v.visitorOrganisationId && `org:${v.visitorOrganisationId}`,
    ])
      if (key)
        activities.push({
          partyKey: key,
          kind: 'siteVisit',
          heldOn: v.visitedOn,
          evidence: { kind: 'visit', id: v.id, title: `${v.visitedOn} ${v.visitorName}走访` },
        });
  return {
    regionCode: region.code,
    month: query.month,
    rows: cadenceCompliance(query.month, rules.requirements, parties, activities),
  };
}

const quarterSpan = (quarter: string) => {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  return { from, to: lastDayOf(`${year}-${String(q * 3).padStart(2, '0')}`) };
};

const percent = (part: number, whole: number) =>
  whole === 0 ? '0.0' : ((part * 1000) / whole / 10).toFixed(1);

/**
 * 走访覆盖率 of a quarter: the region's key projects still being built or prepared (not 竣工 / 投产),
 * how many a visit reached, and by each visitor (leader, department, service group) — with the problems
 * found on those visits and those solved on the spot.
 */
export async function getVisitCoverage(ctx: Ctx, query: { regionCode?: string; quarter: string }) {
  const region = await readableRegion(ctx, query.regionCode);
  const { from, to } = quarterSpan(query.quarter);
  const keyProjects = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        inRegionSubtree(projects.regionPath, region.path),
        sql`${projects.stage} not in ('completed', 'operating')`,
      ),
    );
  const key = new Set(keyProjects.map((p) => p.id));
  const visits = await ctx.db
    .select()
    .from(fieldVisits)
    .where(
      and(
        visitScope(ctx.actor),
        inRegionSubtree(fieldVisits.regionPath, region.path),
        gte(fieldVisits.visitedOn, from),
        lte(fieldVisits.visitedOn, to),
      ),
    );
  const ids = visits.map((v) => v.id);
  const [visitedRows, foundRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.db.select().from(fieldVisitProjects).where(inArray(fieldVisitProjects.visitId, ids)),
          ctx.db
            .select({ visitId: fieldVisitProblems.visitId, status: problems.status })
            .from(fieldVisitProblems)
            .innerJoin(problems, eq(problems.id, fieldVisitProblems.problemId))
            .where(inArray(fieldVisitProblems.visitId, ids)),
        ]);
  const byVisitor = new Map<
    string,
    { kind: (typeof visits)[number]['visitorKind']; name: string; visits: string[] }
  >();
  for (const v of visits) {
    const k = v.visitorUserId ?? v.visitorOrganisationId ?? `name:${v.visitorName}`;
    const entry = byVisitor.get(k) ?? { kind: v.visitorKind, name: v.visitorName, visits: [] };
    entry.visits.push(v.id);
    byVisitor.set(k, entry);
  }
  const projectsOf = (visitIds: string[]) =>
    new Set(
      visitedRows.filter((r) => visitIds.includes(r.visitId) && key.has(r.projectId)).map((r) => r.projectId),
    );
  const all = projectsOf(ids);
  return {
    regionCode: region.code,
    quarter: query.quarter,
    keyProjects: key.size,
    visited: all.size,
    share: percent(all.size, key.size),
    byVisitor: [...byVisitor.values()]
      .map((entry) => {
        const reached = projectsOf(entry.visits);
        const found = foundRows.filter((r) => entry.visits.includes(r.visitId));
        return {
          visitorKind: entry.kind,
          visitorName: entry.name,
          visits: entry.visits.length,
          projectsVisited: reached.size,
          share: percent(reached.size, key.size),
          problemsFound: found.length,
          solvedOnSpot: visits
            .filter((v) => entry.visits.includes(v.id))
            .reduce((sum, v) => sum + v.solvedOnSpot, 0),
          open: found.filter((r) => isOpenProblem(r.status as ProblemStatus)).length,
        };
      })
      .sort(
        (a, b) =>
          b.projectsVisited - a.projectsVisited || a.visitorName.localeCompare(b.visitorName, 'zh-CN'),
      )
      .map(({ open: _open, ...row }) => row),
  };
}
