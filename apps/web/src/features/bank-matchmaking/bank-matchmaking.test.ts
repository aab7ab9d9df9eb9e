import { describe, expect, it } from 'vitest';
import { followUpFieldsOf, pushListUrl, statusOptions } from './bank-matchmaking';

describe('bank matchmaking page logic', () => {
  it('builds the push-list address for a year and a bank', () => {
    expect(pushListUrl(2026, null)).toBe('/api/bank-matchmaking/push-list.xlsx?year=2026');
    expect(pushListUrl(2026, 'b1')).toBe('/api/bank-matchmaking/push-list.xlsx?year=2026&bankId=b1');
  });

  it.each([
    ['pushed', []],
    ['negotiating', []],
    ['credited', ['creditGrantedWanYuan', 'rolledOver']],
    ['disbursed', ['creditGrantedWanYuan', 'disbursed', 'rolledOver']],
    ['failed', ['failureReason']],
  ] as const)('asks for the fields of %s', (status, fields) => {
    expect(followUpFieldsOf(status)).toEqual(fields);
  });

  it('offers the current status first, then its moves', () => {
    expect(statusOptions('pushed', ['negotiating', 'credited', 'failed'])).toEqual([
      'pushed',
      'negotiating',
      'credited',
      'failed',
    ]);
    expect(statusOptions('disbursed', [])).toEqual(['disbursed']);
  });
});
