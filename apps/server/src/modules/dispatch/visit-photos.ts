import type { FieldVisit } from '@tuijin/contracts';
import { chinaDate, nearestPhotoSite, visitPhotoWindow } from '@tuijin/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { fieldVisitFiles, fieldVisitProjects, fieldVisits, projectFiles, projects } from '../../db/schema';
import {
  type ProjectFileRow,
  type SitePhoto,
  type SitePhotoEvidence,
  sitePhotoEvidence,
} from '../project-files';

/** A visited project as the photo check needs it. */
export interface VisitedProject {
  id: string;
  name: string;
  regionPath: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The photo evidence of visits: each photo judged against the NEAREST of the visit's projects (a
 * visit covers several and its photos are filed under one) with that project's jurisdiction's
 * threshold, and against the visit's window (domain `visitPhotoWindow`: the day before to the day
 * after, not after today). Each project's site is read once per call.
 */
export function visitPhotoJudge(ctx: { db: Queryable; clock: Clock }) {
  const sites = new Map<string, Promise<SitePhotoEvidence>>();
  const siteOf = (project: VisitedProject) => {
    let site = sites.get(project.id);
    if (!site) {
      site = sitePhotoEvidence(ctx, project);
      sites.set(project.id, site);
    }
    return site;
  };
  return async (
    visit: { visitedOn: string },
    visited: readonly VisitedProject[],
    file: ProjectFileRow,
  ): Promise<FieldVisit['photos'][number]> => {
    const judged = await Promise.all(
      visited.map(async (project) => ({ project, evidence: await siteOf(project) })),
    );
    const nearest =
      nearestPhotoSite(
        file,
        judged.map((j) => ({ key: j, ...j.evidence.site })),
      )?.key ?? (await fallbackSite(ctx, file, siteOf));
    const window = visitPhotoWindow(visit.visitedOn, nearest.evidence.today);
    return {
      id: file.id,
      projectId: file.projectId,
      name: file.originalName,
      kind: file.kind,
      hasThumbnail: file.thumbnailName !== null,
      takenAt: file.takenAt?.toISOString() ?? null,
      latitude: file.latitude,
      longitude: file.longitude,
      distanceKm: nearest.evidence.distanceKm(file),
      window,
      evidence: nearest.evidence.findings(file, window),
      judgedAgainst: { id: nearest.project.id, name: nearest.project.name },
    };
  };
}

/** A visit always has projects; should none be readable, the photo is judged against its own project. */
async function fallbackSite(
  ctx: { db: Queryable },
  file: ProjectFileRow,
  siteOf: (project: VisitedProject) => Promise<SitePhotoEvidence>,
) {
  const [project] = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionPath: projects.regionPath,
      latitude: projects.latitude,
      longitude: projects.longitude,
    })
    .from(projects)
    .where(eq(projects.id, file.projectId));
  return { project: project!, evidence: await siteOf(project!) };
}

/** The columns of a visited project. */
export const visitedProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionPath: projects.regionPath,
  latitude: projects.latitude,
  longitude: projects.longitude,
};

/**
 * The 一线走访 photos filed under a project (its 形象进度): each visit's live photo files of this
 * project, labelled with the visit's day and visitor, documenting the visit's day, in the visit's
 * window. The caller has checked the reader may see the project (the photos are its files).
 */
export async function visitPhotosOfProject(
  ctx: { db: Queryable; clock: Clock },
  projectId: string,
): Promise<SitePhoto[]> {
  const rows = await ctx.db
    .select({ file: projectFiles, visit: fieldVisits })
    .from(fieldVisitFiles)
    .innerJoin(projectFiles, eq(projectFiles.id, fieldVisitFiles.fileId))
    .innerJoin(fieldVisits, eq(fieldVisits.id, fieldVisitFiles.visitId))
    .where(and(eq(projectFiles.projectId, projectId), isNull(projectFiles.deletedAt)))
    .orderBy(asc(fieldVisits.visitedOn), asc(projectFiles.uploadedAt), asc(projectFiles.id));
  const today = chinaDate(ctx.clock.now());
  return rows.map(({ file, visit }) => ({
    file,
    source: 'visit' as const,
    sourceId: visit.id,
    sourceLabel: `${visit.visitedOn} 一线走访（${visit.visitorName}）`,
    documentsOn: visit.visitedOn,
    window: visitPhotoWindow(visit.visitedOn, today),
  }));
}

/** The projects and photo files of some visits, grouped by visit id. */
export async function visitProjectsAndPhotos(db: Queryable, visitIds: string[]) {
  const visited = new Map<string, VisitedProject[]>();
  const photos = new Map<string, ProjectFileRow[]>();
  if (visitIds.length === 0) return { visited, photos };
  const [projectRows, fileRows] = await Promise.all([
    db
      .select({ visitId: fieldVisitProjects.visitId, ...visitedProjectColumns })
      .from(fieldVisitProjects)
      .innerJoin(projects, eq(projects.id, fieldVisitProjects.projectId))
      .where(inArray(fieldVisitProjects.visitId, visitIds))
      .orderBy(asc(projects.name)),
    db
      .select({ visitId: fieldVisitFiles.visitId, file: projectFiles })
      .from(fieldVisitFiles)
      .innerJoin(projectFiles, eq(projectFiles.id, fieldVisitFiles.fileId))
      .where(and(inArray(fieldVisitFiles.visitId, visitIds), isNull(projectFiles.deletedAt)))
      .orderBy(asc(projectFiles.uploadedAt), asc(projectFiles.id)),
  ]);
  for (const { visitId, ...project } of projectRows)
    visited.set(visitId, [...(visited.get(visitId) ?? []), project]);
  for (const { visitId, file } of fileRows) photos.set(visitId, [...(photos.get(visitId) ?? []), file]);
  return { visited, photos };
}
