import { describe, expect, it } from 'vitest';
import { lockoutUntil } from './lockout';
import { defaultSecurityPolicy as policy } from './security-policy';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute));

describe('lockoutUntil', () => {
  it.each([
    { name: 'no failures', failures: [], now: at(0), expected: null },
    { name: 'four failures', failures: [0, 1, 2, 3].map(at), now: at(4), expected: null },
    {
      name: 'five failures within 15 minutes',
      failures: [0, 1, 2, 3, 4].map(at),
      now: at(5),
      expected: at(19),
    },
    {
      name: 'five failures spread over more than 15 minutes',
      failures: [0, 5, 10, 15, 20].map(at),
      now: at(21),
      expected: null,
    },
    {
      name: 'exactly at the end of the lock',
      failures: [0, 1, 2, 3, 4].map(at),
      now: at(19),
      expected: null,
    },
    {
      name: 'one minute before the end of the lock',
      failures: [0, 1, 2, 3, 4].map(at),
      now: at(18),
      expected: at(19),
    },
  ])('$name', ({ failures, now, expected }) => {
    expect(lockoutUntil(failures, policy, now)).toEqual(expected);
  });
});
