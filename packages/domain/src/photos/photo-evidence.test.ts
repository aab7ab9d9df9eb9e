import { describe, expect, it } from 'vitest';
import {
  checkPhotoEvidenceSettings,
  distanceKm,
  eventPhotoWindow,
  milestonePhotoWindow,
  nearestPhotoSite,
  type PhotoEvidenceContext,
  type PhotoFacts,
  photoEvidenceFindings,
  photoPeriodStart,
  photoWindowFindings,
  reportPhotoWindow,
  visitPhotoWindow,
} from './photo-evidence';

/** 宁德市 (the city government) and 北京 (天安门), degrees. */
const ningde = { lat: 26.6657, lng: 119.5479 };
const beijing = { lat: 39.9042, lng: 116.4074 };

/** An October 2026 report of a project in 宁德, read on 2026-12-07, threshold 5 km. */
const october: PhotoEvidenceContext = {
  projectLat: ningde.lat,
  projectLng: ningde.lng,
  reportYear: 2026,
  reportMonth: 10,
  today: '2026-12-07',
  maxDistanceKm: 5,
};

/** A photo taken at a Beijing wall-clock time at a place. */
const shot = (beijingTime: string | null, lat: number | null, lng: number | null): PhotoFacts => ({
  takenAt: beijingTime === null ? null : new Date(`${beijingTime}+08:00`),
  latitude: lat,
  longitude: lng,
});

describe('distanceKm (haversine, R = 6371.0088 km)', () => {
  it.each([
    // Same point.
    [ningde.lat, ningde.lng, ningde.lat, ningde.lng, 0],
    // Along a meridian: 2πR/360 = 111.195 km a degree, so 4.4966° north of 宁德 is 500.0 km.
    [ningde.lat, ningde.lng, ningde.lat + 4.4966, ningde.lng, 500.0],
    // Along the equator: 1° of longitude is also 111.195 km.
    [0, 100, 0, 101, 111.2],
    // 北京 ↔ 宁德: Δφ = 13.2385°, Δλ = 3.1405°; hav = sin²(6.61925°) + cos 39.9042° · cos 26.6657° ·
    // sin²(1.57025°) = 0.013287 + 0.76712 · 0.89364 · 0.00075090 = 0.013802; d = 2R·asin(√0.013802)
    // = 2 · 6371.0088 · 0.117754 = 1500.4 km.
    [beijing.lat, beijing.lng, ningde.lat, ningde.lng, 1500.4],
  ])('(%f, %f) → (%f, %f) is %f km', (lat1, lng1, lat2, lng2, km) => {
    expect(distanceKm(lat1, lng1, lat2, lng2)).toBeCloseTo(km, 1);
  });
});

describe('photoPeriodStart', () => {
  it.each([
    [2026, 10, '2026-09-01'],
    [2026, 1, '2025-12-01'],
    [2026, 3, '2026-02-01'],
  ])('%i-%i accepts photos from %s', (year, month, from) => {
    expect(photoPeriodStart(year, month)).toBe(from);
  });
});

