import type {
  ProjectWarning,
  ProjectWarnings,
  RegionWarning,
  SnailList,
  SnailQuery,
  WarningOverview,
  WarningPreview,
  WarningQuery,
  WarningReason,
} from '@tuijin/contracts';
import {
  type Actor,
  authorize,
  chinaDate,
  consecutiveRedMonths,
  evaluateRegionWarning,
  monthIndex,
  monthKey,
  parseMonthKey,
  type RegionMonthFacts,
  sumRegionMonth,
  type WarningColour,
  type WarningPeriod,
  WarningRuleSet,
  warningChanges,
} from '@tuijin/domain';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { projects, regions, warningResults, warningRuleSets } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { getProject } from '../projects';
import { defaultWarningMonth, evaluateProjects } from './recompute-warnings';
import { loadRuleSet, publishedRuleSets, ruleSetForPath } from './rule-sets';
import { loadWarningFacts, type ProjectFacts } from './warning-facts';
import { listGraces } from './warning-graces';

/** The month asked for, else the month before today (China). */
export function monthOrDefault(ctx: Pick<Ctx, 'clock'>, month: string | undefined) {
  return month ? parseMonthKey(month)! : defaultWarningMonth(ctx.clock.now());
}

/**
 * The colours of the projects matched by `where` for the months `from`..`to` (YYYY-MM): for each
 * project and month the result of the rule set that applied last — the deepest region's, newest
 * version — so a republished rule replaces the older colour once recomputed, and months never
 * recomputed keep the colour of the version they were computed under. Sorted by region and name.
 */
