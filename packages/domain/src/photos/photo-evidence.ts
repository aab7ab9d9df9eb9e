import { invalid } from '../errors';
import { chinaDate } from '../reports/reporting-calendar';

/**
 * Photo evidence behind 形象进度 (issue 17 B9): what a site photo's own metadata (EXIF capture time
 * and GPS place) says against the project's coordinates and the report's month. Findings are
 * warnings shown to the reviewer, never a reason to refuse a report.
 */
export const photoFindingKinds = ['tooFar', 'tooOld', 'inFuture', 'noLocation', 'noTime'] as const;
export type PhotoFindingKind = (typeof photoFindingKinds)[number];

export type PhotoFinding =
  /** Taken farther from the project's coordinates than the jurisdiction's threshold. */
  | { kind: 'tooFar'; distanceKm: number; maxDistanceKm: number }
  /** Taken before the first day of the month before the report's month. */
  | { kind: 'tooOld'; takenOn: string; earliestOn: string }
  /** Taken after the report month's last day, or after today. */
  | { kind: 'inFuture'; takenOn: string; latestOn: string }
  /** No GPS place in the photo: allowed, but marked. */
  | { kind: 'noLocation' }
  /** No capture time in the photo: allowed, but marked. */
  | { kind: 'noTime' };

export interface PhotoFacts {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

export interface PhotoEvidenceContext {
  /** The project's coordinates; without them the distance is not checked. */
  projectLat: number | null;
  projectLng: number | null;
  reportYear: number;
  reportMonth: number;
  /** Today in China (YYYY-MM-DD), from the clock given. */
  today: string;
  maxDistanceKm: number;
}

/** The jurisdiction's photo evidence settings (office sets them; `photoEvidence.<region>` in settings). */
export interface PhotoEvidenceSettings {
  maxDistanceKm: number;
}

/** 5 km: a site and its access roads, camp and borrow pits; beyond it the photo is likely elsewhere. */
export const defaultPhotoEvidenceSettings: PhotoEvidenceSettings = { maxDistanceKm: 5 };

/** Refuses a threshold that is not a positive number of km up to 1,000 (one decimal at most). */
export function checkPhotoEvidenceSettings(settings: PhotoEvidenceSettings): PhotoEvidenceSettings {
  const km = settings.maxDistanceKm;
  if (!Number.isFinite(km) || km <= 0 || km > 1000 || Math.round(km * 10) !== km * 10)
    throw invalid(
      [{ path: 'maxDistanceKm', message: '距离阈值应为大于 0、不超过 1000 的公里数（最多一位小数）' }],
      '照片距离阈值无效',
    );
  return settings;
}

/** Mean Earth radius (IUGG), km. */
const earthRadiusKm = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in km between two WGS-84 points given in degrees. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLng = radians(lng2 - lng1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month before (year, month): the earliest date a photo may show. */
export function photoPeriodStart(year: number, month: number): string {
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return `${y}-${pad(m)}-01`;
}

/** The last day of (year, month). */
function monthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/**
 * The findings on one site photo of a monthly report of (reportYear, reportMonth), dates in China:
 * - `tooFar`: the photo's GPS place is more than `maxDistanceKm` from the project (haversine, km to
 *   one decimal); not checked when either side has no coordinates.
 * - `tooOld`: taken before the first day of the month before the report's month — a report shows
 *   this month's progress and may carry last month's late photos, nothing older (an October report
 *   accepts photos from 1 September).
 * - `inFuture`: taken after the report month's last day or after today, whichever is earlier (a
 *   wrong camera clock or a photo from a later month).
 * - `noLocation` / `noTime`: the metadata is missing; allowed, but marked.
 */
export function photoEvidenceFindings(photo: PhotoFacts, context: PhotoEvidenceContext): PhotoFinding[] {
  const findings: PhotoFinding[] = [];
  if (photo.latitude === null || photo.longitude === null) findings.push({ kind: 'noLocation' });
  else if (context.projectLat !== null && context.projectLng !== null) {
    const km = distanceKm(context.projectLat, context.projectLng, photo.latitude, photo.longitude);
    if (km > context.maxDistanceKm)
      findings.push({
        kind: 'tooFar',
        distanceKm: Math.round(km * 10) / 10,
        maxDistanceKm: context.maxDistanceKm,
      });
  }
  if (photo.takenAt === null) findings.push({ kind: 'noTime' });
  else {
    const takenOn = chinaDate(photo.takenAt);
    const earliestOn = photoPeriodStart(context.reportYear, context.reportMonth);
    const end = monthEnd(context.reportYear, context.reportMonth);
    const latestOn = [context.today, end].sort()[0]!; // the earlier date (ISO dates sort as text)
    if (takenOn < earliestOn) findings.push({ kind: 'tooOld', takenOn, earliestOn });
    else if (takenOn > latestOn) findings.push({ kind: 'inFuture', takenOn, latestOn });
  }
  return findings;
}
