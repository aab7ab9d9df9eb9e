import type { FindingPhoto, InspectionFindingDetail } from '@tuijin/contracts';
import {
  AppError,
  chinaDate,
  eventPhotoWindow,
  findingPhotoDays,
  type PhotoWindow,
  replyPhotoDays,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  inspectionFindingPhotos,
  inspectionFindings,
  inspections,
  projectFiles,
  projects,
} from '../../db/schema';
import type { FileStore } from '../../lib/file-store';
import { projectScope } from '../../lib/project-scope';
import { recordAudit } from '../audit';
import {
  type IncomingFile,
  presentFile,
  type SitePhoto,
  sitePhotoEvidence,
  storeProjectFiles,
  vetFiles,
} from '../project-files';
import { loadFinding, mayReviewFinding, presentFinding } from './inspections.queries';

export type PhotoRole = 'finding' | 'reply';

/**
 * The window a photo of a finding is judged against: a finding photo against the inspection day
 * (1 day before to 1 day after, domain `findingPhotoDays`), a reply photo from the inspection day to
 * today (the rectification lies between).
 */
export function findingPhotoWindow(role: PhotoRole, foundOn: string, today: string): PhotoWindow {
  return role === 'finding'
    ? eventPhotoWindow(foundOn, today, findingPhotoDays)
    : eventPhotoWindow(foundOn, today, replyPhotoDays(foundOn, today));
}

async function photoRows(db: Queryable, findingIds: readonly string[]) {
  if (findingIds.length === 0) return [];
  return db
    .select({
      findingId: inspectionFindingPhotos.findingId,
      role: inspectionFindingPhotos.role,
      file: projectFiles,
    })
    .from(inspectionFindingPhotos)
    .innerJoin(projectFiles, eq(projectFiles.id, inspectionFindingPhotos.fileId))
    .where(and(inArray(inspectionFindingPhotos.findingId, [...findingIds]), isNull(projectFiles.deletedAt)))
    .orderBy(asc(projectFiles.uploadedAt), asc(projectFiles.id));
}

/** A finding the actor may see, with its photos and each photo's evidence warnings. */
export async function getInspectionFinding(ctx: Ctx, id: string): Promise<InspectionFindingDetail> {
  const row = await loadFinding(ctx.db, ctx.actor, id);
  const evidence = await sitePhotoEvidence(ctx, row.project);
  const photos: FindingPhoto[] = (await photoRows(ctx.db, [id])).map((p) => ({
    ...presentFile(ctx, p.file),
    role: p.role,
    evidence: evidence.findings(p.file, findingPhotoWindow(p.role, row.finding.foundOn, evidence.today)),
  }));
  return { ...presentFinding(ctx.actor, evidence.today, row), photos };
}

/**
 * Stores photos as files of the finding's project (vetted by their bytes: photos only, thumbnails and
 * EXIF) linked to the finding with their role, then `within` in the same transaction; with no files,
 * `within` alone runs in its own transaction.
 */
export async function storeFindingPhotos(
  ctx: Ctx,
  store: FileStore | null,
  finding: { id: string },
  project: { id: string; regionPath: string },
  role: PhotoRole,
  files: IncomingFile[],
  within: (tx: Queryable, fileIds: string[]) => Promise<void>,
) {
  if (files.length === 0) {
    await ctx.db.transaction((tx) => within(tx, []));
    return;
  }
  if (!store) throw new AppError('INTERNAL', '未配置文件存储，不能保存照片');
  const accepted = await vetFiles(files, 'reportPhoto');
  await storeProjectFiles(ctx, store, project, accepted, {
    within: async (tx, rows) => {
      await tx
        .insert(inspectionFindingPhotos)
        .values(
          rows.map((file) => ({ findingId: finding.id, fileId: file.id, role, createdAt: ctx.clock.now() })),
        );
      await within(
        tx,
        rows.map((r) => r.id),
      );
    },
  });
}

/**
 * 补充问题照片: the inspecting unit adds photos of what it found to a finding not yet closed.
 * Audited `inspection.finding.photos`.
 */
export async function addFindingPhotos(ctx: Ctx, store: FileStore, id: string, files: IncomingFile[]) {
  const row = await loadFinding(ctx.db, ctx.actor, id);
  if (!mayReviewFinding(ctx.actor, row.finding))
    throw new AppError('FORBIDDEN', '只有督查单位可以上传问题照片');
  if (row.finding.status === 'closed')
    throw new AppError('INVALID_TRANSITION', '督查问题已销号，不能再上传照片');
  if (files.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择要上传的照片', [{ path: 'files', message: '没有文件' }]);
  await storeFindingPhotos(ctx, store, row.finding, row.project, 'finding', files, (tx, fileIds) =>
    recordAudit(tx, ctx, {
      action: 'inspection.finding.photos',
      entityType: 'project',
      entityId: row.project.id,
      regionPath: row.project.regionPath,
      detail: { findingId: id, role: 'finding', files: fileIds },
    }),
  );
  return getInspectionFinding(ctx, id);
}

/**
 * The inspection photos of a project for its photo timeline: each finding photo (source
 * 'inspection') and each reply photo (source 'rectification') the actor may see, with the window it
 * is judged against. The project itself must be visible to the actor (else none).
 */
export async function inspectionPhotosOfProject(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  projectId: string,
): Promise<SitePhoto[]> {
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(ctx.actor)));
  if (!project) return [];
  const today = chinaDate(ctx.clock.now());
  const rows = await ctx.db
    .select({
      role: inspectionFindingPhotos.role,
      file: projectFiles,
      findingId: inspectionFindings.id,
      foundOn: inspectionFindings.foundOn,
      itemText: inspectionFindings.itemText,
      checklistName: inspections.checklistName,
    })
    .from(inspectionFindingPhotos)
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, inspectionFindingPhotos.findingId))
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .innerJoin(projectFiles, eq(projectFiles.id, inspectionFindingPhotos.fileId))
    .where(and(eq(inspectionFindings.projectId, projectId), isNull(projectFiles.deletedAt)))
    .orderBy(asc(projectFiles.uploadedAt), asc(projectFiles.id));
  return rows.map((r) => ({
    file: r.file,
    source: r.role === 'finding' ? 'inspection' : 'rectification',
    sourceId: r.findingId,
    sourceLabel:
      r.role === 'finding'
        ? `${r.foundOn} ${r.checklistName}督查：${r.itemText}`
        : `${r.foundOn} 督查问题整改：${r.itemText}`,
    documentsOn: r.role === 'finding' ? r.foundOn : r.file.uploadedAt ? chinaDate(r.file.uploadedAt) : today,
    window: findingPhotoWindow(r.role, r.foundOn, today),
  }));
}