export async function warningRows(
  db: Queryable,
  where: SQL,
  from: string,
  to: string,
): Promise<ProjectWarning[]> {
  const rows = await db
    .selectDistinctOn([warningResults.projectId, warningResults.month], {
      projectId: warningResults.projectId,
      projectName: projects.name,
      regionCode: projects.regionCode,
      regionName: regions.name,
      regionPath: projects.regionPath,
      month: warningResults.month,
      colour: warningResults.colour,
      reasons: warningResults.reasons,
      ruleSetId: warningResults.ruleSetId,
      ruleRegionCode: warningRuleSets.regionCode,
      ruleVersion: warningRuleSets.ruleVersion,
      computedAt: warningResults.computedAt,
    })
    .from(warningResults)
    .innerJoin(projects, eq(projects.id, warningResults.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(warningRuleSets, eq(warningRuleSets.id, warningResults.ruleSetId))
    .where(and(where, gte(warningResults.month, from), lte(warningResults.month, to)))
    .orderBy(
      warningResults.projectId,
      warningResults.month,
      desc(sql`length(${warningRuleSets.regionPath})`),
      desc(warningRuleSets.ruleVersion),
    );
  return rows
    .map(({ regionPath, ...r }) => ({
      ...r,
      reasons: r.reasons as WarningReason[],
      computedAt: r.computedAt.toISOString(),
      sortKey: `${regionPath}|${r.projectName}|${r.month}`,
    }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ sortKey: _, ...r }) => r);
}

/**
 * The stored colour of project `projectId` for `month` (YYYY-MM) in SQL, by the same rule as
 * `warningRows`: the result of the deepest region's rule set, newest version; null when the month was
 * never computed for the project. A correlated lookup on (project_id, month), so a rollup can group
 * colours in the same statement as its other figures.
 */
export function warningColourSql(projectId: SQL, month: string): SQL {
  return sql`(select wr.colour from ${warningResults} wr
    join ${warningRuleSets} rs on rs.id = wr.rule_set_id
    where wr.project_id = ${projectId} and wr.month = ${month}
    order by length(rs.region_path) desc, rs.rule_version desc limit 1)`;
}

/**
 * {@link latestProjectColour} as one JSON column (`{ month, colour }` or null), so a page can read
 * it in the statement that reads the project: the latest month up to `month` (YYYY-MM) with a stored
 * colour, by the deepest region's rule set, newest version.
 */
export function latestWarningJsonSql(
  projectId: SQL,
  month: string,
): SQL<{ month: string; colour: WarningColour } | null> {
  return sql<{
    month: string;
    colour: WarningColour;
  } | null>`(select json_build_object('month', wr.month, 'colour', wr.colour)
    from ${warningResults} wr join ${warningRuleSets} rs on rs.id = wr.rule_set_id
    where wr.project_id = ${projectId} and wr.month <= ${month}
    order by wr.month desc, length(rs.region_path) desc, rs.rule_version desc limit 1)`;
}

/**
 * A project's latest computed colour up to `month` (YYYY-MM), by the rule of `warningRows` (the
 * deepest region's rule set, newest version): the month and colour, null when never computed.
 * Unscoped: the caller has already loaded the project within the actor's scope.
 */
export async function latestProjectColour(
  db: Queryable,
  projectId: string,
  month: string,
): Promise<{ month: string; colour: WarningColour } | null> {
  const rows = await warningRows(db, eq(projects.id, projectId), '0000-01', month);
  const last = rows.at(-1);
  return last ? { month: last.month, colour: last.colour } : null;
}

/**
 * 当前预警: every visible project's colour and reasons for a month (default: last month), for the
 * map, the big screen and the cockpit. `actor` scopes it by the one project-scope rule.
 */
export async function currentWarnings(db: Queryable, actor: Actor, month: string): Promise<ProjectWarning[]> {
  return warningRows(db, projectScope(actor), month, month);
}

/** 预警总览: counts by colour and region (every visible project), then the filtered page. */
export async function listWarnings(ctx: Ctx, query: WarningQuery): Promise<WarningOverview> {
  authorize(ctx.actor, 'warning.read');
  const month = monthKey(monthOrDefault(ctx, query.month));
  let scope = projectScope(ctx.actor);
  if (query.regionCode) {
    const [region] = await ctx.db.select().from(regions).where(eq(regions.code, query.regionCode));
    scope = and(scope, inRegionSubtree(projects.regionPath, region?.path ?? '-'))!;
  }
  // A region's colour is that of all its visible projects, not only of the projects asked for.
  const regionScope = scope;
  if (query.projectIds) scope = and(scope, inArray(projects.id, query.projectIds.split(',').slice(0, 200)))!;
  const all = await warningRows(ctx.db, scope, month, month);
  const counts = { green: 0, yellow: 0, red: 0 };
  const byRegion = new Map<string, { regionCode: string; regionName: string } & typeof counts>();
  for (const row of all) {
    counts[row.colour] += 1;
    const region = byRegion.get(row.regionCode) ?? {
      regionCode: row.regionCode,
      regionName: row.regionName,
      green: 0,
      yellow: 0,
      red: 0,
    };
    region[row.colour] += 1;
    byRegion.set(row.regionCode, region);
  }
  const regionColours = await colourRegions(ctx, regionScope, monthOrDefault(ctx, query.month), [
    ...byRegion.keys(),
  ]);
  const rank: Record<WarningColour, number> = { red: 0, yellow: 1, green: 2 };
  const filtered = all
    .filter((r) => !query.colour || r.colour === query.colour)
    .sort((a, b) => rank[a.colour] - rank[b.colour]);
  const start = (query.page - 1) * query.pageSize;
  return {
    month,
    counts,
    byRegion: [...byRegion.values()],
    ...(regionColours ? { regionColours } : {}),
    data: filtered.slice(start, start + query.pageSize),
    page: { total: filtered.length, page: query.page, pageSize: query.pageSize },
  };
}

/**
 * 区域预警: colours each region in `regionCodes` whose rule set in force has the region rule on, from
 * its projects' stored facts (one facts pass over `scope`): per month of the run (the month and the
 * N − 1 before it, within the year, since the facts are the year's), the sum of the year's planned
 * investment and of year-to-date completion of the region's projects. Null when no region's rule
 * set has the rule on.
 */
async function colourRegions(
  ctx: Ctx,
  scope: SQL,
  period: WarningPeriod,
  regionCodes: readonly string[],
): Promise<RegionWarning[] | null> {
  if (regionCodes.length === 0) return null;
  const inForce = await publishedRuleSets(ctx.db);
  // Stored before the region rule existed: the schema's default reads it as off.
  const rulesOf = (r: { rules: unknown }) => WarningRuleSet.safeParse(r.rules).data ?? null;
  if (![...inForce.values()].some((r) => rulesOf(r)?.regionRule.enabled)) return null;
  const facts = await loadWarningFacts(ctx.db, scope, period, chinaDate(ctx.clock.now()));
  const byRegion = new Map<string, ProjectFacts[]>();
  for (const f of facts) byRegion.set(f.regionCode, [...(byRegion.get(f.regionCode) ?? []), f]);
  const out: RegionWarning[] = [];
  for (const code of regionCodes) {
    const projectsOf = byRegion.get(code);
    const ruleSet = projectsOf ? ruleSetForPath(inForce, projectsOf[0]!.regionPath) : null;
    if (!projectsOf || !ruleSet) continue;
    const rules = rulesOf(ruleSet);
    if (!rules?.regionRule.enabled) continue;
    const months: RegionMonthFacts[] = [];
    for (let m = Math.max(1, period.month - rules.regionRule.consecutiveMonths + 1); m <= period.month; m++)
      months.push(
        sumRegionMonth(
          { year: period.year, month: m },
          projectsOf.map((p) => ({
            plannedWanYuan: p.facts.plannedWanYuan,
            completedWanYuan: p.facts.ytdByMonth[m - 1] ?? '0',
          })),
        ),
      );
    out.push({ regionCode: code, ...evaluateRegionWarning(months, rules) });
  }
  return out.length > 0 ? out : null;
}

/** 蜗牛榜: visible projects red for at least N months in a row ending with the month. */
export async function listSnails(ctx: Ctx, query: SnailQuery): Promise<SnailList> {
  authorize(ctx.actor, 'warning.read');
  const period = monthOrDefault(ctx, query.month);
  const month = monthKey(period);
  const inForce = await publishedRuleSets(ctx.db);
  const fallback = ctx.actor.regionPath ? ruleSetForPath(inForce, ctx.actor.regionPath) : null;
  const months = query.months ?? (fallback?.rules as WarningRuleSet | undefined)?.snailMonths ?? 3;
  const first = monthIndex(period) - 11;
  const from = monthKey({ year: Math.floor(first / 12), month: (first % 12) + 1 });
  const rows = await warningRows(ctx.db, projectScope(ctx.actor), from, month);
  const byProject = new Map<string, ProjectWarning[]>();
  for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
  const data: SnailList['data'] = [];
  for (const history of byProject.values()) {
    const last = history.at(-1);
    if (!last || last.month !== month) continue;
    // A gap in the months breaks the run: only consecutive calendar months count.
    const run: ProjectWarning[] = [];
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i]!;
      const expected = monthIndex(period) - run.length;
      if (monthIndex(parseMonthKey(h.month)!) !== expected) break;
      run.unshift(h);
    }
    const red = consecutiveRedMonths(run);
    if (red >= months) data.push({ ...last, consecutiveRedMonths: red });
  }
  data.sort(
    (a, b) => b.consecutiveRedMonths - a.consecutiveRedMonths || a.projectName.localeCompare(b.projectName),
  );
  return { month, months, data };
}

