import { chinaDate, type PhotoFinding, photoEvidenceFindings } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { projectFiles } from '../../db/schema';
import { effectivePhotoEvidenceSettings } from './photo-evidence-settings';
import type { ReportProject } from './report-context';

type FileRow = typeof projectFiles.$inferSelect;

/**
 * A reader of report photos' evidence for one project: the jurisdiction's threshold is read once,
 * then each photo's findings are computed from its stored EXIF time and place, the project's
 * coordinates, the report's month and today (warnings only, never blocking a submission).
 */
export async function photoEvidenceReader(ctx: Pick<Ctx, 'db' | 'clock'>, project: ReportProject) {
  const { settings } = await effectivePhotoEvidenceSettings(ctx.db, project.regionPath);
  const today = chinaDate(ctx.clock.now());
  return (report: { year: number; month: number }, photo: FileRow): PhotoFinding[] =>
    photo.kind !== 'photo'
      ? []
      : photoEvidenceFindings(
          { takenAt: photo.takenAt, latitude: photo.latitude, longitude: photo.longitude },
          {
            projectLat: project.latitude,
            projectLng: project.longitude,
            reportYear: report.year,
            reportMonth: report.month,
            today,
            maxDistanceKm: settings.maxDistanceKm,
          },
        );
}
export type PhotoEvidenceReader = Awaited<ReturnType<typeof photoEvidenceReader>>;
