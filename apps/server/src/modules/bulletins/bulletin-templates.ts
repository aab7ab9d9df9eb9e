import type {
  BulletinKind,
  BulletinTemplate,
  BulletinTemplateView,
  SaveBulletinTemplate,
} from '@tuijin/contracts';
import {
  AppError,
  authorize,
  bulletinPlaceholders,
  bulletinTemplateProblems,
  completeBulletinTemplate,
  defaultBulletinTemplate,
} from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { bulletinTemplates } from '../../db/schema';
import { regionByCode } from '../../lib/region-lookup';
import { regionOffice } from '../../lib/region-office';
import { recordAudit, updateVersioned } from '../audit';

/** The jurisdiction a person issues bulletins for: their own region (an office writes its own). */
export async function bulletinRegion(ctx: Pick<Ctx, 'db' | 'actor'>) {
  authorize(ctx.actor, 'bulletin.manage');
  if (ctx.actor.organisationKind !== 'office')
    throw new AppError('FORBIDDEN', '只有重点办可以编写和签发通报');
  return regionByCode(ctx.db, ctx.actor.regionCode);
}

/**
 * The template a region's bulletins of a kind use: its own, else the built-in one with the region's
 * office as issuer and its first character as the 文号 prefix (宁德市 → 宁重点办通报).
 */
export async function templateFor(
  db: Queryable,
  region: { code: string; name: string; path: string },
  kind: BulletinKind,
): Promise<{ template: BulletinTemplate; version: number | null }> {
  const [row] = await db
    .select()
    .from(bulletinTemplates)
    .where(and(eq(bulletinTemplates.regionCode, region.code), eq(bulletinTemplates.kind, kind)));
  if (row) return { template: completeBulletinTemplate(row.body as BulletinTemplate), version: row.version };
  const office = await regionOffice(db, region.path);
  const template = defaultBulletinTemplate(kind, {
    issuer: office?.name ?? `${region.name}重点项目建设办公室`,
    prefix: `${region.name.slice(0, 1)}重点办通报`,
  });
  return { template, version: null };
}

const view = (regionCode: string, found: { template: BulletinTemplate; version: number | null }) => ({
  regionCode,
  template: found.template,
  isDefault: found.version === null,
  version: found.version,
  placeholders: [...bulletinPlaceholders],
});

export async function getBulletinTemplate(ctx: Ctx, kind: BulletinKind): Promise<BulletinTemplateView> {
  authorize(ctx.actor, 'bulletin.read');
  const region = await regionByCode(ctx.db, ctx.actor.regionCode);
  return view(region.code, await templateFor(ctx.db, region, kind));
}

/**
 * Saves the office's template of a kind as a whole (version null for the first save over the
 * built-in one); a wrong placeholder, a missing title or a repeated section is refused on its field.
 */
export async function saveBulletinTemplate(
  ctx: Ctx,
  kind: BulletinKind,
  input: SaveBulletinTemplate,
): Promise<BulletinTemplateView> {
  const region = await bulletinRegion(ctx);
  const template = { ...input.template, kind };
  const problems = bulletinTemplateProblems(template);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `通报模板有误：${problems.map((p) => p.message).join('；')}`,
      problems.map((p) => ({ path: `template.${p.field}`, message: p.message })),
    );
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const audit = {
      action: 'bulletinTemplate.save' as const,
      entityType: 'bulletin_template',
      regionPath: region.path,
      detail: {
        kind,
        title: template.title,
        sections: template.sections.filter((s) => s.enabled).map((s) => s.key),
      },
    };
    if (input.version === null) {
      const [row] = await tx
        .insert(bulletinTemplates)
        .values({
          regionCode: region.code,
          kind,
          body: template,
          updatedBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('CONFLICT', '模板已被他人保存，请刷新后再改');
      await recordAudit(tx, ctx, { ...audit, entityId: row.id });
      return;
    }
    await updateVersioned(tx, ctx, {
      table: bulletinTemplates,
      where: and(eq(bulletinTemplates.regionCode, region.code), eq(bulletinTemplates.kind, kind)),
      version: input.version,
      set: { body: template, updatedBy: ctx.actor.userId, updatedAt: now },
      audit: (row) => ({ ...audit, entityId: row.id }),
      conflict: '模板已被他人修改，请刷新后再改',
    });
  });
  return view(region.code, await templateFor(ctx.db, region, kind));
}
