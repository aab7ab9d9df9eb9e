import type { PhotoFinding } from '@tuijin/contracts';

/** The values a finding's text interpolates. */
export interface PhotoFindingValues {
  km?: string;
  max?: string;
  takenOn?: string;
  earliestOn?: string;
  latestOn?: string;
}

/**
 * Whose window a photo was judged in: a monthly report's (早于上期 / 晚于本月, the report review's
 * texts) or an event's — a visit's day, a node reached (早于 / 晚于 the window's dates).
 */
export type PhotoWindowScope = 'report' | 'event';

const prefixes = { report: 'reports.photoEvidence', event: 'photos.evidence' } as const;
type Prefix = (typeof prefixes)[PhotoWindowScope];

/** How a photo finding reads: the i18n key and hint key of its scope, and its values. */
export interface PhotoFindingText {
  key: `${Prefix}.${PhotoFinding['kind']}`;
  hintKey: `${Prefix}.hints.${PhotoFinding['kind']}`;
  values: PhotoFindingValues;
  /** Red for where and when the photo contradicts its record; amber for missing metadata. */
  color: 'error' | 'warning';
}

/** Kilometres as the reader writes them: "1,500.4", "500". */
export const formatKm = (km: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(km);

/** The tag text of a finding: 距项目 1,500.4 公里 / 拍摄于 2024-10-02，早于上期 / 无位置信息… */
export function photoFindingText(
  finding: PhotoFinding,
  language: string,
  scope: PhotoWindowScope = 'report',
): PhotoFindingText {
  const prefix = prefixes[scope];
  const base = { key: `${prefix}.${finding.kind}`, hintKey: `${prefix}.hints.${finding.kind}` } as const;
  switch (finding.kind) {
    case 'tooFar':
      return {
        ...base,
        values: {
          km: formatKm(finding.distanceKm, language),
          max: formatKm(finding.maxDistanceKm, language),
        },
        color: 'error',
      };
    case 'tooOld':
      return {
        ...base,
        values: { takenOn: finding.takenOn, earliestOn: finding.earliestOn },
        color: 'error',
      };
    case 'inFuture':
      return { ...base, values: { takenOn: finding.takenOn, latestOn: finding.latestOn }, color: 'error' };
    default:
      return { ...base, values: {}, color: 'warning' };
  }
}

/** How many photos carry at least one finding. */
export const flaggedPhotoCount = (photos: { evidence: PhotoFinding[] }[]) =>
  photos.filter((photo) => photo.evidence.length > 0).length;
