import type {
  Bulletin,
  BulletinListQuery,
  BulletinSectionKey,
  BulletinSnapshot,
  BulletinSummary,
  BulletinTemplate,
  CreateBulletin,
} from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  bulletinKindNames,
  bulletinTransitions,
  chinaDate,
  fillPlaceholders,
  isPublicBulletinSection,
  isSystemActor,
  parseBulletinPeriod,
  pathInSubtree,
  transitionBulletin,
} from '@tuijin/domain';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { analyticsCtx, type Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  bulletinFiles,
  bulletinReceipts,
  bulletinSequences,
  bulletins,
  organisations,
  regions,
} from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';
import { takeBulletinSnapshot } from './bulletin-snapshot';
import { bulletinRegion, templateFor } from './bulletin-templates';

export type BulletinRow = typeof bulletins.$inferSelect;

/** How the actor stands to a bulletin: its own region's, a region's below (issued only), or received from above. */
function relationOf(actor: Actor, row: BulletinRow): 'own' | 'below' | 'received' | null {
  if (row.regionCode === actor.regionCode) return 'own';
  if (row.status !== 'issued') return null;
  if (pathInSubtree(row.regionPath, actor.regionPath)) return 'below';
  if (pathInSubtree(actor.regionPath, row.regionPath)) return 'received';
  return null;
}

/** A bulletin the actor may read, with how they stand to it; NOT_FOUND otherwise (never "forbidden"). */
export async function visibleBulletin(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  authorize(ctx.actor, 'bulletin.read');
  const [row] = await ctx.db.select().from(bulletins).where(eq(bulletins.id, id));
  const relation = row ? relationOf(ctx.actor, row) : null;
  if (!row || !relation) throw new AppError('NOT_FOUND', '通报不存在');
  return { row, relation };
}

/** The sections as they read: numbered 一、二、… in the template's order, lead sentences filled. */
export function renderedSections(template: BulletinTemplate, snapshot: BulletinSnapshot) {
  const values = snapshot.values;
  const ordinal = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return template.sections
    .filter((s) => s.enabled)
    .map((s, i) => ({
      key: s.key,
      heading: `${ordinal[i] ?? i + 1}、${s.title}`,
      lead: fillPlaceholders(s.lead, values),
    }));
}

const mayEdit = (actor: Actor, row: BulletinRow) =>
  row.regionCode === actor.regionCode &&
  actor.organisationKind === 'office' &&
  actor.roles.includes('office_staff');

/** The account recorded as having done something: none for the scheduled 一日一通报 (the system). */
export const personOf = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId);

/** Who may sign off: the template's role, in the issuing region. */
const mayReview = (actor: Actor, row: BulletinRow) => {
  if (row.status !== 'draft' || row.regionCode !== actor.regionCode) return false;
  const role = (row.template as BulletinTemplate).signoffRole;
  return role === 'leader' ? actor.roles.includes('leader') : mayEdit(actor, row);
};

function summary(row: BulletinRow, regionName: string, actor: Actor, readAt: Date | null): BulletinSummary {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName,
    kind: row.kind,
    period: row.period,
    title: row.title,
    status: row.status,
    serial: row.serial,
    issuedOn: row.issuedOn,
    issuedByName: row.issuedByName,
    generatedAt: row.generatedAt.toISOString(),
    isReceived: relationOf(actor, row) === 'received',
    readAt: readAt?.toISOString() ?? null,
    publicSections: (row.publicSections as BulletinSectionKey[] | null) ?? null,
  };
}

