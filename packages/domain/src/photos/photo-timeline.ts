import { chinaDate } from '../reports/reporting-calendar';
import type { PhotoFinding } from './photo-evidence';

/** What the timeline needs of a photo: when it was taken (if known), the day it documents, its findings. */
export interface TimelinePhotoFacts {
  takenAt: Date | null;
  /** The day (China, YYYY-MM-DD) its source says it documents: a report's month end, a visit's day. */
  documentsOn: string;
  evidence: readonly PhotoFinding[];
}

/** How a photo found its month: by its own capture date, or (no capture time) by the day it documents. */
export type TimelineDatedBy = 'takenAt' | 'documentsOn';

export interface TimelineMonth<T> {
  /** YYYY-MM. */
  month: string;
  count: number;
  /** Photos with at least one finding. */
  flagged: number;
  photos: { photo: T; datedBy: TimelineDatedBy; on: string }[];
}

/**
 * 形象进度 month by month: each photo goes to the month of its capture date (China) when it has
 * one, else to the month of the day its source documents (marked `documentsOn`, so the page can say
 * the month is not the photo's own); months newest first, photos in a month newest first (on one
 * day by capture time, those without one last; ties in the order given), each month with its count and how many photos carry a finding.
 */
export function photoTimelineMonths<T extends TimelinePhotoFacts>(photos: readonly T[]): TimelineMonth<T>[] {
  const months = new Map<string, TimelineMonth<T>>();
  const dated = photos.map((photo, order) => {
    const datedBy: TimelineDatedBy = photo.takenAt ? 'takenAt' : 'documentsOn';
    const on = photo.takenAt ? chinaDate(photo.takenAt) : photo.documentsOn;
    return { photo, datedBy, on, order };
  });
  const instant = (photo: T) => photo.takenAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  dated.sort((a, b) => {
    if (a.on !== b.on) return a.on < b.on ? 1 : -1;
    const later = instant(b.photo) - instant(a.photo);
    return later !== 0 && !Number.isNaN(later) ? later : a.order - b.order;
  });
  for (const { photo, datedBy, on } of dated) {
    const key = on.slice(0, 7);
    const month = months.get(key) ?? { month: key, count: 0, flagged: 0, photos: [] };
    month.count += 1;
    if (photo.evidence.length > 0) month.flagged += 1;
    month.photos.push({ photo, datedBy, on });
    months.set(key, month);
  }
  return [...months.values()];
}
