import type {
  CreateWarningDraft,
  UpdateWarningDraft,
  WarningRuleSets,
  WarningRuleSetView,
} from '@tuijin/contracts';
import {
  AppError,
  authorize,
  can,
  invalid,
  type WarningPresetId,
  type WarningRuleSet,
  warningPresets,
  warningRuleProblems,
} from '@tuijin/domain';
import { and, desc, eq, max } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regions, warningRuleSets } from '../../db/schema';
import { ancestorPaths } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';

export type RuleSetRow = typeof warningRuleSets.$inferSelect;

/** Row → wire shape. */
export function presentRuleSet(row: RuleSetRow): WarningRuleSetView {
  return {
    id: row.id,
    regionCode: row.regionCode,
    ruleVersion: row.ruleVersion,
    status: row.status,
    name: row.name,
    preset: (row.preset as WarningPresetId | null) ?? null,
    rules: row.rules as WarningRuleSet,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedByName: row.publishedByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The rule sets in force: for each region with a published version, its highest one. A project's
 * rules are those of its own region, else its nearest ancestor's ({@link ruleSetForPath}).
 */
export async function publishedRuleSets(db: Queryable): Promise<Map<string, RuleSetRow>> {
  const rows = await db
    .select()
    .from(warningRuleSets)
    .where(eq(warningRuleSets.status, 'published'))
    .orderBy(warningRuleSets.ruleVersion);
  return new Map(rows.map((row) => [row.regionPath, row]));
}

/** The rule set that applies at a region path (its own region's, else the nearest ancestor's). */
export function ruleSetForPath(inForce: ReadonlyMap<string, RuleSetRow>, path: string): RuleSetRow | null {
  for (const candidate of [path, ...ancestorPaths(path).reverse()]) {
    const found = inForce.get(candidate);
    if (found) return found;
  }
  return null;
}

/** A region in the actor's jurisdiction; outside it (or unknown) NOT_FOUND with `notFound` as its message. */
export async function regionInScope(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  code: string,
  notFound = '区划不存在或不在本辖区',
) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, code));
  const root = ctx.actor.regionPath;
  if (!region || !(root === '' || region.path === root || region.path.startsWith(`${root}.`)))
    throw new AppError('NOT_FOUND', notFound);
  return region;
}

const ruleSetNotFound = '预警规则不存在';

/** A rule set of a region in the actor's jurisdiction, else NOT_FOUND. */
export async function loadRuleSet(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<RuleSetRow> {
  const [row] = await ctx.db.select().from(warningRuleSets).where(eq(warningRuleSets.id, id));
  // A rule set outside the jurisdiction answers exactly as a missing one: no existence oracle.
  if (!row) throw new AppError('NOT_FOUND', ruleSetNotFound);
  await regionInScope(ctx, row.regionCode, ruleSetNotFound);
  return row;
}

/** A region's versions (newest first) and the published rule set that applies to it. */
export async function listWarningRuleSets(ctx: Ctx, code: string | undefined): Promise<WarningRuleSets> {
  authorize(ctx.actor, 'warning.read');
  const regionCode = code ?? ctx.actor.regionCode ?? '';
  const region = await regionInScope(ctx, regionCode);
  const versions = await ctx.db
    .select()
    .from(warningRuleSets)
    .where(eq(warningRuleSets.regionCode, region.code))
    .orderBy(desc(warningRuleSets.ruleVersion));
  const applying = ruleSetForPath(await publishedRuleSets(ctx.db), region.path);
  return {
    regionCode: region.code,
    applying: applying ? presentRuleSet(applying) : null,
    versions: versions.map(presentRuleSet),
    canManage: can(ctx.actor, 'warningRule.manage'),
  };
}

function checkRules(rules: WarningRuleSet) {
  const problems = warningRuleProblems(rules).map((p) => ({ ...p, path: `rules.${p.path}` }));
  if (problems.length > 0) throw invalid(problems, `预警规则有误：${problems[0]!.message}`);
}

/**
 * Starts a region's draft (warningRule.manage): from a preset, else a copy of the rule set in
 * force there, else the Yinchuan preset. One draft per region (a second is CONFLICT). Audited.
 */
export async function createWarningDraft(ctx: Ctx, input: CreateWarningDraft): Promise<WarningRuleSetView> {
  authorize(ctx.actor, 'warningRule.manage');
  const region = await regionInScope(ctx, input.regionCode);
  const applying = ruleSetForPath(await publishedRuleSets(ctx.db), region.path);
  const preset = input.preset ?? (applying ? null : 'yinchuan');
  const source = preset
    ? { name: warningPresets[preset].name, rules: warningPresets[preset].rules, preset }
    : { name: applying!.name, rules: applying!.rules as WarningRuleSet, preset: applying!.preset };
  const created = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: warningRuleSets.id })
      .from(warningRuleSets)
      .where(and(eq(warningRuleSets.regionCode, region.code), eq(warningRuleSets.status, 'draft')));
    if (existing) throw new AppError('CONFLICT', '本区划已有未发布的预警规则草稿');
    const [last] = await tx
      .select({ n: max(warningRuleSets.ruleVersion) })
      .from(warningRuleSets)
      .where(eq(warningRuleSets.regionCode, region.code));
    const [row] = await tx
      .insert(warningRuleSets)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        ruleVersion: (last?.n ?? 0) + 1,
        status: 'draft',
        name: source.name,
        preset: source.preset,
        rules: source.rules,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'warningRule.draft',
      entityType: 'warningRuleSet',
      entityId: row!.id,
      regionPath: region.path,
      detail: { regionCode: region.code, ruleVersion: row!.ruleVersion, preset: source.preset },
    });
    return row!;
  });
  return presentRuleSet(created);
}