/** The whole bulletin as the page shows it. */
export async function presentBulletin(ctx: Pick<Ctx, 'db' | 'actor'>, row: BulletinRow): Promise<Bulletin> {
  const [region] = await ctx.db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, row.regionCode));
  const [files, receipts] = await Promise.all([
    ctx.db
      .select({
        format: bulletinFiles.format,
        sizeBytes: bulletinFiles.sizeBytes,
        sha256: bulletinFiles.sha256,
      })
      .from(bulletinFiles)
      .where(eq(bulletinFiles.bulletinId, row.id))
      .orderBy(bulletinFiles.format),
    ctx.db
      .select({
        organisationId: bulletinReceipts.organisationId,
        organisationName: organisations.name,
        readByName: bulletinReceipts.readByName,
        readAt: bulletinReceipts.readAt,
      })
      .from(bulletinReceipts)
      .innerJoin(organisations, eq(organisations.id, bulletinReceipts.organisationId))
      .where(eq(bulletinReceipts.bulletinId, row.id))
      .orderBy(bulletinReceipts.readAt),
  ]);
  const template = row.template as BulletinTemplate;
  const snapshot = row.snapshot as BulletinSnapshot;
  const mine = receipts.find((r) => r.organisationId === ctx.actor.organisationId);
  const editable = mayEdit(ctx.actor, row) && row.status !== 'issued';
  return {
    ...summary(row, region?.name ?? '', ctx.actor, mine?.readAt ?? null),
    template,
    snapshot,
    sections: renderedSections(template, snapshot),
    closing: fillPlaceholders(template.closing, snapshot.values),
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    files,
    receipts: receipts.map((r) => ({
      organisationName: r.organisationName,
      readByName: r.readByName,
      readAt: r.readAt.toISOString(),
    })),
    version: row.version,
    canEdit: editable,
    canReview: mayReview(ctx.actor, row),
    canIssue: editable && row.status === 'reviewed',
  };
}

/**
 * 通报列表: the actor's own region's bulletins (every status), the issued ones of the regions below, and
 * the issued ones of the regions above (收文, with this organisation's first reading), newest first.
 */
export async function listBulletins(
  ctx: Ctx,
  query: BulletinListQuery,
): Promise<{ data: BulletinSummary[] }> {
  authorize(ctx.actor, 'bulletin.read');
  const ancestors = ctx.actor.regionPath
    .split('.')
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  const visible = or(
    eq(bulletins.regionCode, ctx.actor.regionCode),
    and(
      eq(bulletins.status, 'issued'),
      or(
        inRegionSubtree(bulletins.regionPath, ctx.actor.regionPath),
        ancestors.length > 0 ? inArray(bulletins.regionPath, ancestors) : sql`false`,
      ),
    ),
  );
  const rows = await ctx.db
    .select({ row: bulletins, regionName: regions.name, readAt: bulletinReceipts.readAt })
    .from(bulletins)
    .innerJoin(regions, eq(regions.code, bulletins.regionCode))
    .leftJoin(
      bulletinReceipts,
      and(
        eq(bulletinReceipts.bulletinId, bulletins.id),
        eq(bulletinReceipts.organisationId, ctx.actor.organisationId),
      ),
    )
    .where(
      and(
        visible,
        query.kind ? eq(bulletins.kind, query.kind) : undefined,
        query.status ? eq(bulletins.status, query.status) : undefined,
        query.year ? eq(bulletins.year, query.year) : undefined,
        query.q
          ? sql`(${bulletins.title} like ${`%${query.q}%`} or coalesce(${bulletins.serial}, '') like ${`%${query.q}%`})`
          : undefined,
      ),
    )
    .orderBy(desc(bulletins.periodEnd), desc(bulletins.generatedAt))
    .limit(500);
  return { data: rows.map((r) => summary(r.row, r.regionName, ctx.actor, r.readAt)) };
}

function periodOrRefuse(input: CreateBulletin, today: string) {
  const period = parseBulletinPeriod(input.kind, input.period);
  const formats = { monthly: '2026-10', weekly: '2026-W45', daily: '2026-12-04' } as const;
  if (!period)
    throw new AppError(
      'VALIDATION_FAILED',
      `${bulletinKindNames[input.kind]}的期间应写作 ${formats[input.kind]}`,
      [{ path: 'period', message: `期间格式应为 ${formats[input.kind]}` }],
    );
  const unfinished = input.kind === 'monthly' ? period.end >= today : period.start > today;
  if (unfinished)
    throw new AppError(
      'VALIDATION_FAILED',
      `${period.label}尚未结束，不能生成${bulletinKindNames[input.kind]}`,
      [{ path: 'period', message: '期间尚未结束' }],
    );
  return period;
}

