import { createHash } from 'node:crypto';
import {
  AppError,
  allowsFileType,
  authorize,
  can,
  type ErrorDetail,
  editsAsOwnerOnly,
  type FileRefusal,
  fileRefusalMessage,
  type UploadPurpose,
} from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { monthlyReports, projectFiles } from '../../db/schema';
import { cleanFileName } from '../../lib/file-names';
import { type SniffedType, sniffFileType } from '../../lib/file-sniff';
import type { FileStore } from '../../lib/file-store';
import { fileThreat } from '../../lib/file-threats';
import { isPolyglot } from '../../lib/polyglot';
import { recordAudit } from '../audit';
import { getProject } from '../projects';

export const maxFileBytes = 20 * 1024 * 1024;
export const maxFilesPerUpload = 10;

export interface IncomingFile {
  originalName: string;
  bytes: Buffer;
  /** True when the upload stream stopped at the size cap. */
  truncated: boolean;
}

interface PhotoFacts {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  thumbnail: Buffer;
}

/** Decodes a photo: a 320-px JPEG thumbnail, and when and where it was taken if the file says so. */
async function examinePhoto(bytes: Buffer): Promise<PhotoFacts | null> {
  try {
    const thumbnail = await sharp(bytes)
      .rotate()
      .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    const exif = await exifr.parse(bytes, { gps: true }).catch(() => null);
    const raw = await exifr
      .parse(bytes, { pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal'], reviveValues: false })
      .catch(() => null);
    const takenAt = exifLocalTime(raw?.DateTimeOriginal ?? raw?.CreateDate, raw?.OffsetTimeOriginal);
    return {
      thumbnail,
      takenAt,
      latitude: typeof exif?.latitude === 'number' ? Number(exif.latitude.toFixed(6)) : null,
      longitude: typeof exif?.longitude === 'number' ? Number(exif.longitude.toFixed(6)) : null,
    };
  } catch {
    return null;
  }
}

/**
 * An EXIF time (`2026:03:18 10:24:00`, local to the camera) as an instant: with the photo's own
 * offset when it records one, else Beijing time (UTC+8), where the platform's sites are.
 */
export function exifLocalTime(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00';
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A file that passed {@link vetFiles}: its cleaned name, bytes, sniffed type and photo facts. */
export interface VettedFile {
  originalName: string;
  bytes: Buffer;
  type: SniffedType;
  photo: PhotoFacts | null;
}

/**
 * Checks an upload before anything is stored: at least one file and at most
 * {@link maxFilesPerUpload}; each within the size cap, free of macros, embedded programs and
 * decompression bombs (every archive member inflated and counted), of a type the purpose allows
 * (by its bytes, see `uploadPurposes`), not also another kind of file (a polyglot), a photo that
 * decodes. File names lose control and bidi characters and are capped in length (`cleanFileName`). Throws VALIDATION_FAILED naming every refused file and why (`issue` file.<reason>),
 * so none of the upload is kept.
 */
export async function vetFiles(files: IncomingFile[], purpose: UploadPurpose): Promise<VettedFile[]> {
  if (files.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', [{ path: 'files', message: '没有文件' }]);
  if (files.length > maxFilesPerUpload) {
    throw new AppError('VALIDATION_FAILED', `一次最多上传 ${maxFilesPerUpload} 个文件`, [
      { path: 'files', message: '文件过多' },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const accepted: VettedFile[] = [];
  const refuse = (originalName: string, reason: FileRefusal) =>
    problems.push({
      path: originalName,
      message: fileRefusalMessage(reason, purpose, maxFileBytes / 1024 / 1024),
      issue: `file.${reason}`,
      params: { name: originalName },
    });
  for (const file of files) {
    const originalName = cleanFileName(file.originalName);
    if (file.truncated || file.bytes.length > maxFileBytes) {
      refuse(originalName, 'tooLarge');
      continue;
    }
    const threat = await fileThreat(file.bytes);
    if (threat) {
      refuse(originalName, threat);
      continue;
    }
    const type = sniffFileType(file.bytes, originalName);
    if (!type) {
      refuse(originalName, 'unknownType');
      continue;
    }
    if (!allowsFileType(purpose, type.id)) {
      refuse(originalName, 'notAllowedHere');
      continue;
    }
    if (isPolyglot(file.bytes, type.id)) {
      refuse(originalName, 'polyglot');
      continue;
    }
    const photo = type.kind === 'photo' ? await examinePhoto(file.bytes) : null;
    if (type.kind === 'photo' && !photo) {
      refuse(originalName, 'damaged');
      continue;
    }
    accepted.push({ originalName, bytes: file.bytes, type, photo });
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError('VALIDATION_FAILED', `${first.path}：${first.message}`, problems);
  }
  return accepted;
}

/**
 * Uploads documents and photos to a project. Every file is checked first — by its bytes, not its
 * name; size cap; a photo must decode — and if any is refused none is stored. Photos get a
 * thumbnail and keep their EXIF time and GPS position.
 */
export async function uploadProjectFiles(
  ctx: Ctx,
  store: FileStore,
  projectId: string,
  files: IncomingFile[],
  options: { monthlyReportId?: string; purpose?: UploadPurpose } = {},
) {
  const project = await getProject(ctx.db, ctx.actor, projectId);
  authorize(ctx.actor, 'projectFile.upload');
  const accepted = await vetFiles(files, options.purpose ?? 'projectFile');
  return storeProjectFiles(ctx, store, project, accepted, { monthlyReportId: options.monthlyReportId });
}

/**
 * Stores vetted files as files of a project — the caller has already decided the actor may (the
 * approvals documents ask their own item rule, not the project scope). Writes the rows and the
 * `projectFile.upload` audit event, then `within(tx, rows)` in the same transaction; if anything
 * fails, no row stays and the stored bytes are removed.
 */
export async function storeProjectFiles(
  ctx: Ctx,
  store: FileStore,
  project: { id: string; regionPath: string },
  accepted: readonly VettedFile[],
  options: {
    monthlyReportId?: string;
    within?: (tx: Queryable, rows: ProjectFileRow[]) => Promise<void>;
  } = {},
) {
  const projectId = project.id;
  const written: string[] = [];
  try {
    const rows: (typeof projectFiles.$inferInsert)[] = [];
    for (const file of accepted) {
      const storedName = await store.put(file.bytes, file.type.extension);
      written.push(storedName);
      const thumbnailName = file.photo ? await store.put(file.photo.thumbnail, 'jpg') : null;
      if (thumbnailName) written.push(thumbnailName);
      rows.push({
        projectId,
        monthlyReportId: options.monthlyReportId ?? null,
        kind: file.type.kind,
        originalName: file.originalName,
        storedName,
        thumbnailName,
        mimeType: file.type.mimeType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        takenAt: file.photo?.takenAt ?? null,
        latitude: file.photo?.latitude ?? null,
        longitude: file.photo?.longitude ?? null,
        uploadedBy: ctx.actor.userId,
        uploadedByName: ctx.actor.displayName,
        uploadedByOrganisationId: ctx.actor.organisationId,
        uploadedAt: ctx.clock.now(),
      });
    }
    return await ctx.db.transaction(async (tx) => {
      const inserted = await tx.insert(projectFiles).values(rows).returning();
      await recordAudit(tx, ctx, {
        action: 'projectFile.upload',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        detail: {
          ...(options.monthlyReportId ? { monthlyReportId: options.monthlyReportId } : {}),
          files: inserted.map((f) => ({
            id: f.id,
            name: f.originalName,
            kind: f.kind,
            sizeBytes: f.sizeBytes,
          })),
        },
      });
      if (options.within) await options.within(tx, inserted);
      return inserted;
    });
  } catch (error) {
    await Promise.all(written.map((name) => store.remove(name)));
    throw error;
  }
}

export type ProjectFileRow = typeof projectFiles.$inferSelect;

/** Whether the actor may delete this file: offices any; an owner unit only what it uploaded. */
export function canDeleteFile(ctx: Pick<Ctx, 'actor'>, file: ProjectFileRow): boolean {
  if (!can(ctx.actor, 'projectFile.delete')) return false;
  return !editsAsOwnerOnly(ctx.actor) || file.uploadedByOrganisationId === ctx.actor.organisationId;
}

/** The live (not deleted) files of a project the actor may see. */
export async function listProjectFiles(ctx: Ctx, projectId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  return ctx.db
    .select()
    .from(projectFiles)
    .where(and(eq(projectFiles.projectId, projectId), isNull(projectFiles.deletedAt)))
    .orderBy(asc(projectFiles.uploadedAt));
}

/** One live file of a project the actor may see, else NOT_FOUND. */
export async function getProjectFile(ctx: Ctx, projectId: string, fileId: string) {
  await getProject(ctx.db, ctx.actor, projectId);
  const [file] = await ctx.db
    .select()
    .from(projectFiles)
    .where(
      and(eq(projectFiles.id, fileId), eq(projectFiles.projectId, projectId), isNull(projectFiles.deletedAt)),
    );
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/** Soft-deletes a file (the bytes stay for the record; the audit log says who and when). */
export async function deleteProjectFile(ctx: Ctx, projectId: string, fileId: string) {
  const project = await getProject(ctx.db, ctx.actor, projectId);
  const file = await getProjectFile(ctx, projectId, fileId);
  if (!canDeleteFile(ctx, file)) throw new AppError('FORBIDDEN', '只能删除本单位上传的文件');
  if (file.monthlyReportId) {
    // A monthly report's photos are part of it: locked once it is submitted or approved.
    const [report] = await ctx.db
      .select({ status: monthlyReports.status })
      .from(monthlyReports)
      .where(eq(monthlyReports.id, file.monthlyReportId));
    if (report && report.status !== 'draft' && report.status !== 'returned')
      throw new AppError('INVALID_TRANSITION', '该照片属于已报送或已审核的月报，不能删除');
  }
  await ctx.db.transaction((tx) =>
    softDeleteProjectFile(tx, ctx, { projectId, regionPath: project.regionPath, file }),
  );
}

/**
 * Marks a project file deleted (the bytes stay for the record) with its `projectFile.delete` audit
 * event, inside the caller's transaction — the caller has decided the actor may.
 */
export async function softDeleteProjectFile(
  tx: Queryable,
  ctx: Ctx,
  target: { projectId: string; regionPath: string; file: Pick<ProjectFileRow, 'id' | 'originalName'> },
) {
  await tx
    .update(projectFiles)
    .set({ deletedAt: ctx.clock.now(), deletedBy: ctx.actor.userId })
    .where(eq(projectFiles.id, target.file.id));
  await recordAudit(tx, ctx, {
    action: 'projectFile.delete',
    entityType: 'project',
    entityId: target.projectId,
    regionPath: target.regionPath,
    detail: { fileId: target.file.id, name: target.file.originalName },
  });
}
