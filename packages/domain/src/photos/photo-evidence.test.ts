import { describe, expect, it } from 'vitest';
import {
  checkPhotoEvidenceSettings,
  distanceKm,
  type PhotoEvidenceContext,
  type PhotoFacts,
  photoEvidenceFindings,
  photoPeriodStart,
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
