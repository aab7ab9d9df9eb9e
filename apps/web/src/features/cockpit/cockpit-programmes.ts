import type { CockpitProgrammeFigure, CockpitProgrammeKey } from '@tuijin/contracts';

/** Where the panel's figures were taken: the region, the year and the day they count up to. */
export interface ProgrammePlace {
  regionCode: string;
  year: number;
  asOf: string;
}

/**
 * The module page behind a 专项工作 figure, opened on the panel's region and year (drill-down):
 * the whitelist at the figure's level, 复工复产 and 用工 on the day counted, 资金保障 for the fund kind
 * (闲置资金 over all kinds), 要素保障's board or its quota tab, 招商引资, 政银企对接, 集中开竣工.
 */
export function programmeHref(key: CockpitProgrammeKey, place: ProgrammePlace): string {
  const at = (path: string, extra: Record<string, string> = {}) =>
    `${path}?${new URLSearchParams({ region: place.regionCode, year: String(place.year), ...extra })}`;
  switch (key) {
    case 'whitelistProvincial':
      return at('/whitelist', { level: 'provincial' });
    case 'whitelistCity':
      return at('/whitelist', { level: 'city' });
    case 'resumptionRate':
      return at('/resumption', { date: place.asOf });
    case 'workersOnSite':
    case 'workersInObservation':
    case 'workersAbnormal':
      return at('/workforce', { date: place.asOf });
    case 'specialBondStartRate':
    case 'specialBondPaymentRate':
      return at('/funds', { kind: 'specialBond' });
    case 'centralBudgetStartRate':
    case 'centralBudgetPaymentRate':
      return at('/funds', { kind: 'centralBudget' });
    case 'idleFunds':
      return at('/funds', { kind: 'all' });
    case 'factorDemandsMet':
    case 'factorDemandsOverdue':
      return at('/factors');
    case 'landQuotaUnstarted':
    case 'energyQuotaUnstarted':
      return at('/factors', { tab: 'quotas' });
    case 'signedToStarted':
      return at('/promotion');
    case 'bankCreditSigned':
    case 'bankProjectsPushed':
      return at('/bank-matchmaking');
    case 'campaignEvents':
    case 'campaignProjects':
    case 'campaignInvestment':
      return at('/events');
  }
}

/** 万元 figures the panel reads in 亿元 whatever the level (credit signed, event investment, as published). */
export const yiYuanKeys: readonly CockpitProgrammeKey[] = ['bankCreditSigned', 'campaignInvestment'];

/** Whether a figure is a rate (numerator ÷ denominator, percent) rather than a single value. */
export function isRate(figure: CockpitProgrammeFigure): boolean {
  return figure.numerator !== null && figure.denominator !== null;
}
