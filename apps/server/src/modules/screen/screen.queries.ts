import {
  type CockpitFigures,
  MapRegionsQuery,
  type PublicScreen,
  type Screen,
  type ScreenFigures,
  type ScreenRanking,
  type ScreenRedCounts,
} from '@tuijin/contracts';
import { type Actor, AppError, authorize, can, monthKey, pathInSubtree } from '@tuijin/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { evaluationResults, evaluationRuns, evaluationSchemes, regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { publicBulletin } from '../bulletins';
import { getCockpitRollup } from '../cockpit';
import { getMapRegions } from '../map';
import { findProblems } from '../problems';
import { resolveReportingPeriod } from '../reports';
import { currentWarnings, monthOrDefault } from '../warnings';
import { loadScreenPublication } from './screen-publication';

/** How many red projects and overdue problems the command-room screen lists (it never scrolls). */
const redProjectRows = 7;
const overdueProblemRows = 6;

/**
 * 核心指标: the cockpit's total for the actor's jurisdiction up to the current reporting month
 * (`resolveReportingPeriod`, the cockpit's and the status board's default), so the screen never
 * shows a month whose reports are not yet due.
 */
async function screenFigures(ctx: Ctx): Promise<ScreenFigures> {
  const { year, month } = await resolveReportingPeriod(ctx, ctx.actor.regionPath);
  const rollup = await getCockpitRollup(ctx, { year, month, basis: 'adjusted', dimension: 'region' });
  return { year, month, figures: rollup.total satisfies CockpitFigures };
}

/**
 * 考评排名: a published run of the region's own region-scheme — of `quarter` when given, else the
 * latest published quarter; null when none is published. Published results are public within the
 * jurisdiction (晾晒), so no reader check beyond the region.
 */
async function screenRanking(
  db: Queryable,
  regionCode: string,
  quarter: string | null,
): Promise<ScreenRanking | null> {
  const clauses = [
    eq(evaluationSchemes.regionCode, regionCode),
    eq(evaluationSchemes.entityKind, 'region'),
    eq(evaluationRuns.status, 'published'),
  ];
  if (quarter) clauses.push(eq(evaluationRuns.quarter, quarter));
  const [run] = await db
    .select({ id: evaluationRuns.id, quarter: evaluationRuns.quarter, schemeName: evaluationRuns.schemeName })
    .from(evaluationRuns)
    .innerJoin(evaluationSchemes, eq(evaluationSchemes.id, evaluationRuns.schemeId))
    .where(and(...clauses))
    .orderBy(desc(evaluationRuns.quarter), desc(evaluationRuns.publishedAt))
    .limit(1);
  if (!run) return null;
  const entries = await db
    .select({
      code: evaluationResults.entityCode,
      name: evaluationResults.entityName,
      rank: evaluationResults.rank,
      total: evaluationResults.totalPoints,
      list: evaluationResults.list,
    })
    .from(evaluationResults)
    .where(eq(evaluationResults.runId, run.id))
    .orderBy(asc(evaluationResults.rank), asc(evaluationResults.entityCode));
  return { quarter: run.quarter, schemeName: run.schemeName, entries };
}

/** The red projects of last month's warnings and their counts by the regions directly under the root. */
async function screenWarnings(ctx: Ctx) {
  const month = monthKey(monthOrDefault(ctx, undefined));
  const [root] = await ctx.db.select().from(regions).where(eq(regions.code, ctx.actor.regionCode));
  if (!root) throw new AppError('NOT_FOUND');
  const [warnings, subtree] = await Promise.all([
    currentWarnings(ctx.db, ctx.actor, month),
    ctx.db
      .select({ code: regions.code, name: regions.name, path: regions.path, parentCode: regions.parentCode })
      .from(regions)
      .where(inRegionSubtree(regions.path, root.path))
      .orderBy(asc(regions.sortOrder), asc(regions.code)),
  ]);
  const pathOf = new Map(subtree.map((r) => [r.code, r.path]));
  const children = subtree.filter((r) => r.parentCode === root.code);
  const counts = { green: 0, yellow: 0, red: 0 };
  const redByChild = new Map(children.map((c) => [c.code, 0]));
  let redOnRoot = 0;
  for (const w of warnings) {
    counts[w.colour] += 1;
    if (w.colour !== 'red') continue;
    const path = pathOf.get(w.regionCode) ?? '';
    const child = children.find((c) => pathInSubtree(path, c.path));
    if (child) redByChild.set(child.code, (redByChild.get(child.code) ?? 0) + 1);
    else redOnRoot += 1;
  }
  const byRegion = children.map((c) => ({ code: c.code, name: c.name, red: redByChild.get(c.code) ?? 0 }));
  if (redOnRoot > 0 || children.length === 0)
    byRegion.push({ code: root.code, name: root.name, red: redOnRoot });
  const redCounts: ScreenRedCounts = { month, counts, regions: byRegion };
  return { redCounts, red: warnings.filter((w) => w.colour === 'red'), root };
}

