import { describe, expect, it } from 'vitest';
import { firstNonEmptyView } from './default-view';

const views = ['handling', 'raised', 'all'] as const;
type Totals = Partial<Record<(typeof views)[number], number>>;

const cases: [Totals, string | undefined, string][] = [
  [{ handling: 3, raised: 1, all: 9 }, 'handling', 'the first tab when it holds problems'],
  [{ handling: 0, raised: 2, all: 9 }, 'raised', 'skips an empty 我承办的'],
  [{ handling: 0, raised: 0, all: 9 }, 'all', 'falls to 全部'],
  [{ handling: 0, raised: 0, all: 0 }, 'all', 'nothing anywhere: 全部'],
  [{ handling: 0, all: 9 }, undefined, 'waits while 我提出的 is loading'],
  [{}, undefined, 'waits for the first tab'],
];

describe('firstNonEmptyView', () => {
  it.each(cases)('%o → %s (%s)', (totals, expected) => {
    expect(firstNonEmptyView(views, totals)).toBe(expected);
  });
});
