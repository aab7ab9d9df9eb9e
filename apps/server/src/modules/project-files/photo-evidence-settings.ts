import type { PhotoEvidenceSettingsView, SavePhotoEvidenceSettings } from '@tuijin/contracts';
import {
  AppError,
  checkPhotoEvidenceSettings,
  defaultPhotoEvidenceSettings,
  type PhotoEvidenceSettings,
  pathInSubtree,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regionByCode, seesRegionSettings } from '../../lib/region-lookup';
import { readSetting, writeSetting } from '../../lib/settings-store';
import { recordAudit } from '../audit';

const settingKey = (regionCode: string) => `photoEvidence.${regionCode}`;

function readStored(value: unknown): PhotoEvidenceSettings | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<PhotoEvidenceSettings>;
  return typeof v.maxDistanceKm === 'number' ? { maxDistanceKm: v.maxDistanceKm } : null;
}

/**
 * The photo distance threshold that applies in a region: its own saved one, else the nearest
 * ancestor's (a city's applies to its counties until a county saves its own), else 5 km.
 */
export async function effectivePhotoEvidenceSettings(
  db: Queryable,
  regionPath: string,
): Promise<{ settings: PhotoEvidenceSettings; fromRegionCode: string | null }> {
  for (const code of regionPath.split('.').reverse()) {
    const stored = readStored((await readSetting(db, settingKey(code))).value);
    if (stored) return { settings: stored, fromRegionCode: code };
  }
  return { settings: defaultPhotoEvidenceSettings, fromRegionCode: null };
}

async function settingsView(
  ctx: Pick<Ctx, 'db'>,
  region: { code: string; path: string },
): Promise<PhotoEvidenceSettingsView> {
  const [{ settings, fromRegionCode }, own] = await Promise.all([
    effectivePhotoEvidenceSettings(ctx.db, region.path),
    readSetting(ctx.db, settingKey(region.code)),
  ]);
  return { regionCode: region.code, ...settings, fromRegionCode, version: own.version };
}

/** `GET /api/photo-evidence/settings`: a region in or above the actor's jurisdiction. */
export async function getPhotoEvidenceSettings(
  ctx: Ctx,
  regionCode: string | undefined,
): Promise<PhotoEvidenceSettingsView> {
  const region = await regionByCode(ctx.db, regionCode ?? ctx.actor.regionCode);
  if (!seesRegionSettings(ctx.actor, region.path)) throw new AppError('NOT_FOUND');
  return settingsView(ctx, region);
}

/** `PUT /api/photo-evidence/settings`: an office saves its own jurisdiction's threshold (audited). */
export async function savePhotoEvidenceSettings(
  ctx: Ctx,
  body: SavePhotoEvidenceSettings,
): Promise<PhotoEvidenceSettingsView> {
  const region = await regionByCode(ctx.db, body.regionCode ?? ctx.actor.regionCode);
  if (!pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  const settings = checkPhotoEvidenceSettings({ maxDistanceKm: body.maxDistanceKm });
  const before = await effectivePhotoEvidenceSettings(ctx.db, region.path);
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, {
      key: settingKey(region.code),
      value: settings,
      version: body.version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'photoEvidence.settings.update',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: { maxDistanceKm: { before: before.settings.maxDistanceKm, after: settings.maxDistanceKm } },
    });
  });
  return settingsView(ctx, region);
}