const screenMap = (ctx: Ctx) => getMapRegions(ctx, MapRegionsQuery.parse({}));

/**
 * 大屏: the actor's jurisdiction at a glance — the cockpit's headline figures, the latest published
 * ranking, red projects, overdue problems and the map shading, each panel only when the actor may
 * read it, every figure scoped by the same rules as the pages it comes from.
 */
export async function getScreen(ctx: Ctx): Promise<Screen> {
  authorize(ctx.actor, 'cockpit.read');
  const generatedAt = ctx.clock.now().toISOString();
  const warnings = can(ctx.actor, 'warning.read') ? await screenWarnings(ctx) : null;
  const [root] = await ctx.db.select().from(regions).where(eq(regions.code, ctx.actor.regionCode));
  if (!root) throw new AppError('NOT_FOUND');
  const overdue = can(ctx.actor, 'problem.read')
    ? await findProblems(ctx, { overdue: true, page: 1, pageSize: overdueProblemRows })
    : null;
  return {
    region: { code: root.code, name: root.name },
    generatedAt,
    figures: await screenFigures(ctx),
    ranking: can(ctx.actor, 'evaluation.read') ? await screenRanking(ctx.db, root.code, null) : null,
    redCounts: warnings?.redCounts ?? null,
    redProjects: (warnings?.red ?? []).slice(0, redProjectRows).map((w) => ({
      projectId: w.projectId,
      projectName: w.projectName,
      regionName: w.regionName,
      reasonCount: w.reasons.length,
    })),
    overdueProblems: {
      total: overdue?.page.total ?? 0,
      data: (overdue?.data ?? []).map((p) => ({
        id: p.id,
        referenceNumber: p.referenceNumber,
        projectName: p.projectName,
        category: p.category,
        dueOn: p.dueOn,
        overdueDays: p.overdueDays,
        levelName: p.levelName,
      })),
    },
    map: can(ctx.actor, 'project.read') ? await screenMap(ctx) : null,
    bulletin: await publicBulletin(ctx.db, root.code),
    canPublish: can(ctx.actor, 'screen.publish'),
  };
}

/**
 * The reader behind the public screen: an office of the published region that holds nothing but
 * its jurisdiction, so the figures are scoped exactly as the office's own screen; it never acts.
 */
function publicReader(region: { code: string; path: string }): Actor {
  return {
    userId: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
    username: 'public-screen',
    displayName: '公开大屏',
    roles: ['office_staff'],
    organisationId: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
    organisationKind: 'office',
    regionCode: region.code,
    regionPath: region.path,
    sector: null,
  };
}

/**
 * 公开大屏 (no login): only the panels the region's office published, and only aggregates — headline
 * figures, the ranking of regions, red-project counts by region (never a project's name or id) and
 * the map tiles without coordinates — and the bulletin it chose to 晾晒 (aggregate sections only).
 * An unknown region or one with nothing published is NOT_FOUND.
 */
export async function getPublicScreen(ctx: Omit<Ctx, 'actor'>, regionCode: string): Promise<PublicScreen> {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new AppError('NOT_FOUND');
  const [publication, bulletin] = await Promise.all([
    loadScreenPublication(ctx.db, region.code),
    publicBulletin(ctx.db, region.code),
  ]);
  if (publication.panels.length === 0 && !bulletin) throw new AppError('NOT_FOUND');
  const reader: Ctx = { ...ctx, actor: publicReader(region) };
  const panels = new Set(publication.panels);
  const screen: PublicScreen = {
    region: { code: region.code, name: region.name },
    generatedAt: ctx.clock.now().toISOString(),
    panels: publication.panels,
    bulletin,
  };
  if (panels.has('figures')) screen.figures = await screenFigures(reader);
  if (panels.has('ranking')) screen.ranking = await screenRanking(ctx.db, region.code, publication.quarter);
  if (panels.has('redCounts')) screen.redCounts = (await screenWarnings(reader)).redCounts;
  if (panels.has('map')) {
    const map = await screenMap(reader);
    screen.map = { ...map, tiles: map.tiles.map((tile) => ({ ...tile, centre: null })) };
  }
  return screen;
}
