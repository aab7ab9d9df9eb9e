import { describe, expect, it } from 'vitest';
import {
  assertFundApplicationMove,
  assertPaymentFits,
  disbursementRate,
  fundApplicationMoves,
  fundApplicationStages,
  fundStartRate,
  idleAllocations,
  monthsBefore,
  monthsBetween,
  passedProvincialReview,
} from './funds';

describe('fund application pipeline', () => {
  it('allows only the moves of the table', () => {
    expect(() => assertFundApplicationMove('planned', 'provincialReview')).not.toThrow();
    expect(() => assertFundApplicationMove('provincialReview', 'submitted')).not.toThrow();
    expect(() => assertFundApplicationMove('submitted', 'approved')).not.toThrow();
    expect(() => assertFundApplicationMove('rejected', 'planned')).not.toThrow();
    expect(() => assertFundApplicationMove('planned', 'approved')).toThrow('不能从「谋划储备」改为「批复」');
    for (const stage of fundApplicationStages)
      expect(() => assertFundApplicationMove('approved', stage)).toThrow();
    expect(fundApplicationMoves.approved).toEqual([]);
  });

  it('counts as past the provincial review what reached the NDRC', () => {
    expect(passedProvincialReview({ stage: 'submitted', submittedOn: '2026-01-05' })).toBe(true);
    expect(passedProvincialReview({ stage: 'approved', submittedOn: '2026-01-05' })).toBe(true);
    expect(passedProvincialReview({ stage: 'rejected', submittedOn: '2026-01-05' })).toBe(true);
    expect(passedProvincialReview({ stage: 'rejected', submittedOn: null })).toBe(false);
    expect(passedProvincialReview({ stage: 'provincialReview', submittedOn: null })).toBe(false);
  });
});

describe('fund indicators', () => {
  it('reads the start rate from actual start dates up to the as-of day (391/397 = 98.5%)', () => {
    const projects = [
      ...Array.from({ length: 391 }, () => ({ actualStartOn: '2026-02-01' })),
      ...Array.from({ length: 6 }, () => ({ actualStartOn: null })),
    ];
    expect(fundStartRate(projects, '2026-03-02')).toEqual({
      numerator: '391',
      denominator: '397',
      percent: '98.5',
    });
    // A start dated after the as-of day has not happened yet.
    expect(fundStartRate([{ actualStartOn: '2026-04-01' }], '2026-03-02').percent).toBe('0.0');
    expect(fundStartRate([], '2026-03-02').percent).toBeNull();
  });

  it('divides paid by allocated exactly', () => {
    expect(disbursementRate({ paidWanYuan: '1234.5', allocatedWanYuan: '3000' })).toEqual({
      numerator: '1234.5',
      denominator: '3000',
      percent: '41.2',
    });
    expect(disbursementRate({ paidWanYuan: '0', allocatedWanYuan: '0' }).percent).toBeNull();
  });

  it('lists money on unstarted projects issued N months or more before the as-of day', () => {
    const rows = [
      { id: 'a', issuedOn: '2025-11-20', actualStartOn: null, amountWanYuan: '500' },
      { id: 'b', issuedOn: '2025-12-02', actualStartOn: null, amountWanYuan: '300' },
      { id: 'c', issuedOn: '2025-12-03', actualStartOn: null, amountWanYuan: '300' },
      { id: 'd', issuedOn: '2025-06-01', actualStartOn: '2025-09-01', amountWanYuan: '800' },
      { id: 'e', issuedOn: '2025-06-01', actualStartOn: '2026-05-01', amountWanYuan: '800' },
    ];
    const idle = idleAllocations(rows, '2026-03-02');
    expect(idle.map((r) => r.id)).toEqual(['e', 'a', 'b']);
    expect(idle.find((r) => r.id === 'a')?.monthsIdle).toBe(3);
    expect(idleAllocations(rows, '2026-03-02', 6).map((r) => r.id)).toEqual(['e']);
    expect(() => idleAllocations(rows, '2026-03-02', 0)).toThrow('闲置月数');
  });

  it('counts calendar months, clamping to the month end', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-02', 3)).toBe('2025-12-02');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(monthsBetween('2025-11-15', '2026-03-02')).toBe(3);
    expect(monthsBetween('2026-03-02', '2026-03-01')).toBe(0);
  });
});

describe('payments within the allocation', () => {
  it('refuses a payment past the allocation, naming the amounts', () => {
    expect(() =>
      assertPaymentFits({ allocatedWanYuan: '1000', paidWanYuan: ['400', '500'], amountWanYuan: '100' }),
    ).not.toThrow();
    expect(() =>
      assertPaymentFits({ allocatedWanYuan: '1000', paidWanYuan: ['400', '500'], amountWanYuan: '100.5' }),
    ).toThrow('支付后累计 1000.5 万元，超过下达金额 1000 万元（已支付 900 万元，尚可支付 100 万元）');
  });
});
