import type {
  IncludeInWhitelist,
  RemoveFromWhitelist,
  WhitelistList,
  WhitelistQuery,
} from '@tuijin/contracts';
import {
  AppError,
  authorize,
  can,
  chinaDate,
  invalid,
  type WhitelistLevel,
  whitelistInclusionProblems,
  whitelistRemovalProblems,
} from '@tuijin/domain';
import { and, asc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { projects, regions, whitelistEntries } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { projectScope } from '../../lib/project-scope';
import { recordAudit, updateVersioned } from '../audit';
import {
  loadResumptionProject,
  mayManageWhitelist,
  pathCodes,
  presentWhitelistEntry,
  regionNameMap,
  whitelistColumns,
} from './resumption.queries';

const conflict = '白名单记录已被他人修改，请刷新后重试';

/** The region levels a whitelist level belongs to (a 开发区 keeps a county-level list). */
const regionLevelsOf: Record<WhitelistLevel, readonly string[]> = {
  provincial: ['province'],
  city: ['city'],
  county: ['county', 'zone'],
};

/**
 * Whose list an entry is on: the project's ancestor (or own) region of the list's level (its 省 for
 * 省级, its 市 for 市级, its 县 for 县级); VALIDATION_FAILED when the project has none.
 */
async function listRegionFor(db: Queryable, regionPath: string, level: WhitelistLevel) {
  const codes = pathCodes(regionPath);
  const rows = await db.select({ code: regions.code, level: regions.level }).from(regions);
  const found = codes.find((code) =>
    regionLevelsOf[level].includes(rows.find((r) => r.code === code)?.level ?? ''),
  );
  if (!found) throw invalid([{ path: 'level', message: '项目所在区划没有这一级' }], '项目所在区划没有这一级');
  return found;
}

/**
 * 白名单: the entries of projects the actor may see, by level and removal, with the counts the
 * cockpit shows (live entries per level, removed entries, distinct live projects).
 */
export async function listWhitelist(ctx: Ctx, query: WhitelistQuery): Promise<WhitelistList> {
  authorize(ctx.actor, 'whitelist.read');
  const filters: (SQL | undefined)[] = [projectScope(ctx.actor)];
  if (query.q) filters.push(ilike(projects.name, `%${escapeLike(query.q)}%`));
  const rows = await ctx.db
    .select(whitelistColumns)
    .from(whitelistEntries)
    .innerJoin(projects, eq(projects.id, whitelistEntries.projectId))
    .where(and(...filters))
    .orderBy(asc(whitelistEntries.level), asc(whitelistEntries.includedOn), asc(projects.name));
  const counts = { provincial: 0, city: 0, county: 0, removed: 0, projects: 0 };
  const live = new Set<string>();
  for (const { entry } of rows) {
    if (entry.removedOn) counts.removed += 1;
    else {
      counts[entry.level] += 1;
      live.add(entry.projectId);
    }
  }
  counts.projects = live.size;
  const names = await regionNameMap(ctx.db);
  const shown = rows.filter(
    ({ entry }) =>
      (!query.level || entry.level === query.level) &&
      (query.removed === undefined || (entry.removedOn !== null) === query.removed),
  );
  return {
    data: shown.map((row) => presentWhitelistEntry(ctx.actor, row, names)),
    counts,
    canManage: can(ctx.actor, 'whitelist.manage'),
  };
}

/**
 * 纳入白名单: an office over the project puts it on the list of a level (its own, or a higher list
 * as notified to it: the entry belongs to the project's region of that level). Refused without a
 * criterion, with a future date, or when the project is on that level's list already.
 * One transaction: the row and `whitelist.include`.
 */
export async function includeInWhitelist(ctx: Ctx, input: IncludeInWhitelist) {
  authorize(ctx.actor, 'whitelist.manage');
  const project = await loadResumptionProject(ctx.db, ctx.actor, input.projectId);
  if (!mayManageWhitelist(ctx.actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以调整白名单');
  const regionCode = await listRegionFor(ctx.db, project.regionPath, input.level);
  const today = chinaDate(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
    const [listed] = await tx
      .select({ id: whitelistEntries.id })
      .from(whitelistEntries)
      .where(
        and(
          eq(whitelistEntries.projectId, project.id),
          eq(whitelistEntries.level, input.level),
          isNull(whitelistEntries.removedOn),
        ),
      );
    const problems = whitelistInclusionProblems(input, today, !!listed);
    if (problems.length > 0) throw invalid(problems, problems[0]!.message);
    const [entry] = await tx
      .insert(whitelistEntries)
      .values({
        projectId: project.id,
        level: input.level,
        regionCode,
        includedOn: input.includedOn,
        criteria: [...new Set(input.criteria)],
        reason: input.reason,
        guarantees: [...new Set(input.guarantees)],
        createdByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'whitelist.include',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        entryId: entry!.id,
        level: input.level,
        regionCode,
        includedOn: input.includedOn,
        criteria: entry!.criteria,
      },
    });
    return presentWhitelistEntry(
      ctx.actor,
      {
        entry: entry!,
        projectName: project.name,
        projectRegionPath: project.regionPath,
        projectRegionCode: project.regionCode,
      },
      await regionNameMap(tx),
    );
  });
}

/** 移出白名单: an office over the project removes the entry on a date, with a reason, once. */
export async function removeFromWhitelist(ctx: Ctx, entryId: string, input: RemoveFromWhitelist) {
  authorize(ctx.actor, 'whitelist.manage');
  const [row] = await ctx.db
    .select(whitelistColumns)
    .from(whitelistEntries)
    .innerJoin(projects, eq(projects.id, whitelistEntries.projectId))
    .where(and(eq(whitelistEntries.id, entryId), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '白名单记录不存在或无权查看');
  if (!mayManageWhitelist(ctx.actor, { regionPath: row.projectRegionPath }))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以调整白名单');
  const problems = whitelistRemovalProblems(row.entry, input, chinaDate(ctx.clock.now()));
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  if (row.entry.version !== input.version) throw new AppError('CONFLICT', conflict);
  const entry = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: whitelistEntries,
      where: and(eq(whitelistEntries.id, entryId), isNull(whitelistEntries.removedOn)),
      version: input.version,
      set: { removedOn: input.removedOn, removalReason: input.reason, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'whitelist.remove',
        entityType: 'project',
        entityId: row.entry.projectId,
        regionPath: row.projectRegionPath,
        changes: { removedOn: { before: null, after: input.removedOn } },
        detail: { entryId, level: row.entry.level, reason: input.reason },
      }),
      conflict,
    }),
  );
  return presentWhitelistEntry(ctx.actor, { ...row, entry }, await regionNameMap(ctx.db));
}
