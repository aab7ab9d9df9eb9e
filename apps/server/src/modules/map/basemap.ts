import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BasemapSettingView, MapBasemap, UpdateBasemapSetting } from '@tuijin/contracts';
import { fileRoutes } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  Basemap,
  basemapProblems,
  defaultBasemap,
  tileInRange,
  tileServiceUrl,
} from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { readSetting, writeSetting } from '../../lib/settings-store';
import { diffChanges, recordAudit } from '../audit';

export const basemapKey = 'map_basemap';

/** The basemap in force (the default — none — until the system admin saves one) and its version. */
export async function getBasemap(db: Queryable): Promise<Basemap & { version: number }> {
  const { value, version } = await readSetting(db, basemapKey);
  const parsed = Basemap.safeParse({ ...defaultBasemap, ...(value as object | null) });
  return { ...(parsed.success ? parsed.data : defaultBasemap), version };
}

export function presentBasemapSetting(basemap: Basemap & { version: number }): BasemapSettingView {
  const { token, ...rest } = basemap;
  return { ...rest, hasToken: Boolean(token) };
}

/** The map page's view: a basemap only when one is configured, always through this server's tile route. */
export function presentMapBasemap(basemap: Basemap): MapBasemap {
  const isConfigured = basemap.source !== 'none';
  return {
    isConfigured,
    tileUrl: isConfigured
      ? fileRoutes.mapTile.replace(':z', '{z}').replace(':x', '{x}').replace(':y', '{y}')
      : null,
    minZoom: basemap.minZoom,
    maxZoom: basemap.maxZoom,
    attribution: basemap.attribution,
  };
}

/**
 * Saves the basemap setting (system admin, `settings.manage`), checked field by field; the key is
 * kept when the form leaves it out and never written to the audit log (only that it changed). One
 * transaction with its `settings.basemap.update` audit event; a stale version is a CONFLICT.
 */
export async function updateBasemap(ctx: Ctx, input: UpdateBasemapSetting) {
  authorize(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const current = await getBasemap(tx);
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const { version, token, ...fields } = input;
    const next: Basemap = { ...fields, token: token === undefined ? current.token : token || null };
    const problems = basemapProblems(next);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
    const saved = await writeSetting(tx, {
      key: basemapKey,
      value: next,
      version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    const mask = (b: Basemap) => ({ ...b, token: b.token ? '***' : null });
    const changes = diffChanges(mask(current), mask(next));
    if (current.token && next.token && current.token !== next.token)
      changes.token = { before: '***', after: '***(新)' };
    await recordAudit(tx, ctx, {
      action: 'settings.basemap.update',
      entityType: 'setting',
      entityId: basemapKey,
      changes,
    });
    return presentBasemapSetting({ ...next, version: saved });
  });
}

/** One tile's bytes and media type. */
export interface Tile {
  body: Buffer | Readable;
  contentType: string;
}

/** Fetches one upstream tile; the default uses `fetch` with a 10-second timeout. */
export type TileFetcher = (url: string) => Promise<{ ok: boolean; contentType: string | null; body: Buffer }>;

export const fetchTile: TileFetcher = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
  return {
    ok: response.ok,
    contentType: response.headers.get('content-type'),
    body: Buffer.from(await response.arrayBuffer()),
  };
};

const localExtensions = [
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['webp', 'image/webp'],
] as const;

/**
 * One tile of the configured basemap: read from the offline package (`<tilesDir>/{z}/{x}/{y}.png`,
 * or .jpg/.webp; the path is built from integers only, so nothing outside the directory is reachable)
 * or relayed from the tile service with the key added here. NOT_FOUND when no basemap is configured,
 * the tile is outside the zoom range or missing; UNAVAILABLE when the service does not answer with
 * an image.
 */
export async function readTile(
  basemap: Basemap,
  address: { z: number; x: number; y: number },
  options: { tilesDir: string | null; fetchTile: TileFetcher },
): Promise<Tile> {
  const { z, x, y } = address;
  if (basemap.source === 'none' || !tileInRange(basemap, z, x, y)) throw new AppError('NOT_FOUND');
  if (basemap.source === 'local') {
    if (!options.tilesDir) throw new AppError('NOT_FOUND');
    for (const [extension, contentType] of localExtensions) {
      const path = join(options.tilesDir, String(z), String(x), `${y}.${extension}`);
      if (existsSync(path)) return { body: createReadStream(path), contentType };
    }
    throw new AppError('NOT_FOUND');
  }
  const upstream = await options.fetchTile(tileServiceUrl(basemap, z, x, y)).catch(() => null);
  const contentType = upstream?.contentType?.split(';')[0]?.trim() ?? '';
  if (!upstream?.ok || !/^image\/(png|jpeg|webp)$/.test(contentType)) {
    throw new AppError('UNAVAILABLE', '底图服务暂时无法访问');
  }
  return { body: upstream.body, contentType };
}
