import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-chain';

/** The rule as first written (entries filtered, then sorted with `<`): the fast version must match it. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  it.each([
    null,
    undefined,
    0,
    -1.5,
    Number.NaN,
    true,
    '',
    '引号"与\\反斜杠\n',
    new Date('2026-12-07T10:00:00.123Z'),
    [1, undefined, null, 'a', [2, { b: 1 }]],
    { b: 1, a: { d: [1, 2], c: undefined }, 名称: '项目', Z: null, _: new Date(0), '10': 1, '9': 2 },
    { changes: { name: { before: null, after: '甲' }, levels: { before: null, after: ['provincial'] } } },
  ])('writes %j as the first version did', (value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