/** A visible project's colours: the latest, up to 24 months of history, and its 正当理由. */
export async function getProjectWarnings(ctx: Ctx, id: string): Promise<ProjectWarnings> {
  authorize(ctx.actor, 'warning.read');
  await getProject(ctx.db, ctx.actor, id);
  const history = (await warningRows(ctx.db, eq(projects.id, id), '0000-01', '9999-12')).slice(-24);
  return {
    current: history.at(-1) ?? null,
    history,
    graces: (await listGraces(ctx, { projectId: id })).data,
  };
}

/**
 * 预览: evaluates the month (default: last month) for every project under the draft's region the
 * actor sees, under the draft and under the rule set in force, and lists exactly the projects
 * whose colour would change, with both colours and reasons.
 */
export async function previewWarningDraft(
  ctx: Ctx,
  id: string,
  month: string | undefined,
): Promise<WarningPreview> {
  authorize(ctx.actor, 'warningRule.manage');
  const draft = await loadRuleSet(ctx, id);
  const period = monthOrDefault(ctx, month);
  const inForce = await publishedRuleSets(ctx.db);
  const where = and(projectScope(ctx.actor), inRegionSubtree(projects.regionPath, draft.regionPath))!;
  const today = chinaDate(ctx.clock.now());
  const pickCurrent = (p: { regionPath: string }) => ruleSetForPath(inForce, p.regionPath);
  // Projects under a deeper region's own rule set keep theirs: the draft does not apply to them.
  const appliesToDraft = (p: { regionPath: string }) => {
    const current = pickCurrent(p);
    return !current || current.regionPath.length <= draft.regionPath.length;
  };
  const [before, after] = await Promise.all([
    evaluateProjects(ctx.db, where, period, today, (p) => (appliesToDraft(p) ? pickCurrent(p) : null)),
    evaluateProjects(ctx.db, where, period, today, (p) => (appliesToDraft(p) ? draft : null)),
  ]);
  const names = new Map(after.map((e) => [e.project.projectId, e.project]));
  const changes = warningChanges(
    new Map(before.map((e) => [e.project.projectId, e.result])),
    new Map(after.map((e) => [e.project.projectId, e.result])),
  );
  return {
    month: monthKey(period),
    evaluated: after.length,
    changes: changes.map((c) => ({
      projectId: c.key,
      projectName: names.get(c.key)!.projectName,
      regionName: names.get(c.key)!.regionName,
      before: c.before,
      after: c.after,
    })),
  };
}

/** The red projects of a region's subtree in a month (YYYY-MM) — what a meeting there takes up. */
export async function redProjectsIn(db: Queryable, regionPath: string, month: string) {
  const rows = await warningRows(db, inRegionSubtree(projects.regionPath, regionPath), month, month);
  return rows.filter((row) => row.colour === 'red');
}
