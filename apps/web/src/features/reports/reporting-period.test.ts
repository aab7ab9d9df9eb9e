import { describe, expect, it } from 'vitest';
import { monthParam } from './reporting-period';

describe('monthParam', () => {
  it.each([null, '', '-01', '2026-13', '2026-00', '2026-1', 'abc'])('reads %o as no month', (value) => {
    expect(monthParam(value)).toBeNull();
  });

  it('reads 2026-11 as November 2026', () => {
    expect(monthParam('2026-11')?.format('YYYY-MM-DD')).toBe('2026-11-01');
  });
});
