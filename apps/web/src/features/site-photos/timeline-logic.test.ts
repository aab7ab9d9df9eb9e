import type { PhotoTimeline } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { scopeOfSource, visibleMonths } from './timeline-logic';

type Month = PhotoTimeline['months'][number];
const photo = (id: string, flagged: boolean) =>
  ({ id, evidence: flagged ? [{ kind: 'noTime' }] : [] }) as unknown as Month['photos'][number];
const months: Month[] = [
  { month: '2026-11', count: 2, flagged: 1, photos: [photo('a', false), photo('b', true)] },
  { month: '2026-10', count: 1, flagged: 0, photos: [photo('c', false)] },
];

describe('visibleMonths', () => {
  it('shows every month and photo unless only flagged ones are asked for', () => {
    expect(visibleMonths(months, false)).toEqual(months);
  });
  it('keeps only flagged photos and drops months left empty', () => {
    const shown = visibleMonths(months, true);
    expect(shown.map((m) => [m.month, m.photos.map((p) => p.id)])).toEqual([['2026-11', ['b']]]);
    // The month's own counts stay those of the whole month.
    expect(shown[0]).toMatchObject({ count: 2, flagged: 1 });
  });
});

describe('scopeOfSource', () => {
  it.each([
    ['report', 'report'],
    ['visit', 'event'],
    ['milestone', 'event'],
    ['inspection', 'event'],
  ] as const)('a %s photo reads in the %s texts', (source, scope) => {
    expect(scopeOfSource(source)).toBe(scope);
  });
});
