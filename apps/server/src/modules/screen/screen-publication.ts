import type { ScreenPanel, ScreenPublication, UpdateScreenPublication } from '@tuijin/contracts';
import { AppError, authorize, parseQuarter } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { screenPublications } from '../../db/schema';
import { recordAudit } from '../audit';

type PublicationRow = typeof screenPublications.$inferSelect;

const panelColumns = {
  figures: 'showFigures',
  ranking: 'showRanking',
  redCounts: 'showRedCounts',
  map: 'showMap',
} as const satisfies Record<ScreenPanel, keyof PublicationRow>;

/** The panels a stored row publishes, in the screen's order. */
export const publishedPanels = (row: PublicationRow | undefined): ScreenPanel[] =>
  row ? (Object.keys(panelColumns) as ScreenPanel[]).filter((p) => row[panelColumns[p]]) : [];

/** The publishing settings of one region (nothing published until the office saves some). */
export async function loadScreenPublication(db: Queryable, regionCode: string): Promise<ScreenPublication> {
  const [row] = await db
    .select()
    .from(screenPublications)
    .where(eq(screenPublications.regionCode, regionCode));
  return {
    regionCode,
    panels: publishedPanels(row),
    quarter: row?.quarter ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** 发布设置 of the caller's own jurisdiction. */
export async function getScreenPublication(ctx: Ctx): Promise<ScreenPublication> {
  authorize(ctx.actor, 'cockpit.read');
  return loadScreenPublication(ctx.db, ctx.actor.regionCode);
}

/**
 * Saves which panels the jurisdiction's public screen shows (office only), with the audit event in
 * the same transaction; a stale version is CONFLICT.
 */
export async function updateScreenPublication(
  ctx: Ctx,
  input: UpdateScreenPublication,
): Promise<ScreenPublication> {
  authorize(ctx.actor, 'screen.publish');
  if (input.quarter !== null) parseQuarter(input.quarter);
  const regionCode = ctx.actor.regionCode;
  if (!regionCode) throw new AppError('NOT_FOUND');
  const panels = new Set(input.panels);
  return ctx.db.transaction(async (tx) => {
    const before = await loadScreenPublication(tx, regionCode);
    if (before.version !== input.version) throw new AppError('CONFLICT');
    const values = {
      showFigures: panels.has('figures'),
      showRanking: panels.has('ranking'),
      showRedCounts: panels.has('redCounts'),
      showMap: panels.has('map'),
      quarter: input.quarter,
      version: input.version + 1,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(screenPublications)
            .values({ regionCode, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(screenPublications)
            .set(values)
            .where(
              and(
                eq(screenPublications.regionCode, regionCode),
                eq(screenPublications.version, input.version),
              ),
            )
            .returning();
    if (saved.length === 0) throw new AppError('CONFLICT');
    const after = publishedPanels(saved[0]);
    await recordAudit(tx, ctx, {
      action: 'screen.publish',
      entityType: 'screenPublication',
      entityId: regionCode,
      regionPath: ctx.actor.regionPath,
      changes: {
        panels: { before: before.panels, after },
        quarter: { before: before.quarter, after: input.quarter },
      },
    });
    return {
      regionCode,
      panels: after,
      quarter: input.quarter,
      version: input.version + 1,
      updatedAt: values.updatedAt.toISOString(),
    };
  });
}
