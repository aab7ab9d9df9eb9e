import type { CockpitFigures, CockpitFormula, CockpitRate } from '@tuijin/contracts';
import {
  completionRate,
  doubleHalf,
  doubleHalfMonth,
  firstDoubleHalf,
  isBehindTimeProgress,
  operationRate,
  planCompletionRate,
  progressGap,
  type Ratio,
  reportingTimeliness,
  startRate,
  statisticsEntryRate,
  timeProgress,
} from '@tuijin/domain';
import { decimal } from '../../lib/decimal-column';
import { type AggregateRow, halfMonths } from './cockpit-base';

const count = (value: number | string) => Number(value);

const rate = (formula: CockpitFormula, r: Ratio): CockpitRate => ({ formula, ...r });

/**
 * The figures of one rollup row (a group or the total), each rate computed by the domain's
 * indicator function from the summed numerators and denominators — never averaged from children.
 */
export function presentFigures(row: AggregateRow, year: number, month: number): CockpitFigures {
  const planned = decimal(row.planned);
  const ytd = decimal(row.ytd);
  const completion = planCompletionRate({ completedYtdWanYuan: ytd, plannedWanYuan: planned });
  const time = timeProgress({ year, asOfMonth: month });
  const plannedToStart = count(row.plans_start);
  const asOfMonth = Math.min(month, doubleHalfMonth);
  const half = doubleHalf({
    asOfMonth,
    completedYtdWanYuan: decimal(row.ytd_half),
    plannedWanYuan: planned,
    projectsStarted: count(row.started_half),
    plannedToStart,
  });
  const first = firstDoubleHalf({
    asOfMonth: month,
    plannedWanYuan: planned,
    plannedToStart,
    months: halfMonths.map((k) => ({
      month: k,
      completedYtdWanYuan: decimal(row[`ytd_${k}`]),
      projectsStarted: count(row[`started_${k}`] ?? 0),
    })),
  });
  const due = count(row.due);
  return {
    projectCount: { formula: 'projectCount', value: String(count(row.project_count)) },
    plannedInvestment: { formula: 'plannedInvestment', value: planned },
    cumulativePlan: { formula: 'cumulativePlan', value: decimal(row.cum_plan) },
    completedYtd: { formula: 'completedYtd', value: ytd },
    planCompletionRate: rate('planCompletionRate', completion),
    timeProgress: rate('timeProgress', time),
    progressGap: {
      formula: 'progressGap',
      value: progressGap(completion.percent, time.percent ?? '0'),
      isBehind: isBehindTimeProgress(completion.percent, time.percent ?? '0'),
    },
    startRate: rate('startRate', startRate({ started: count(row.started), plannedToStart })),
    completionRate: rate(
      'completionRate',
      completionRate({ completed: count(row.completed), plannedToComplete: count(row.plans_completion) }),
    ),
    operationRate: rate(
      'operationRate',
      operationRate({ inOperation: count(row.operating), plannedToOperate: count(row.plans_operation) }),
    ),
    doubleHalf: {
      formula: 'doubleHalf',
      asOfMonth,
      isReached: half.isReached,
      investment: rate('planCompletionRate', half.investment),
      start: rate('startRate', half.start ?? startRate({ started: 0, plannedToStart: 0 })),
      reachedMonth: first?.month ?? null,
      monthsEarly: first?.monthsEarly ?? null,
    },
    reportingTimeliness: rate(
      'reportingTimeliness',
      reportingTimeliness({ onTime: count(row.on_time), due }),
    ),
    lateCount: { formula: 'lateCount', value: String(count(row.late)) },
    missingCount: { formula: 'missingCount', value: String(count(row.missing)) },
    statisticsEntry: rate(
      'statisticsEntry',
      statisticsEntryRate({ entered: count(row.in_stat), total: due }),
    ),
    warnings: {
      formula: 'warnings',
      red: count(row.warning_red),
      yellow: count(row.warning_yellow),
      green: count(row.warning_green),
    },
  };
}
