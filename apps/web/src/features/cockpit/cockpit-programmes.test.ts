import type { CockpitProgrammeFigure } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { isRate, programmeHref } from './cockpit-programmes';

const place = { regionCode: '350902', year: 2026, asOf: '2026-03-02' };

describe('the module page behind each 专项工作 figure', () => {
  it.each([
    ['whitelistProvincial', '/whitelist?region=350902&year=2026&level=provincial'],
    ['whitelistCity', '/whitelist?region=350902&year=2026&level=city'],
    ['resumptionRate', '/resumption?region=350902&year=2026&date=2026-03-02'],
    ['workersAbnormal', '/workforce?region=350902&year=2026&date=2026-03-02'],
    ['specialBondStartRate', '/funds?region=350902&year=2026&kind=specialBond'],
    ['centralBudgetPaymentRate', '/funds?region=350902&year=2026&kind=centralBudget'],
    ['idleFunds', '/funds?region=350902&year=2026&kind=all'],
    ['factorDemandsOverdue', '/factors?region=350902&year=2026'],
    ['landQuotaUnstarted', '/factors?region=350902&year=2026&tab=quotas'],
    ['signedToStarted', '/promotion?region=350902&year=2026'],
    ['bankCreditSigned', '/bank-matchmaking?region=350902&year=2026'],
    ['campaignInvestment', '/events?region=350902&year=2026'],
  ] as const)('opens %s on %s', (key, href) => {
    expect(programmeHref(key, place)).toBe(href);
  });
});

describe('rates and values', () => {
  const figure = (numerator: string | null, denominator: string | null, value: string | null) =>
    ({
      key: 'resumptionRate',
      formula: 'resumptionRate',
      unit: 'count',
      numerator,
      denominator,
      percent: null,
      value,
    }) satisfies CockpitProgrammeFigure;
  it('tells a rate from a value', () => {
    expect(isRate(figure('3', '4', null))).toBe(true);
    expect(isRate(figure('0', '0', null))).toBe(true);
    expect(isRate(figure(null, null, '6'))).toBe(false);
  });
});
