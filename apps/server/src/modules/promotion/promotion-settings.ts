import type { PromotionSettingsView, SavePromotionSettings } from '@tuijin/contracts';
import {
  AppError,
  can,
  checkPromotionStages,
  defaultPromotionStages,
  type PromotionStage,
  pathInSubtree,
  promotionStagePresets,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { isOfficeOver } from '../../lib/project-scope';
import { regionByCode, seesRegionSettings } from '../../lib/region-lookup';
import { readSetting, writeSetting } from '../../lib/settings-store';
import { recordAudit } from '../audit';

const settingKey = (regionCode: string) => `promotion.${regionCode}`;

function readStored(value: unknown): PromotionStage[] | null {
  if (!value || typeof value !== 'object') return null;
  const stages = (value as { stages?: unknown }).stages;
  if (!Array.isArray(stages)) return null;
  const ok = stages.every(
    (s) => s && typeof s === 'object' && typeof s.key === 'string' && typeof s.name === 'string',
  );
  return ok ? stages.map((s) => ({ key: s.key as string, name: s.name as string })) : null;
}

/**
 * The stage list that applies in a region: its own saved list, else the nearest ancestor's (a
 * city's list applies to its counties until a county saves its own), else the standard preset
 * 洽谈 → 签约 → 注册 → 开工 → 投产 → 达产.
 */
export async function effectivePromotionStages(
  db: Queryable,
  regionPath: string,
): Promise<{ stages: PromotionStage[]; fromRegionCode: string | null }> {
  for (const code of regionPath.split('.').reverse()) {
    const stored = readStored((await readSetting(db, settingKey(code))).value);
    if (stored) return { stages: stored, fromRegionCode: code };
  }
  return { stages: [...defaultPromotionStages], fromRegionCode: null };
}

/** A memo of stage lists by region path for one request (leads of many counties). */
export function stagesResolver(db: Queryable) {
  const seen = new Map<string, Promise<PromotionStage[]>>();
  return (regionPath: string) => {
    let found = seen.get(regionPath);
    if (!found) {
      found = effectivePromotionStages(db, regionPath).then((r) => r.stages);
      seen.set(regionPath, found);
    }
    return found;
  };
}

const presets = Object.entries(promotionStagePresets).map(([key, stages]) => ({
  key: key as keyof typeof promotionStagePresets,
  stages: stages.map((s) => ({ ...s })),
}));

async function settingsView(ctx: Pick<Ctx, 'db' | 'actor'>, region: { code: string; path: string }) {
  const [{ stages, fromRegionCode }, own] = await Promise.all([
    effectivePromotionStages(ctx.db, region.path),
    readSetting(ctx.db, settingKey(region.code)),
  ]);
  return {
    regionCode: region.code,
    stages,
    fromRegionCode,
    version: own.version,
    canManage: isOfficeOver(ctx.actor, region.path) && can(ctx.actor, 'promotion.manage'),
    presets,
  };
}

/** `GET /api/promotion/settings`: a region in or above the actor's jurisdiction. */
export async function getPromotionSettings(
  ctx: Ctx,
  regionCode: string | undefined,
): Promise<PromotionSettingsView> {
  const region = await regionByCode(ctx.db, regionCode ?? ctx.actor.regionCode);
  if (!seesRegionSettings(ctx.actor, region.path)) throw new AppError('NOT_FOUND');
  return settingsView(ctx, region);
}

/**
 * `PUT /api/promotion/settings`: an office saves its jurisdiction's stage list (checked by the
 * domain's `checkPromotionStages`; keys stay stable, names may change). Audited
 * `promotion.settings.update`.
 */
export async function savePromotionSettings(
  ctx: Ctx,
  body: SavePromotionSettings,
): Promise<PromotionSettingsView> {
  const region = await regionByCode(ctx.db, body.regionCode ?? ctx.actor.regionCode);
  if (!pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  if (!isOfficeOver(ctx.actor, region.path))
    throw new AppError('FORBIDDEN', '只有本辖区的重点办可以设置招商阶段');
  const stages = checkPromotionStages(body.stages);
  const before = await effectivePromotionStages(ctx.db, region.path);
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, {
      key: settingKey(region.code),
      value: { stages },
      version: body.version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'promotion.settings.update',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: { stages: { before: before.stages, after: stages } },
    });
  });
  return settingsView(ctx, region);
}