describe('photoEvidenceFindings', () => {
  it.each([
    ['a photo on site in the report month', shot('2026-10-20T10:00:00', 26.67, 119.55), october, []],
    [
      'the 2019 photo taken in Beijing',
      shot('2019-05-03T09:00:00', beijing.lat, beijing.lng),
      october,
      [
        { kind: 'tooFar', distanceKm: 1500.4, maxDistanceKm: 5 },
        { kind: 'tooOld', takenOn: '2019-05-03', earliestOn: '2026-09-01' },
      ],
    ],
    [
      'a photo 500 km north',
      shot('2026-10-20T10:00:00', ningde.lat + 4.4966, ningde.lng),
      october,
      [{ kind: 'tooFar', distanceKm: 500, maxDistanceKm: 5 }],
    ],
    ['4.97 km away is within 5 km', shot('2026-10-20T10:00:00', ningde.lat, ningde.lng + 0.05), october, []],
    [
      '4.97 km away is beyond a 4.9 km threshold',
      shot('2026-10-20T10:00:00', ningde.lat, ningde.lng + 0.05),
      { ...october, maxDistanceKm: 4.9 },
      [{ kind: 'tooFar', distanceKm: 5, maxDistanceKm: 4.9 }],
    ],
    ['last month (September) is accepted', shot('2026-09-01T00:10:00', 26.67, 119.55), october, []],
    [
      'the last evening of August, China time, is too old (UTC would still say 08-31 too)',
      shot('2026-08-31T23:50:00', 26.67, 119.55),
      october,
      [{ kind: 'tooOld', takenOn: '2026-08-31', earliestOn: '2026-09-01' }],
    ],
    [
      'a November photo on an October report',
      shot('2026-11-01T08:00:00', 26.67, 119.55),
      october,
      [{ kind: 'inFuture', takenOn: '2026-11-01', latestOn: '2026-10-31' }],
    ],
    [
      'a December report read on the 7th: a photo dated the 9th is in the future',
      shot('2026-12-09T08:00:00', 26.67, 119.55),
      { ...october, reportMonth: 12 },
      [{ kind: 'inFuture', takenOn: '2026-12-09', latestOn: '2026-12-07' }],
    ],
    [
      'no metadata at all: allowed, but marked twice',
      shot(null, null, null),
      october,
      [{ kind: 'noLocation' }, { kind: 'noTime' }],
    ],
    [
      'a project without coordinates: the distance is not checked',
      shot('2026-10-20T10:00:00', beijing.lat, beijing.lng),
      { ...october, projectLat: null, projectLng: null },
      [],
    ],
    [
      'a January report accepts December of the year before',
      shot('2025-12-15T10:00:00', 26.67, 119.55),
      { ...october, reportMonth: 1 },
      [],
    ],
  ])('%s', (_label, photo, context, findings) => {
    expect(photoEvidenceFindings(photo, context)).toEqual(findings);
  });
});

describe('photo windows', () => {
  it.each([
    ['an October report, seen in November', 2026, 10, '2026-11-20', '2026-09-01', '2026-10-31'],
    ['an October report, seen on 12 October', 2026, 10, '2026-10-12', '2026-09-01', '2026-10-12'],
    ['a January report', 2027, 1, '2027-02-03', '2026-12-01', '2027-01-31'],
  ])('%s: %i-%i on %s runs %s … %s', (_label, year, month, today, earliestOn, latestOn) => {
    expect(reportPhotoWindow(year, month, today)).toEqual({ earliestOn, latestOn });
  });
  it.each([
    ['a visit photographed the same day', '2026-05-03', '2026-06-01', 0, 0, '2026-05-03', '2026-05-03'],
    ['an inspection with a day either side', '2026-03-01', '2026-06-01', 1, 1, '2026-02-28', '2026-03-02'],
    ['a rectification answered until today', '2026-12-01', '2026-12-07', 0, 30, '2026-12-01', '2026-12-07'],
    ['a node reached across the year end', '2027-01-02', '2027-01-10', 7, 0, '2026-12-26', '2027-01-02'],
  ])(
    '%s: %s (today %s, -%i/+%i) runs %s … %s',
    (_label, eventOn, today, before, after, earliestOn, latestOn) => {
      expect(eventPhotoWindow(eventOn, today, { daysBefore: before, daysAfter: after })).toEqual({
        earliestOn,
        latestOn,
      });
    },
  );
  it('judges a photo against a window and a site', () => {
    const site = { projectLat: 26.6657, projectLng: 119.5479, maxDistanceKm: 5 };
    const window = { earliestOn: '2026-05-03', latestOn: '2026-05-03' };
    expect(photoWindowFindings(shot('2026-05-03T09:00:00', 26.67, 119.55), site, window)).toEqual([]);
    expect(photoWindowFindings(shot('2026-05-02T23:30:00', 26.67, 119.55), site, window)).toEqual([
      { kind: 'tooOld', takenOn: '2026-05-02', earliestOn: '2026-05-03' },
    ]);
    expect(photoWindowFindings(shot('2026-05-04T00:10:00', 39.9042, 116.4074), site, window)).toEqual([
      { kind: 'tooFar', distanceKm: 1500.4, maxDistanceKm: 5 },
      { kind: 'inFuture', takenOn: '2026-05-04', latestOn: '2026-05-03' },
    ]);
  });
});

