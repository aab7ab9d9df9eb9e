import type { CreateEvaluationScheme, EvaluationScheme, UpdateEvaluationScheme } from '@tuijin/contracts';
import {
  AppError,
  assertEvaluationRules,
  authorize,
  type EvaluationRules,
  evaluationPresets,
  invalid,
} from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { evaluationSchemes, regions } from '../../db/schema';
import { recordAudit } from '../audit';
import { presentScheme } from './evaluation.presenter';
import { listSchemeEntities } from './evaluation-entities';
import { isSchemeInside, loadScheme, schemeVisibleSql } from './evaluation-scope';

async function regionName(ctx: Ctx, code: string) {
  const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return region?.name ?? code;
}

/** 考评方案 the actor may see: its jurisdiction's, and those above it (their published results are 晾晒). */
export async function listEvaluationSchemes(ctx: Ctx): Promise<{ data: EvaluationScheme[] }> {
  authorize(ctx.actor, 'evaluation.read');
  const rows = await ctx.db
    .select({ scheme: evaluationSchemes, regionName: regions.name })
    .from(evaluationSchemes)
    .innerJoin(regions, eq(regions.code, evaluationSchemes.regionCode))
    .where(schemeVisibleSql(ctx.actor))
    .orderBy(asc(evaluationSchemes.regionPath), asc(evaluationSchemes.createdAt));
  const data: EvaluationScheme[] = [];
  for (const r of rows)
    data.push(
      presentScheme(
        r.scheme,
        r.regionName,
        ctx.actor,
        isSchemeInside(ctx.actor, r.scheme.regionPath),
        await listSchemeEntities(ctx.db, r.scheme),
      ),
    );
  return { data };
}

export async function getEvaluationScheme(ctx: Ctx, id: string): Promise<EvaluationScheme> {
  authorize(ctx.actor, 'evaluation.read');
  const row = await loadScheme(ctx.db, ctx.actor, id);
  return presentScheme(
    row,
    await regionName(ctx, row.regionCode),
    ctx.actor,
    row.isInside,
    await listSchemeEntities(ctx.db, row),
  );
}

/**
 * 新建考评方案 for a region in the actor's jurisdiction (evaluation.manage), from a preset or from
 * rules given; its regions directly below are the entities scored. Audited.
 */
export async function createEvaluationScheme(ctx: Ctx, input: CreateEvaluationScheme): Promise<string> {
  authorize(ctx.actor, 'evaluation.manage');
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (!region || !isSchemeInside(ctx.actor, region.path))
    throw new AppError('NOT_FOUND', '区划不存在或不在本辖区');
  const entities = await listSchemeEntities(ctx.db, {
    regionCode: region.code,
    entityKind: input.entityKind,
  });
  if (entities.length === 0) {
    const message =
      input.entityKind === 'department' ? '该区划没有行业主管部门，无法赛马' : '该区划没有下级区划，无法赛马';
    throw invalid(
      [{ path: input.entityKind === 'department' ? 'entityKind' : 'regionCode', message }],
      message,
    );
  }
  const rules: EvaluationRules | null = input.preset ? evaluationPresets[input.preset].rules : input.rules;
  if (!rules)
    throw invalid(
      [{ path: 'rules', message: '请选择预设方案或填写考评规则' }],
      '请选择预设方案或填写考评规则',
    );
  assertEvaluationRules(rules);
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(evaluationSchemes)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        name: input.name,
        entityKind: input.entityKind,
        rules,
        preset: input.preset,
        updatedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning({ id: evaluationSchemes.id });
    await recordAudit(tx, ctx, {
      action: 'evaluation.manage',
      entityType: 'evaluationScheme',
      entityId: created!.id,
      regionPath: region.path,
      detail: { op: 'create', name: input.name, entityKind: input.entityKind, preset: input.preset, rules },
    });
    return created!.id;
  });
}

/**
 * 修改考评方案: name and rules replaced; the version (also the scheme version results are keyed
 * by) goes up by one, so results computed before stay as they were and show as stale. A stale
 * edit is CONFLICT. Audited with the rules before and after.
 */
export async function updateEvaluationScheme(
  ctx: Ctx,
  id: string,
  input: UpdateEvaluationScheme,
): Promise<void> {
  authorize(ctx.actor, 'evaluation.manage');
  const row = await loadScheme(ctx.db, ctx.actor, id, { manage: true });
  assertEvaluationRules(input.rules);
  if (row.version !== input.version) throw new AppError('CONFLICT', '考评方案已被他人修改，请刷新后重试');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(evaluationSchemes)
      .set({
        name: input.name,
        rules: input.rules,
        version: row.version + 1,
        updatedBy: ctx.actor.userId,
        updatedAt: ctx.clock.now(),
      })
      .where(sql`${eq(evaluationSchemes.id, id)} and ${evaluationSchemes.version} = ${row.version}`)
      .returning({ id: evaluationSchemes.id });
    if (updated.length === 0) throw new AppError('CONFLICT', '考评方案已被他人修改，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'evaluation.manage',
      entityType: 'evaluationScheme',
      entityId: id,
      regionPath: row.regionPath,
      changes: {
        name: { before: row.name, after: input.name },
        rules: { before: row.rules, after: input.rules },
        version: { before: row.version, after: row.version + 1 },
      },
    });
  });
}
