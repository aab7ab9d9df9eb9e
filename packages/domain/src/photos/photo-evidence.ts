import { invalid } from '../errors';
import { chinaDate } from '../reports/reporting-calendar';

/**
 * Photo evidence behind 形象进度 (issue 17 B9): what a site photo's own metadata (EXIF capture time
 * and GPS place) says against the project's coordinates and the report's month. Findings are
 * warnings shown to the reviewer, never a reason to refuse a report.
 */
export const photoFindingKinds = ['tooFar', 'tooOld', 'inFuture', 'noLocation', 'noTime'] as const;
export type PhotoFindingKind = (typeof photoFindingKinds)[number];

/** Where a site photo comes from: each source states the window its photos are judged in. */
export const sitePhotoSources = ['report', 'visit', 'milestone', 'inspection', 'rectification'] as const;
export type SitePhotoSource = (typeof sitePhotoSources)[number];

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

/** A monthly report's photo: its site and its report month. */
export interface PhotoEvidenceContext extends PhotoSite {
  reportYear: number;
  reportMonth: number;
  /** Today in China (YYYY-MM-DD), from the clock given. */
  today: string;
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

/** The dates (China, YYYY-MM-DD, both included) a photo may have been taken in to count as evidence. */
export interface PhotoWindow {
  earliestOn: string;
  latestOn: string;
}

/** Where the site is and how far from it a photo may be taken (km). */
export interface PhotoSite {
  /** The project's coordinates; without them the distance is not checked. */
  projectLat: number | null;
  projectLng: number | null;
  maxDistanceKm: number;
}

/**
 * The findings on one site photo against a site and a window of dates (China):
 * - `tooFar`: the photo's GPS place is more than `maxDistanceKm` from the project (haversine, km to
 *   one decimal); not checked when either side has no coordinates.
 * - `tooOld`: taken before the window's first day.
 * - `inFuture`: taken after the window's last day.
 * - `noLocation` / `noTime`: the metadata is missing; allowed, but marked.
 * Every photo source (monthly reports, inspections, visits, milestones) states its window and calls
 * this one function.
 */
export function photoWindowFindings(photo: PhotoFacts, site: PhotoSite, window: PhotoWindow): PhotoFinding[] {
  const findings: PhotoFinding[] = [];
  if (photo.latitude === null || photo.longitude === null) findings.push({ kind: 'noLocation' });
  else if (site.projectLat !== null && site.projectLng !== null) {
    const km = distanceKm(site.projectLat, site.projectLng, photo.latitude, photo.longitude);
    if (km > site.maxDistanceKm)
      findings.push({
        kind: 'tooFar',
        distanceKm: Math.round(km * 10) / 10,
        maxDistanceKm: site.maxDistanceKm,
      });
  }
  if (photo.takenAt === null) findings.push({ kind: 'noTime' });
  else {
    const takenOn = chinaDate(photo.takenAt);
    if (takenOn < window.earliestOn)
      findings.push({ kind: 'tooOld', takenOn, earliestOn: window.earliestOn });
    else if (takenOn > window.latestOn)
      findings.push({ kind: 'inFuture', takenOn, latestOn: window.latestOn });
  }
  return findings;
}

/** The earlier of two ISO dates (they sort as text). */
const earlierOf = (a: string, b: string) => (a < b ? a : b);

/**
 * The window of a monthly report's photos: from the first day of the month before the report's month
 * (a report shows this month's progress and may carry last month's late photos, nothing older: an
 * October report accepts photos from 1 September) to the report month's last day or today, whichever
 * is earlier (a wrong camera clock or a photo from a later month).
 */
export function reportPhotoWindow(reportYear: number, reportMonth: number, today: string): PhotoWindow {
  return {
    earliestOn: photoPeriodStart(reportYear, reportMonth),
    latestOn: earlierOf(today, monthEnd(reportYear, reportMonth)),
  };
}

/** Adds `days` (may be negative) to an ISO date. */
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The window of a photo recording something that happened on a day (a visit, an inspection, a node
 * reached, a rectification): from `daysBefore` days before it to the earlier of `daysAfter` days
 * after it and today. A photo of a visit on 3 May with (0, 0) must be taken on 3 May.
 */
export function eventPhotoWindow(
  eventOn: string,
  today: string,
  { daysBefore, daysAfter }: { daysBefore: number; daysAfter: number },
): PhotoWindow {
  return {
    earliestOn: addDays(eventOn, -daysBefore),
    latestOn: earlierOf(today, addDays(eventOn, daysAfter)),
  };
}

/** The findings on one site photo of a monthly report of (reportYear, reportMonth) (see `reportPhotoWindow`). */
export function photoEvidenceFindings(photo: PhotoFacts, context: PhotoEvidenceContext): PhotoFinding[] {
  return photoWindowFindings(
    photo,
    context,
    reportPhotoWindow(context.reportYear, context.reportMonth, context.today),
  );
}

/**
 * The window of a 一线走访 photo: the visit's day, a day either side. A visit is entered with one
 * date, but a leader's tour may start the evening before or end the next morning, and a photo of a
 * visit is taken on the spot, never weeks apart; nothing after today.
 */
export const visitPhotoWindow = (visitedOn: string, today: string): PhotoWindow =>
  eventPhotoWindow(visitedOn, today, { daysBefore: 1, daysAfter: 1 });

/**
 * The window of a node's evidence photo (节点完成佐证): the 7 days up to the day the node is said to
 * have been reached (the 封顶 or acceptance photo is taken in the final week), nothing after it —
 * a photo taken later does not show the node was reached on the day claimed, which is how a late
 * node would be backdated — and nothing after today.
 */
export const milestonePhotoWindow = (reachedOn: string, today: string): PhotoWindow =>
  eventPhotoWindow(reachedOn, today, { daysBefore: 7, daysAfter: 0 });

/** A place a photo may be evidence of (a project's site) with its own threshold. */
export interface PhotoSiteOf<T> extends PhotoSite {
  key: T;
}

/**
 * Of several sites (the projects a visit covers), the one a photo is judged against: the nearest to
 * the photo's GPS place among those with coordinates; the first when the photo has no place or no
 * site has coordinates. Undefined only for an empty list.
 */
export function nearestPhotoSite<T>(
  photo: Pick<PhotoFacts, 'latitude' | 'longitude'>,
  sites: readonly PhotoSiteOf<T>[],
): PhotoSiteOf<T> | undefined {
  const { latitude, longitude } = photo;
  if (latitude === null || longitude === null) return sites[0];
  let best: { site: PhotoSiteOf<T>; km: number } | undefined;
  for (const site of sites) {
    if (site.projectLat === null || site.projectLng === null) continue;
    const km = distanceKm(site.projectLat, site.projectLng, latitude, longitude);
    if (!best || km < best.km) best = { site, km };
  }
  return best?.site ?? sites[0];
}
