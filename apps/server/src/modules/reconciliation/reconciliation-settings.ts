import type { ReconciliationSettingsView, SaveReconciliationSettings } from '@tuijin/contracts';
import {
  AppError,
  checkReconciliationSettings,
  defaultReconciliationSettings,
  pathInSubtree,
  type ReconciliationSettings,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regionByCode, seesRegionSettings } from '../../lib/region-lookup';
import { readSetting, writeSetting } from '../../lib/settings-store';
import { recordAudit } from '../audit';

const settingKey = (regionCode: string) => `reconciliation.${regionCode}`;

function readStored(value: unknown): ReconciliationSettings | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ReconciliationSettings>;
  return typeof v.gapPercent === 'number' && typeof v.gapMinWanYuan === 'string'
    ? { gapPercent: v.gapPercent, gapMinWanYuan: v.gapMinWanYuan }
    : null;
}

/**
 * The thresholds that apply in a region: its own saved ones, else the nearest ancestor's (a city's
 * apply to its counties until a county saves its own), else the defaults (10 % and 100 万元).
 */
export async function effectiveReconciliationSettings(
  db: Queryable,
  regionPath: string,
): Promise<{ settings: ReconciliationSettings; fromRegionCode: string | null }> {
  const codes = regionPath.split('.').reverse();
  for (const code of codes) {
    const stored = readStored((await readSetting(db, settingKey(code))).value);
    if (stored) return { settings: stored, fromRegionCode: code };
  }
  return { settings: defaultReconciliationSettings, fromRegionCode: null };
}

async function settingsView(ctx: Pick<Ctx, 'db'>, region: { code: string; path: string }) {
  const [{ settings, fromRegionCode }, own] = await Promise.all([
    effectiveReconciliationSettings(ctx.db, region.path),
    readSetting(ctx.db, settingKey(region.code)),
  ]);
  return { regionCode: region.code, ...settings, fromRegionCode, version: own.version };
}

/** `GET /api/reconciliation/settings`: a region in or above the actor's jurisdiction. */
export async function getReconciliationSettings(
  ctx: Ctx,
  regionCode: string | undefined,
): Promise<ReconciliationSettingsView> {
  const region = await regionByCode(ctx.db, regionCode ?? ctx.actor.regionCode);
  if (!seesRegionSettings(ctx.actor, region.path)) throw new AppError('NOT_FOUND');
  return settingsView(ctx, region);
}

/** `PUT /api/reconciliation/settings`: an office saves its own jurisdiction's thresholds (audited). */
export async function saveReconciliationSettings(
  ctx: Ctx,
  body: SaveReconciliationSettings,
): Promise<ReconciliationSettingsView> {
  const region = await regionByCode(ctx.db, body.regionCode ?? ctx.actor.regionCode);
  if (!pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  const settings = checkReconciliationSettings({
    gapPercent: body.gapPercent,
    gapMinWanYuan: body.gapMinWanYuan,
  });
  const before = await effectiveReconciliationSettings(ctx.db, region.path);
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, {
      key: settingKey(region.code),
      value: settings,
      version: body.version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'reconciliation.settings.update',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: {
        gapPercent: { before: before.settings.gapPercent, after: settings.gapPercent },
        gapMinWanYuan: { before: before.settings.gapMinWanYuan, after: settings.gapMinWanYuan },
      },
    });
  });
  return settingsView(ctx, region);
}