/** 生成通报: a draft of the office's own jurisdiction for a period, from its template and the data now. */
export async function createBulletin(ctx: Ctx, input: CreateBulletin): Promise<Bulletin> {
  const region = await bulletinRegion(ctx);
  const period = periodOrRefuse(input, chinaDate(ctx.clock.now()));
  const [existing] = await ctx.db
    .select({ id: bulletins.id, title: bulletins.title })
    .from(bulletins)
    .where(
      and(
        eq(bulletins.regionCode, region.code),
        eq(bulletins.kind, input.kind),
        eq(bulletins.period, input.period),
      ),
    );
  if (existing)
    throw new AppError('CONFLICT', `本期通报已生成：${existing.title}`, [
      { path: 'period', message: '本期已有通报' },
    ]);
  const { template } = await templateFor(ctx.db, region, input.kind);
  const snapshot = await takeBulletinSnapshot(analyticsCtx(ctx), region, period);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bulletins)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        kind: input.kind,
        period: period.period,
        periodStart: period.start,
        periodEnd: period.end,
        title: fillPlaceholders(template.title, snapshot.values),
        status: 'draft',
        template,
        snapshot,
        generatedAt: now,
        generatedByName: ctx.actor.displayName,
        year: period.year,
        createdBy: personOf(ctx.actor),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw new AppError('CONFLICT', '本期通报已由他人生成，请刷新', [
        { path: 'period', message: '本期已有通报' },
      ]);
    await recordAudit(tx, ctx, {
      action: 'bulletin.generate',
      entityType: 'bulletin',
      entityId: created.id,
      regionPath: region.path,
      detail: { kind: input.kind, period: period.period, title: created.title },
    });
    return created;
  });
  return presentBulletin(ctx, row);
}

/** Opens a bulletin; an office below the issuer reading an issued one for the first time records its receipt. */
export async function getBulletin(ctx: Ctx, id: string): Promise<Bulletin> {
  const { row, relation } = await visibleBulletin(ctx, id);
  if (relation === 'received' && ctx.actor.organisationKind === 'office') {
    await ctx.db.transaction(async (tx) => {
      const [receipt] = await tx
        .insert(bulletinReceipts)
        .values({
          bulletinId: row.id,
          organisationId: ctx.actor.organisationId,
          readByName: ctx.actor.displayName,
          readAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (receipt)
        await recordAudit(tx, ctx, {
          action: 'bulletin.receive',
          entityType: 'bulletin',
          entityId: row.id,
          regionPath: ctx.actor.regionPath,
          detail: { serial: row.serial, title: row.title },
        });
    });
  }
  return presentBulletin(ctx, row);
}

/** A bulletin of the office's own region it may still change; FORBIDDEN for anyone else who can see it. */
export async function editableBulletin(ctx: Ctx, id: string) {
  const { row } = await visibleBulletin(ctx, id);
  if (!mayEdit(ctx.actor, row)) throw new AppError('FORBIDDEN', '只有本级重点办可以处理本通报');
  return row;
}

/** 刷新数据: a new snapshot from today's data and the current template; a reviewed bulletin goes back to draft. */
export async function refreshBulletin(ctx: Ctx, id: string, version: number): Promise<Bulletin> {
  const row = await editableBulletin(ctx, id);
  const refreshed = transitionBulletin(row.status, 'refresh')!;
  const region = {
    code: row.regionCode,
    name: (row.snapshot as BulletinSnapshot).regionName,
    path: row.regionPath,
  };
  const period = parseBulletinPeriod(row.kind, row.period)!;
  const { template } = await templateFor(ctx.db, region, row.kind);
  const snapshot = await takeBulletinSnapshot(analyticsCtx(ctx), region, period);
  const saved = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: bulletins,
      where: and(eq(bulletins.id, id), inArray(bulletins.status, bulletinTransitions.refresh.from)),
      version,
      set: {
        template,
        snapshot,
        title: fillPlaceholders(template.title, snapshot.values),
        status: refreshed,
        reviewedBy: null,
        reviewedByName: null,
        reviewedAt: null,
        generatedAt: ctx.clock.now(),
        generatedByName: ctx.actor.displayName,
        updatedAt: ctx.clock.now(),
      },
      audit: (r) => ({
        action: 'bulletin.refresh',
        entityType: 'bulletin',
        entityId: r.id,
        regionPath: r.regionPath,
        detail: { period: r.period, wasReviewed: row.status === 'reviewed' },
      }),
      conflict: '通报已被他人处理，请刷新后再试',
    }),
  );
  return presentBulletin(ctx, saved);
}

