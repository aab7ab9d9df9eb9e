import { createHash } from 'node:crypto';
import type { Bulletin, BulletinFormat, BulletinSnapshot, BulletinTemplate } from '@tuijin/contracts';
import {
  AppError,
  bulletinSerial,
  bulletinTransitions,
  chinaDate,
  fillPlaceholders,
  transitionBulletin,
} from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { bulletinFiles, bulletins, organisations, users } from '../../db/schema';
import type { FileStore } from '../../lib/file-store';
import { updateVersioned } from '../audit';
import { notify } from '../notifications';
import {
  type BulletinRow,
  createBulletin,
  editableBulletin,
  nextBulletinNumber,
  personOf,
  presentBulletin,
  refreshBulletin,
  renderedSections,
  visibleBulletin,
} from './bulletins';
import { type BulletinDocument, renderBulletinAnnex, renderBulletinDocx, renderBulletinPdf } from './render';

export const bulletinFormats: BulletinFormat[] = ['docx', 'pdf', 'xlsx'];

export const bulletinContentTypes: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the renderers draw from: the row's frozen snapshot and template, the 文号 and date it bears. */
export function bulletinDocument(row: BulletinRow): BulletinDocument {
  const template = row.template as BulletinTemplate;
  const snapshot = row.snapshot as BulletinSnapshot;
  return {
    title: row.title,
    serial: row.serial,
    issuer: template.issuer,
    addressee: template.addressee,
    dated: row.issuedOn ?? chinaDate(new Date(snapshot.takenAt)),
    sections: renderedSections(template, snapshot),
    closing: fillPlaceholders(template.closing, snapshot.values),
    snapshot,
  };
}

export function renderBulletinFile(document: BulletinDocument, format: BulletinFormat): Promise<Buffer> {
  if (format === 'docx') return renderBulletinDocx(document);
  if (format === 'pdf') return renderBulletinPdf(document);
  return renderBulletinAnnex(document);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * 签发: a reviewed bulletin gets its 文号 (the issuing year's next number), its files are rendered
 * once from the frozen snapshot and kept with their SHA-256, and the offices of the regions directly
 * below are told (收文). Later corrections to reports never change what was issued.
 */
export async function issueBulletin(
  ctx: Ctx,
  id: string,
  version: number,
  store: FileStore,
): Promise<Bulletin> {
  const row = await editableBulletin(ctx, id);
  const issuedStatus = transitionBulletin(row.status, 'issue')!;
  const now = ctx.clock.now();
  const issuedOn = chinaDate(now);
  const year = Number(issuedOn.slice(0, 4));
  const template = row.template as BulletinTemplate;
  const stored: string[] = [];
  try {
    const saved = await ctx.db.transaction(async (tx) => {
      const number = await nextBulletinNumber(tx, row.regionCode, year);
      const serial = bulletinSerial(template.numberPrefix, year, number);
      const issued = await updateVersioned(tx, ctx, {
        table: bulletins,
        where: and(eq(bulletins.id, id), inArray(bulletins.status, bulletinTransitions.issue.from)),
        version,
        set: {
          status: issuedStatus,
          serial,
          serialNumber: number,
          issuedAt: now,
          issuedOn,
          issuedBy: personOf(ctx.actor),
          issuedByName: ctx.actor.displayName,
          updatedAt: now,
        },
        audit: (r) => ({
          action: 'bulletin.issue',
          entityType: 'bulletin',
          entityId: r.id,
          regionPath: r.regionPath,
          detail: { serial, title: r.title, period: r.period },
        }),
        conflict: '通报已被他人处理，请刷新后再试',
      });
      const document = bulletinDocument(issued);
      for (const format of bulletinFormats) {
        const bytes = await renderBulletinFile(document, format);
        const storedName = await store.put(bytes, format);
        stored.push(storedName);
        await tx.insert(bulletinFiles).values({
          bulletinId: id,
          format,
          storedName,
          sizeBytes: bytes.length,
          sha256: sha256(bytes),
          createdAt: now,
        });
      }
      await tellOfficesBelow(tx, issued, now);
      return issued;
    });
    return presentBulletin(ctx, saved);
  } catch (error) {
    for (const name of stored) await store.remove(name);
    throw error;
  }
}

/** 收文: every active user of an office of the regions directly below the issuer is notified. */
async function tellOfficesBelow(tx: Queryable, row: BulletinRow, now: Date) {
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.isActive, true),
        eq(organisations.kind, 'office'),
        sql`${organisations.regionPath} like ${`${row.regionPath}.%`}`,
        sql`${organisations.regionPath} not like ${`${row.regionPath}.%.%`}`,
      ),
    );
  await notify(
    tx,
    now,
    recipients.map((r) => r.id),
    {
      kind: 'bulletin.issued',
      params: { serial: row.serial ?? '', title: row.title },
      link: `/bulletins/${row.id}`,
      dedupeKey: `bulletin.issued:${row.id}`,
    },
  );
}

/**
 * A file of a bulletin the actor may read: an issued bulletin's kept bytes, or a draft rendered now
 * (marked 草稿, no 文号). Answers a name for the download and either a stream or bytes.
 */
export async function openBulletinFile(ctx: Ctx, id: string, format: BulletinFormat, store: FileStore) {
  const { row } = await visibleBulletin(ctx, id);
  const name = `${row.serial ?? `${row.title}（草稿）`}.${format}`;
  if (row.status !== 'issued')
    return { name, bytes: await renderBulletinFile(bulletinDocument(row), format) };
  const [file] = await ctx.db
    .select()
    .from(bulletinFiles)
    .where(and(eq(bulletinFiles.bulletinId, id), inArray(bulletinFiles.format, [format])));
  if (!file || !(await store.exists(file.storedName))) throw new AppError('NOT_FOUND', '通报文件不存在');
  return { name, stream: store.open(file.storedName), size: file.sizeBytes };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * The command line's 通报: the period's bulletin of the actor's jurisdiction — generated if there is
 * none, refreshed from today's data while not issued, the kept files once issued — and its files.
 */
export async function generateBulletinFiles(
  ctx: Ctx,
  input: { kind: Bulletin['kind']; period: string },
  formats: BulletinFormat[],
  store: FileStore,
): Promise<{ bulletin: Bulletin; files: Partial<Record<BulletinFormat, Buffer>> }> {
  const [existing] = await ctx.db
    .select()
    .from(bulletins)
    .where(
      and(
        eq(bulletins.regionCode, ctx.actor.regionCode),
        eq(bulletins.kind, input.kind),
        eq(bulletins.period, input.period),
      ),
    );
  const bulletin = !existing
    ? await createBulletin(ctx, input)
    : existing.status === 'issued'
      ? await presentBulletin(ctx, existing)
      : await refreshBulletin(ctx, existing.id, existing.version);
  const files: Partial<Record<BulletinFormat, Buffer>> = {};
  for (const format of formats) {
    const file = await openBulletinFile(ctx, bulletin.id, format, store);
    files[format] = 'bytes' in file ? file.bytes : await readAll(file.stream);
  }
  return { bulletin, files };
}
