import {
  chinaDate,
  distanceKm,
  type PhotoFinding,
  type PhotoSite,
  type PhotoWindow,
  photoWindowFindings,
  type SitePhotoSource,
} from '@tuijin/domain';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { effectivePhotoEvidenceSettings } from './photo-evidence-settings';
import type { ProjectFileRow } from './project-files';

/** The project a photo is evidence for: where it is and the jurisdiction whose threshold applies. */
export interface PhotoProject {
  regionPath: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * A reader of site photos' evidence for one project (every photo source: monthly reports,
 * inspections, visits, milestones): the jurisdiction's distance threshold is read once, then each
 * photo's findings come from its stored EXIF time and place against the project's coordinates and
 * the window the caller states for it (domain `reportPhotoWindow`, `eventPhotoWindow`). Findings are
 * warnings shown to whoever reviews the photo, never a refusal; a file that is not a photo has none.
 */
export async function sitePhotoEvidence(ctx: { db: Queryable; clock: Clock }, project: PhotoProject) {
  const { settings } = await effectivePhotoEvidenceSettings(ctx.db, project.regionPath);
  const site: PhotoSite = {
    projectLat: project.latitude,
    projectLng: project.longitude,
    maxDistanceKm: settings.maxDistanceKm,
  };
  return {
    /** Today in China, for the windows that end on it. */
    today: chinaDate(ctx.clock.now()),
    /** The site the photos are judged against (coordinates and the threshold that applies). */
    site,
    /** Km (one decimal) from the project to where the photo was taken; null without a place on either side. */
    distanceKm: (photo: Pick<ProjectFileRow, 'latitude' | 'longitude'>): number | null =>
      photo.latitude === null ||
      photo.longitude === null ||
      site.projectLat === null ||
      site.projectLng === null
        ? null
        : Math.round(distanceKm(site.projectLat, site.projectLng, photo.latitude, photo.longitude) * 10) / 10,
    findings: (
      photo: Pick<ProjectFileRow, 'kind' | 'takenAt' | 'latitude' | 'longitude'>,
      window: PhotoWindow,
    ): PhotoFinding[] =>
      photo.kind !== 'photo'
        ? []
        : photoWindowFindings(
            { takenAt: photo.takenAt, latitude: photo.latitude, longitude: photo.longitude },
            site,
            window,
          ),
  };
}
export type SitePhotoEvidence = Awaited<ReturnType<typeof sitePhotoEvidence>>;

/** Where a site photo comes from (the project's photo timeline gathers them from each module's face). */
export type SitePhotoSourceKind = SitePhotoSource;

/**
 * One site photo of a project as its source module hands it over: the stored file, what it documents
 * (the source, its record, a label such as 「2026年10月月报」), the day it documents and the window of
 * dates it should have been taken in (domain `reportPhotoWindow` / `eventPhotoWindow`).
 */
export interface SitePhoto {
  file: ProjectFileRow;
  source: SitePhotoSourceKind;
  sourceId: string;
  sourceLabel: string;
  /** The day (China, YYYY-MM-DD) the photo documents: a report's month end, a visit's, an inspection's date. */
  documentsOn: string;
  window: PhotoWindow;
}
