import type { PlanCurve } from './annual-plan';

const monthly = ['10', '10', '20', '20', '20', '20', '0', '0', '0.5', '0.5', '49', '50'];
const quarterly = ['100', '200', '300', '400.0001'];
const curve = (
  splitKind: PlanCurve['splitKind'],
  splitWanYuan: string[] | null,
  plannedInvestmentWanYuan: string,
): PlanCurve => ({ splitKind, splitWanYuan, plannedInvestmentWanYuan });

/**
 * The table of cases `cumulativePlanToMonth` is tested on; the server runs the same rows through its
 * SQL twins (`db/rules/cumulative-plan.ts`) on PGlite and PostgreSQL, so the cockpit's curve, its
 * figures and the warnings' gaps read one rule.
 */
export const cumulativePlanCases: [name: string, plan: PlanCurve, month: number, cumulative: string][] = [
  ['no split, month 0', curve('none', null, '1200'), 0, '0'],
  ['no split, month 5', curve('none', null, '1200'), 5, '500'],
  ['no split rounds half up (1000 × 1 ÷ 12)', curve('none', null, '1000'), 1, '83.3333'],
  ['no split, month 2', curve('none', null, '1000'), 2, '166.6667'],
  ['no split, month 12', curve('none', null, '1000'), 12, '1000'],
  ['no split, exact half rounds away from zero', curve('none', null, '0.0006'), 1, '0.0001'],
  ['monthly, month 1', curve('month', monthly, '200'), 1, '10'],
  ['monthly, month 6', curve('month', monthly, '200'), 6, '100'],
  ['monthly, month 10', curve('month', monthly, '200'), 10, '101'],
  ['monthly, month 12', curve('month', monthly, '200'), 12, '200'],
  ['quarterly, a third of Q1', curve('quarter', quarterly, '1000.0001'), 1, '33.3333'],
  ['quarterly, two thirds of Q1', curve('quarter', quarterly, '1000.0001'), 2, '66.6667'],
  ['quarterly, Q1 whole', curve('quarter', quarterly, '1000.0001'), 3, '100'],
  ['quarterly, Q1 + two thirds of Q2', curve('quarter', quarterly, '1000.0001'), 5, '233.3333'],
  ['quarterly, month 11', curve('quarter', quarterly, '1000.0001'), 11, '866.6667'],
  ['quarterly, month 12', curve('quarter', quarterly, '1000.0001'), 12, '1000.0001'],
  ['a monthly kind without its split is read as no split', curve('month', null, '1200'), 3, '300'],
  ['a quarterly kind without its split is read as no split', curve('quarter', null, '1200'), 4, '400'],
];