/** 审核: the role the template names signs the draft off; only a reviewed bulletin can be issued. */
export async function reviewBulletin(ctx: Ctx, id: string, version: number): Promise<Bulletin> {
  authorize(ctx.actor, 'bulletin.review');
  const { row } = await visibleBulletin(ctx, id);
  if (!mayReview(ctx.actor, row)) {
    transitionBulletin(row.status, 'review');
    const role = (row.template as BulletinTemplate).signoffRole === 'leader' ? '分管领导' : '本级重点办';
    throw new AppError('FORBIDDEN', `本通报由${role}审核`);
  }
  const saved = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: bulletins,
      where: and(eq(bulletins.id, id), inArray(bulletins.status, bulletinTransitions.review.from)),
      version,
      set: {
        status: transitionBulletin(row.status, 'review')!,
        reviewedBy: personOf(ctx.actor),
        reviewedByName: ctx.actor.displayName,
        reviewedAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      },
      audit: (r) => ({
        action: 'bulletin.review',
        entityType: 'bulletin',
        entityId: r.id,
        regionPath: r.regionPath,
        detail: { title: r.title },
      }),
      conflict: '通报已被他人处理，请刷新后再试',
    }),
  );
  return presentBulletin(ctx, saved);
}

/** The next 文号 of a region and year, inside the caller's transaction. */
export async function nextBulletinNumber(tx: Queryable, regionCode: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(bulletinSequences)
    .values({ regionCode, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [bulletinSequences.regionCode, bulletinSequences.year],
      set: { lastNumber: sql`${bulletinSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: bulletinSequences.lastNumber });
  return row!.lastNumber;
}

const publicOnlyAggregates = '公开大屏只能晾晒汇总数据：总体情况、各地进展及排名、红黑榜';

/** 晾晒: which sections of an issued bulletin the public screen shows (null takes it down). */
export async function publishBulletin(
  ctx: Ctx,
  id: string,
  input: { version: number; publicSections: BulletinSectionKey[] | null },
): Promise<Bulletin> {
  const row = await editableBulletin(ctx, id);
  if (row.status !== 'issued') throw new AppError('CONFLICT', '只有已签发的通报可以在公开大屏晾晒');
  const sections = input.publicSections === null ? null : [...new Set(input.publicSections)];
  if (sections?.some((key) => !isPublicBulletinSection(key)))
    throw new AppError('VALIDATION_FAILED', publicOnlyAggregates, [
      { path: 'publicSections', message: publicOnlyAggregates },
    ]);
  const saved = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: bulletins,
      where: eq(bulletins.id, id),
      version: input.version,
      set: { publicSections: sections, updatedAt: ctx.clock.now() },
      audit: (r) => ({
        action: 'bulletin.publish',
        entityType: 'bulletin',
        entityId: r.id,
        regionPath: r.regionPath,
        detail: { serial: r.serial, publicSections: sections },
      }),
      conflict: '通报已被他人处理，请刷新后再试',
    }),
  );
  return presentBulletin(ctx, saved);
}

/** Deletes a bulletin not yet issued (an issued one is archived for good). */
export async function deleteBulletin(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const row = await editableBulletin(ctx, id);
  transitionBulletin(row.status, 'remove');
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(bulletins)
      .where(and(eq(bulletins.id, id), inArray(bulletins.status, bulletinTransitions.remove.from)))
      .returning({ id: bulletins.id });
    if (removed.length === 0) throw new AppError('CONFLICT', '通报已被他人处理，请刷新后再试');
    await recordAudit(tx, ctx, {
      action: 'bulletin.delete',
      entityType: 'bulletin',
      entityId: id,
      regionPath: row.regionPath,
      detail: { title: row.title, period: row.period },
    });
  });
  return { ok: true };
}
