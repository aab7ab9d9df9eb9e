import type { PhotoTimeline, SitePhotoSource } from '@tuijin/contracts';
import type { PhotoWindowScope } from '../../components/photo-evidence/photo-evidence';

type Month = PhotoTimeline['months'][number];

/** The months as shown: all of them, or (only flagged) each month's flagged photos, empty months left out. */
export function visibleMonths(months: readonly Month[], onlyFlagged: boolean): Month[] {
  if (!onlyFlagged) return [...months];
  return months
    .map((month) => ({ ...month, photos: month.photos.filter((photo) => photo.evidence.length > 0) }))
    .filter((month) => month.photos.length > 0);
}

/** Whose texts a photo's warnings read in: a report photo the report review's, any other an event's. */
export const scopeOfSource = (source: SitePhotoSource): PhotoWindowScope =>
  source === 'report' ? 'report' : 'event';

/** Tag colours of the sources. */
export const sourceColours: Record<SitePhotoSource, string> = {
  report: 'blue',
  visit: 'green',
  milestone: 'purple',
  inspection: 'orange',
  rectification: 'magenta',
};