describe('checkPhotoEvidenceSettings', () => {
  it.each([[5], [0.5], [1000]])('accepts %f km', (km) => {
    expect(checkPhotoEvidenceSettings({ maxDistanceKm: km })).toEqual({ maxDistanceKm: km });
  });
  it.each([[0], [-1], [1000.5], [2.25], [Number.NaN]])('refuses %f km naming the field', (km) => {
    expect(() => checkPhotoEvidenceSettings({ maxDistanceKm: km })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('visitPhotoWindow and milestonePhotoWindow', () => {
  it.each([
    [
      'a visit a month ago: the day before to the day after',
      '2026-11-05',
      '2026-12-07',
      '2026-11-04',
      '2026-11-06',
    ],
    ['a visit today: nothing after today', '2026-12-07', '2026-12-07', '2026-12-06', '2026-12-07'],
  ])('%s', (_, visitedOn, today, earliestOn, latestOn) => {
    expect(visitPhotoWindow(visitedOn, today)).toEqual({ earliestOn, latestOn });
  });

  it.each([
    [
      'a node reached on 10 November: the week before, not after',
      '2026-11-10',
      '2026-12-07',
      '2026-11-03',
      '2026-11-10',
    ],
    ['across a month end', '2026-03-02', '2026-12-07', '2026-02-23', '2026-03-02'],
  ])('%s', (_, reachedOn, today, earliestOn, latestOn) => {
    expect(milestonePhotoWindow(reachedOn, today)).toEqual({ earliestOn, latestOn });
  });

  it('flags a node photo taken after the day the node is claimed reached (backdating)', () => {
    const window = milestonePhotoWindow('2026-11-10', '2026-12-07');
    const site = { projectLat: ningde.lat, projectLng: ningde.lng, maxDistanceKm: 5 };
    expect(photoWindowFindings(shot('2026-11-20T10:00:00', ningde.lat, ningde.lng), site, window)).toEqual([
      { kind: 'inFuture', takenOn: '2026-11-20', latestOn: '2026-11-10' },
    ]);
    expect(photoWindowFindings(shot('2026-11-05T10:00:00', ningde.lat, ningde.lng), site, window)).toEqual(
      [],
    );
  });
});

describe('nearestPhotoSite', () => {
  const site = (key: string, lat: number | null, lng: number | null) => ({
    key,
    projectLat: lat,
    projectLng: lng,
    maxDistanceKm: 5,
  });
  const sites = [
    site('beijing', beijing.lat, beijing.lng),
    site('none', null, null),
    site('ningde', ningde.lat, ningde.lng),
  ];

  it('picks the site nearest the photo among those with coordinates', () => {
    expect(nearestPhotoSite({ latitude: 26.67, longitude: 119.55 }, sites)?.key).toBe('ningde');
    expect(nearestPhotoSite({ latitude: 40, longitude: 116.4 }, sites)?.key).toBe('beijing');
  });

  it('falls back to the first site without a place on either side, and to nothing for no sites', () => {
    expect(nearestPhotoSite({ latitude: null, longitude: null }, sites)?.key).toBe('beijing');
    expect(nearestPhotoSite({ latitude: 26.67, longitude: 119.55 }, [site('none', null, null)])?.key).toBe(
      'none',
    );
    expect(nearestPhotoSite({ latitude: 26.67, longitude: 119.55 }, [])).toBeUndefined();
  });
});
