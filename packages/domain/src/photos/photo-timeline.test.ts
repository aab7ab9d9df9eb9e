import { describe, expect, it } from 'vitest';
import { photoTimelineMonths } from './photo-timeline';

const at = (beijingTime: string) => new Date(`${beijingTime}+08:00`);

describe('photoTimelineMonths', () => {
  const photos = [
    { name: 'october report', takenAt: at('2026-10-12T09:00:00'), documentsOn: '2026-10-31', evidence: [] },
    { name: 'no time', takenAt: null, documentsOn: '2026-11-30', evidence: [{ kind: 'noTime' as const }] },
    // 1 November 00:30 in Beijing is still 31 October in UTC: the month is China's.
    {
      name: 'just past midnight',
      takenAt: at('2026-11-01T00:30:00'),
      documentsOn: '2026-10-31',
      evidence: [],
    },
    {
      name: 'old photo',
      takenAt: at('2024-03-10T09:00:00'),
      documentsOn: '2026-11-05',
      evidence: [{ kind: 'tooOld' as const, takenOn: '2024-03-10', earliestOn: '2026-11-04' }],
    },
    { name: 'visit', takenAt: at('2026-11-05T15:00:00'), documentsOn: '2026-11-05', evidence: [] },
    { name: 'visit, later', takenAt: at('2026-11-05T16:00:00'), documentsOn: '2026-11-05', evidence: [] },
    {
      name: 'visit, no time',
      takenAt: null,
      documentsOn: '2026-11-05',
      evidence: [{ kind: 'noTime' as const }],
    },
  ];

  it('groups by capture month, else by the documented day, newest month and photo first (by time within a day, untimed last), with counts', () => {
    const months = photoTimelineMonths(photos);
    expect(months.map((m) => [m.month, m.count, m.flagged])).toEqual([
      ['2026-11', 5, 2],
      ['2026-10', 1, 0],
      ['2024-03', 1, 1],
    ]);
    expect(months[0]!.photos.map((p) => [p.photo.name, p.datedBy, p.on])).toEqual([
      ['no time', 'documentsOn', '2026-11-30'],
      ['visit, later', 'takenAt', '2026-11-05'],
      ['visit', 'takenAt', '2026-11-05'],
      ['visit, no time', 'documentsOn', '2026-11-05'],
      ['just past midnight', 'takenAt', '2026-11-01'],
    ]);
  });

  it('answers no months for no photos', () => {
    expect(photoTimelineMonths([])).toEqual([]);
  });
});
