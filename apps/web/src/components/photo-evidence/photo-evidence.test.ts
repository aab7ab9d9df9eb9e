import { describe, expect, it } from 'vitest';
import { flaggedPhotoCount, formatKm, photoFindingText } from './photo-evidence';

describe('photoFindingText', () => {
  it('gives the distance with thousands separators and the threshold', () => {
    expect(photoFindingText({ kind: 'tooFar', distanceKm: 1500.4, maxDistanceKm: 5 }, 'zh-CN')).toEqual({
      key: 'reports.photoEvidence.tooFar',
      hintKey: 'reports.photoEvidence.hints.tooFar',
      values: { km: '1,500.4', max: '5' },
      color: 'error',
    });
  });
  it.each([
    [
      { kind: 'tooOld', takenOn: '2024-10-02', earliestOn: '2026-09-01' } as const,
      { takenOn: '2024-10-02', earliestOn: '2026-09-01' },
      'error',
    ],
    [
      { kind: 'inFuture', takenOn: '2026-11-01', latestOn: '2026-10-31' } as const,
      { takenOn: '2026-11-01', latestOn: '2026-10-31' },
      'error',
    ],
    [{ kind: 'noLocation' } as const, {}, 'warning'],
    [{ kind: 'noTime' } as const, {}, 'warning'],
  ])('%o reads with %o in %s', (finding, values, color) => {
    expect(photoFindingText(finding, 'en-US')).toMatchObject({
      key: `reports.photoEvidence.${finding.kind}`,
      values,
      color,
    });
  });
});

describe('photoFindingText of an event (a visit, a node reached)', () => {
  it('reads from the event texts with the window dates', () => {
    expect(
      photoFindingText({ kind: 'tooOld', takenOn: '2024-03-10', earliestOn: '2026-03-09' }, 'zh-CN', 'event'),
    ).toEqual({
      key: 'photos.evidence.tooOld',
      hintKey: 'photos.evidence.hints.tooOld',
      values: { takenOn: '2024-03-10', earliestOn: '2026-03-09' },
      color: 'error',
    });
    expect(photoFindingText({ kind: 'noLocation' }, 'zh-CN', 'event').key).toBe('photos.evidence.noLocation');
  });
});

describe('formatKm', () => {
  it.each([
    [500, 'zh-CN', '500'],
    [1500.43, 'en-US', '1,500.4'],
    [4.97, 'zh-CN', '5'],
  ])('%f km in %s is %s', (km, language, text) => {
    expect(formatKm(km, language)).toBe(text);
  });
});

describe('flaggedPhotoCount', () => {
  it('counts photos with at least one finding', () => {
    expect(
      flaggedPhotoCount([
        { evidence: [] },
        { evidence: [{ kind: 'noTime' }, { kind: 'noLocation' }] },
        { evidence: [{ kind: 'tooFar', distanceKm: 500, maxDistanceKm: 5 }] },
      ]),
    ).toBe(2);
  });
});
