import type { ResumptionOverview, ResumptionQuery, SaveResumptionSettings } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  can,
  chinaDate,
  isSystemActor,
  projectLevels,
  type ResumptionProject,
  resumptionCountOn,
  resumptionStandingOn,
  zoneProgress,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projectStoppages, projects, regions, resumptionSettings, whitelistEntries } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { recordAudit } from '../audit';
import { regionNameMap, type StoppageRow } from './resumption.queries';
import { childRegionsOf, visibleZones } from './zones';

/** A project with stoppages, as the 复工率 reads it, and where it sits. */
export interface CountedProject extends ResumptionProject {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  levels: string[];
  rows: StoppageRow[];
}

const inSubtree = (path: string, root: string) => root === '' || path === root || path.startsWith(`${root}.`);

/** The actor's projects that have any stoppage, with their stoppages (scoped in SQL). */
export async function projectsWithStoppages(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<CountedProject[]> {
  const rows = await ctx.db
    .select({
      stoppage: projectStoppages,
      id: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      regionPath: projects.regionPath,
      levels: projects.levels,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
    })
    .from(projectStoppages)
    .innerJoin(projects, eq(projects.id, projectStoppages.projectId))
    .where(projectScope(ctx.actor))
    .orderBy(asc(projects.regionPath), asc(projects.name), asc(projectStoppages.stoppedOn));
  const byId = new Map<string, CountedProject>();
  for (const { stoppage, ...p } of rows) {
    const project = byId.get(p.id) ?? { ...p, stoppages: [], rows: [] };
    project.stoppages.push(stoppage);
    project.rows.push(stoppage);
    byId.set(p.id, project);
  }
  return [...byId.values()];
}

/** The stoppage a project is judged by on `date`: the last begun in [from, date]. */
export const lastStoppageBy = (p: CountedProject, date: string, from: string) =>
  p.rows.filter((s) => s.stoppedOn >= from && s.stoppedOn <= date).at(-1) ?? null;

/** The jurisdiction's resumption rule (a default when never set). */
async function settingsOf(ctx: Ctx) {
  const [row] = await ctx.db
    .select()
    .from(resumptionSettings)
    .where(eq(resumptionSettings.regionCode, ctx.actor.regionCode));
  return {
    acceptanceRequired: row?.acceptanceRequired ?? false,
    inspectionGroup: row?.inspectionGroup ?? null,
    version: row?.version ?? 0,
    canManage:
      !isSystemActor(ctx.actor) &&
      can(ctx.actor, 'resumption.manage') &&
      isOfficeOver(ctx.actor, ctx.actor.regionPath),
  };
}

/**
 * 复工复产 of the actor's jurisdiction on a date (domain `resumptionCountOn`): in total, per zone
 * (on its target date and on the date, met / not met / open), per child region and per project
 * level, and the projects not resumed on the date. Every count over the projects the actor may see.
 */
export async function resumptionOverview(ctx: Ctx, query: ResumptionQuery): Promise<ResumptionOverview> {
  authorize(ctx.actor, 'resumption.read');
  const today = chinaDate(ctx.clock.now());
  const date = query.date ?? today;
  const from = query.from ?? `${date.slice(0, 4)}-01-01`;
  if (from > date)
    throw new AppError('VALIDATION_FAILED', '起始日期不能晚于统计日期', [
      { path: 'from', message: '不能晚于统计日期' },
    ]);
  const counted = await projectsWithStoppages(ctx);
  const count = (set: CountedProject[], on = date, since = from) => resumptionCountOn(set, on, since);
  const zones = await visibleZones(ctx.db, ctx.actor);
  const memberPaths = new Map(
    (
      await ctx.db
        .select({ code: regions.code, path: regions.path })
        .from(regions)
        .where(inArray(regions.code, zones.flatMap((z) => z.regions.map((r) => r.code)).concat(['-'])))
    ).map((r) => [r.code, r.path]),
  );
  const zoneProgressList = zones.map((zone) => {
    const paths = zone.regions.map((r) => memberPaths.get(r.code) ?? '-');
    const members = counted.filter((p) => paths.some((path) => inSubtree(p.regionPath, path)));
    const onTarget = count(members, zone.targetOn, `${zone.targetOn.slice(0, 4)}-01-01`);
    return {
      id: zone.id,
      name: zone.name,
      goal: zone.goal,
      targetOn: zone.targetOn,
      regions: zone.regions,
      onTarget,
      onDate: count(members),
      progress: zoneProgress(onTarget, zone.targetOn, today),
    };
  });
  const children = await childRegionsOf(ctx.db, ctx.actor.regionCode);
  const names = await regionNameMap(ctx.db);
  const byRegion = (
    children.length > 0
      ? children
      : [
          {
            code: ctx.actor.regionCode,
            name: names.get(ctx.actor.regionCode) ?? '',
            path: ctx.actor.regionPath,
          },
        ]
  ).map((r) => ({
    code: r.code,
    name: r.name,
    count: count(counted.filter((p) => inSubtree(p.regionPath, r.path))),
  }));
  const byLevel = projectLevels.map((level) => ({
    level,
    count: count(counted.filter((p) => p.levels.includes(level))),
  }));
  const stoppedProjects = counted.filter((p) => resumptionStandingOn(p, date, from) === 'stopped');
  const listed = new Set(
    stoppedProjects.length
      ? (
          await ctx.db
            .select({ projectId: whitelistEntries.projectId })
            .from(whitelistEntries)
            .where(
              and(
                inArray(
                  whitelistEntries.projectId,
                  stoppedProjects.map((p) => p.id),
                ),
                isNull(whitelistEntries.removedOn),
              ),
            )
        ).map((r) => r.projectId)
      : [],
  );
  const stopped = stoppedProjects
    .map((p) => {
      const s = lastStoppageBy(p, date, from)!;
      return {
        projectId: p.id,
        projectName: p.name,
        regionName: names.get(p.regionCode) ?? p.regionCode,
        stoppageId: s.id,
        stoppedOn: s.stoppedOn,
        reasonCategory: s.reasonCategory,
        reason: s.reason,
        expectedResumeOn: s.expectedResumeOn,
        status: s.status,
        resumedOn: s.resumedOn,
        whitelisted: listed.has(p.id),
      };
    })
    .sort((a, b) =>
      a.stoppedOn === b.stoppedOn
        ? a.projectName.localeCompare(b.projectName)
        : a.stoppedOn < b.stoppedOn
          ? -1
          : 1,
    );
  return {
    date,
    from,
    regionCode: ctx.actor.regionCode,
    total: count(counted),
    zones: zoneProgressList,
    byRegion,
    byLevel,
    stopped,
    settings: await settingsOf(ctx),
    canManageZones: can(ctx.actor, 'zone.manage'),
  };
}

/** 复工验收要求: an office sets whether its jurisdiction's projects resume only after acceptance. */
export async function saveResumptionSettings(ctx: Ctx, input: SaveResumptionSettings) {
  authorize(ctx.actor, 'resumption.manage');
  const current = await settingsOf(ctx);
  if (!current.canManage) throw new AppError('FORBIDDEN', '只有重点办可以设置复工验收要求');
  if (current.version !== input.version) throw new AppError('CONFLICT', '设置已被他人修改，请刷新后重试');
  await ctx.db.transaction(async (tx) => {
    const values = {
      acceptanceRequired: input.acceptanceRequired,
      inspectionGroup: input.inspectionGroup,
      version: input.version + 1,
      updatedAt: ctx.clock.now(),
    };
    const written = await tx
      .insert(resumptionSettings)
      .values({ regionCode: ctx.actor.regionCode, ...values })
      .onConflictDoUpdate({
        target: resumptionSettings.regionCode,
        set: values,
        setWhere: eq(resumptionSettings.version, input.version),
      })
      .returning({ version: resumptionSettings.version });
    if (written.length === 0) throw new AppError('CONFLICT', '设置已被他人修改，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'resumptionSettings.save',
      entityType: 'region',
      entityId: ctx.actor.regionCode,
      regionPath: ctx.actor.regionPath,
      changes: {
        acceptanceRequired: { before: current.acceptanceRequired, after: input.acceptanceRequired },
        inspectionGroup: { before: current.inspectionGroup, after: input.inspectionGroup },
      },
    });
  });
  return { ok: true as const };
}