const staleRuleSet = '预警规则已被他人修改，请刷新后重试';
/** The rule set `id` while it is still a draft (a published version never changes). */
const draftOf = (id: string) => and(eq(warningRuleSets.id, id), eq(warningRuleSets.status, 'draft'));

/** Edits a draft's name and thresholds (a published version is immutable: INVALID_TRANSITION). */
export async function updateWarningDraft(
  ctx: Ctx,
  id: string,
  input: UpdateWarningDraft,
): Promise<WarningRuleSetView> {
  authorize(ctx.actor, 'warningRule.manage');
  const row = await loadRuleSet(ctx, id);
  if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', '已发布的预警规则不能修改');
  checkRules(input.rules);
  if (row.version !== input.version) throw new AppError('CONFLICT', staleRuleSet);
  const updated = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: warningRuleSets,
      where: draftOf(id),
      version: row.version,
      set: { name: input.name, preset: input.preset, rules: input.rules, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'warningRule.update',
        entityType: 'warningRuleSet',
        entityId: id,
        regionPath: row.regionPath,
        changes: {
          name: { before: row.name, after: input.name },
          rules: { before: row.rules, after: input.rules },
        },
      }),
      conflict: staleRuleSet,
    }),
  );
  return presentRuleSet(updated);
}

/**
 * Publishes a draft: from now on its rules are fixed and it is the region's rule set in force.
 * Answers the published row; the caller recomputes the colours.
 */
export async function publishWarningDraft(ctx: Ctx, id: string, version: number): Promise<RuleSetRow> {
  authorize(ctx.actor, 'warningRule.manage');
  const row = await loadRuleSet(ctx, id);
  if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', '该版本已发布');
  checkRules(row.rules as WarningRuleSet);
  if (row.version !== version) throw new AppError('CONFLICT', staleRuleSet);
  return ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: warningRuleSets,
      where: draftOf(id),
      version: row.version,
      set: {
        status: 'published',
        publishedAt: ctx.clock.now(),
        publishedByName: ctx.actor.displayName,
        updatedAt: ctx.clock.now(),
      },
      audit: () => ({
        action: 'warningRule.publish',
        entityType: 'warningRuleSet',
        entityId: id,
        regionPath: row.regionPath,
        detail: { regionCode: row.regionCode, ruleVersion: row.ruleVersion, name: row.name },
      }),
      conflict: staleRuleSet,
    }),
  );
}
