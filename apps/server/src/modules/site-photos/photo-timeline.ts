import type { PhotoTimeline } from '@tuijin/contracts';
import { AppError, authorize, photoTimelineMonths } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { visitPhotosOfProject } from '../dispatch';
import { inspectionPhotosOfProject } from '../inspections';
import { milestonePhotosOfProject } from '../milestones';
import { type SitePhoto, sitePhotoEvidence } from '../project-files';
import { reportPhotosOfProject } from '../reports';

/** The faces that hand over a project's site photos, one per source module. */
const photoSources = [
  reportPhotosOfProject,
  visitPhotosOfProject,
  milestonePhotosOfProject,
  inspectionPhotosOfProject,
] as const;

/**
 * 形象进度: a project's site photos from every source (monthly reports, visits, nodes reached, inspection findings and their rectification), each
 * judged by `sitePhotoEvidence` against the project's site and the window its source states, grouped
 * month by month (domain `photoTimelineMonths`: by capture date, else by the day it documents — marked),
 * newest first, with each month's count and flagged count; `year` keeps one year's months. Only a
 * reader of the project; outside the reader's scope the project is NOT_FOUND.
 */
export async function getPhotoTimeline(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  projectId: string,
  year?: number,
): Promise<PhotoTimeline> {
  authorize(ctx.actor, 'project.read');
  const [project] = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionPath: projects.regionPath,
      latitude: projects.latitude,
      longitude: projects.longitude,
    })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(ctx.actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  const gathered: SitePhoto[] = (
    await Promise.all(photoSources.map((source) => source(ctx, projectId)))
  ).flat();
  const evidence = await sitePhotoEvidence(ctx, project);
  const photos = gathered.map((photo) => ({
    ...photo,
    takenAt: photo.file.takenAt,
    evidence: evidence.findings(photo.file, photo.window),
  }));
  const allMonths = photoTimelineMonths(photos);
  const years = [...new Set(allMonths.map((m) => Number(m.month.slice(0, 4))))];
  const months = year === undefined ? allMonths : allMonths.filter((m) => m.month.startsWith(`${year}-`));
  return {
    projectId: project.id,
    projectName: project.name,
    latitude: project.latitude,
    longitude: project.longitude,
    maxDistanceKm: evidence.site.maxDistanceKm,
    year: year ?? null,
    years,
    total: months.reduce((sum, m) => sum + m.count, 0),
    flagged: months.reduce((sum, m) => sum + m.flagged, 0),
    months: months.map((m) => ({
      month: m.month,
      count: m.count,
      flagged: m.flagged,
      photos: m.photos.map(({ photo, datedBy, on }) => ({
        id: photo.file.id,
        projectId: photo.file.projectId,
        name: photo.file.originalName,
        kind: photo.file.kind,
        hasThumbnail: photo.file.thumbnailName !== null,
        takenAt: photo.file.takenAt?.toISOString() ?? null,
        latitude: photo.file.latitude,
        longitude: photo.file.longitude,
        distanceKm: evidence.distanceKm(photo.file),
        window: photo.window,
        evidence: photo.evidence,
        source: photo.source,
        sourceId: photo.sourceId,
        sourceLabel: photo.sourceLabel,
        documentsOn: photo.documentsOn,
        datedBy,
        on,
      })),
    })),
  };
}
