import type { ApplyEscalationPreset, EscalationLadder, SetEscalationLadder } from '@tuijin/contracts';
import { AppError, authorize, escalationPresets, invalid, ladderProblems } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { escalationLadders, escalationLevels, regions } from '../../db/schema';
import { recordAudit } from '../audit';
import { assertHandlerOrganisation, ladderFor } from './problem-context';

/** A region the actor's jurisdiction holds; outside it (or unknown) NOT_FOUND. */
async function regionInScope(ctx: Ctx, code: string) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, code));
  const inside =
    region &&
    (ctx.actor.regionPath === '' ||
      region.path === ctx.actor.regionPath ||
      region.path.startsWith(`${ctx.actor.regionPath}.`));
  if (!inside) throw new AppError('NOT_FOUND', '区划不存在或不在本辖区');
  return region;
}

/** The ladder that applies in a region (its own or the nearest ancestor's), for any signed-in reader of problems. */
export async function getEscalationLadder(ctx: Ctx, code: string): Promise<EscalationLadder> {
  authorize(ctx.actor, 'problem.read');
  const region = await regionInScope(ctx, code);
  const ladder = await ladderFor(ctx.db, region.path);
  return {
    regionCode: code,
    ladderRegionCode: ladder?.regionCode ?? null,
    name: ladder?.name ?? null,
    preset: ladder?.preset ?? null,
    version: ladder?.regionCode === code ? ladder.version : null,
    levels: ladder?.levels ?? [],
  };
}

/**
 * Sets a region's own ladder (escalationLadder.manage, in the actor's jurisdiction): the levels are
 * replaced as a whole; an existing ladder needs its version (a stale one is CONFLICT). Audited with
 * the levels before and after. Problems already at a level keep their due dates.
 */
export async function setEscalationLadder(
  ctx: Ctx,
  code: string,
  input: SetEscalationLadder,
  preset: string | null = null,
): Promise<EscalationLadder> {
  authorize(ctx.actor, 'escalationLadder.manage');
  const region = await regionInScope(ctx, code);
  const problems = ladderProblems(input.levels);
  if (problems.length > 0) throw invalid(problems, `提级层级有误：${problems[0]!.message}`);
  for (const level of input.levels)
    if (level.handlerOrganisationId)
      await assertHandlerOrganisation(ctx.db, level.handlerOrganisationId, region.path);
  const [existing] = await ctx.db
    .select()
    .from(escalationLadders)
    .where(eq(escalationLadders.regionCode, code));
  if (existing && input.version !== existing.version)
    throw new AppError('CONFLICT', '提级层级已被他人修改，请刷新后重试');
  const before = existing ? await ladderFor(ctx.db, region.path) : null;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    let ladderId: string;
    if (existing) {
      const updated = await tx
        .update(escalationLadders)
        .set({
          name: input.name,
          preset,
          version: existing.version + 1,
          updatedBy: ctx.actor.userId,
          updatedAt: now,
        })
        .where(eq(escalationLadders.id, existing.id))
        .returning({ id: escalationLadders.id });
      if (updated.length === 0) throw new AppError('CONFLICT');
      ladderId = existing.id;
      await tx.delete(escalationLevels).where(eq(escalationLevels.ladderId, ladderId));
    } else {
      const [created] = await tx
        .insert(escalationLadders)
        .values({
          regionCode: code,
          regionPath: region.path,
          name: input.name,
          preset,
          updatedBy: ctx.actor.userId,
          updatedAt: now,
        })
        .returning({ id: escalationLadders.id });
      ladderId = created!.id;
    }
    await tx.insert(escalationLevels).values(input.levels.map((level) => ({ ...level, ladderId })));
    await recordAudit(tx, ctx, {
      action: 'escalationLadder.manage',
      entityType: 'escalationLadder',
      entityId: code,
      regionPath: region.path,
      changes: { levels: { before: before?.levels ?? null, after: input.levels } },
      detail: { name: input.name, preset },
    });
  });
  return getEscalationLadder(ctx, code);
}

/** Sets a region's ladder from a preset (Luohe five levels, Hui'an "321"). */
export async function applyEscalationPreset(ctx: Ctx, code: string, input: ApplyEscalationPreset) {
  const preset = escalationPresets[input.preset];
  return setEscalationLadder(
    ctx,
    code,
    {
      name: preset.name,
      version: input.version,
      levels: preset.levels.map((level) => ({ ...level, handlerOrganisationId: null })),
    },
    input.preset,
  );
}
