import {
  authorize,
  onWhitelistOn,
  type ResumptionCount,
  resumptionCountOn,
  type StoppageReason,
  type WhitelistLevel,
  whitelistLevels,
} from '@tuijin/domain';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projectStoppages, projects, whitelistEntries } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { projectsWithStoppages } from './resumption-overview';

const inSubtree = (path: string, root: string) => root === '' || path === root || path.startsWith(`${root}.`);

/**
 * 四保白名单 counts of a region's subtree on a day, for the cockpit: per level, the projects on that
 * level's list on `asOf` (domain `onWhitelistOn`: included by then, not yet removed), each once.
 * Only projects the actor may see count, as on the whitelist page.
 */
export async function whitelistCountsIn(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  input: { regionPath: string; asOf: string },
): Promise<Record<WhitelistLevel, number>> {
  authorize(ctx.actor, 'whitelist.read');
  const rows = await ctx.db
    .select({
      projectId: whitelistEntries.projectId,
      level: whitelistEntries.level,
      includedOn: whitelistEntries.includedOn,
      removedOn: whitelistEntries.removedOn,
    })
    .from(whitelistEntries)
    .innerJoin(projects, eq(projects.id, whitelistEntries.projectId))
    .where(
      and(
        lte(whitelistEntries.includedOn, input.asOf),
        inRegionSubtree(projects.regionPath, input.regionPath),
        projectScope(ctx.actor),
      ),
    );
  const listed = rows.filter((row) => onWhitelistOn(row, input.asOf));
  const counts = {} as Record<WhitelistLevel, number>;
  for (const level of whitelistLevels)
    counts[level] = new Set(listed.filter((r) => r.level === level).map((r) => r.projectId)).size;
  return counts;
}

/**
 * 复工率 of a region's subtree on `asOf` over the stoppages begun from `from` (domain
 * `resumptionCountOn`, the 复工复产 overview's rule and scope), for the cockpit.
 */
export async function resumptionCountIn(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  input: { regionPath: string; from: string; asOf: string },
): Promise<ResumptionCount> {
  authorize(ctx.actor, 'resumption.read');
  const counted = await projectsWithStoppages(ctx);
  return resumptionCountOn(
    counted.filter((p) => inSubtree(p.regionPath, input.regionPath)),
    input.asOf,
    input.from,
  );
}

/** A project stopped on a day (a stoppage begun by then and not resumed before it ends). */
export interface StoppedProject {
  projectId: string;
  name: string;
  regionCode: string;
  regionPath: string;
  stoppedOn: string;
  reasonCategory: StoppageReason;
  reason: string | null;
  expectedResumeOn: string | null;
}

/**
 * 停工项目 of a region's subtree on a day, for the daily bulletin: each project whose stoppage began on
 * or before `onDate` and had not resumed by it (resumed on a later day, or not yet), seen through the
 * actor's project scope; ordered by region and name.
 */
export async function stoppedProjectsOn(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  input: { regionPath: string; onDate: string },
): Promise<StoppedProject[]> {
  return ctx.db
    .select({
      projectId: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      regionPath: projects.regionPath,
      stoppedOn: projectStoppages.stoppedOn,
      reasonCategory: projectStoppages.reasonCategory,
      reason: projectStoppages.reason,
      expectedResumeOn: projectStoppages.expectedResumeOn,
    })
    .from(projectStoppages)
    .innerJoin(projects, eq(projects.id, projectStoppages.projectId))
    .where(
      and(
        lte(projectStoppages.stoppedOn, input.onDate),
        or(isNull(projectStoppages.resumedOn), gt(projectStoppages.resumedOn, input.onDate)),
        inRegionSubtree(projects.regionPath, input.regionPath),
        projectScope(ctx.actor),
      ),
    )
    .orderBy(asc(projects.regionPath), asc(projects.name));
}
