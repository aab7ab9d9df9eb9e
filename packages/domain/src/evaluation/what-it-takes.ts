import { invalid } from '../errors';
import { formatDecimal } from '../money/decimal';
import { ceilDiv, formatPoints, scaledOf } from './points';
import type { EvaluationIndicatorKey } from './scheme';
import type { EntityScore } from './score';

/** Per indicator: what the entity would need on that indicator alone, the others held fixed. */
export interface IndicatorNeed {
  key: EvaluationIndicatorKey;
  /** False when even the full points of the indicator would not be enough (or it is already full). */
  isFeasible: boolean;
  /** The percent to reach (one decimal), null when not feasible. */
  neededPercent: string | null;
  /** The numerator to reach and how much more than now (万元 for plan completion, else a count). */
  neededNumerator: string | null;
  extraNumerator: string | null;
}

export interface WhatItTakes {
  code: string;
  targetRank: number;
  currentRank: number;
  /** Points to add to the total to reach the rank (0 when already there). */
  extraPoints: string;
  /** The total to reach: the total of the entity now holding that place among the others. */
  thresholdTotal: string | null;
  indicators: IndicatorNeed[];
}

/** Indicators whose numerator is an amount in 万元 (to 4 decimals); the others count projects, problems or reports. */
const amountIndicators: readonly EvaluationIndicatorKey[] = ['planCompletionRate'];

/**
 * 差距测算: what entity `code` needs to reach rank `targetRank`. With competition ranks it reaches
 * rank K when fewer than K others score strictly more, so the threshold is the K-th best total among
 * the others and the extra points are max(0, threshold − own total). Per indicator, holding the rest
 * fixed: the points needed on it (current + extra) must not exceed its weight; the percent to reach
 * is rounded up to one decimal, and the numerator up to a whole count (or 0.0001 万元), so reaching
 * it is guaranteed to give the points. 新开工个数 is measured against the best entity's count,
 * which stays the best as long as the entity does not exceed it.
 */
export function whatItTakes(results: readonly EntityScore[], code: string, targetRank: number): WhatItTakes {
  const me = results.find((r) => r.code === code);
  if (!me) throw invalid([{ path: 'code', message: `不在本次考评中：${code}` }], `不在本次考评中：${code}`);
  if (!Number.isInteger(targetRank) || targetRank < 1 || targetRank > results.length) {
    const message = `目标名次应为 1–${results.length}`;
    throw invalid([{ path: 'rank', message }], message);
  }
  const others = results
    .filter((r) => r.code !== code)
    .map((r) => scaledOf(r.total))
    .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const threshold = others.length >= targetRank ? others[targetRank - 1]! : null;
  const own = scaledOf(me.total);
  const extra = threshold !== null && threshold > own ? threshold - own : 0n;
  const indicators = me.indicators.map((indicator): IndicatorNeed => {
    const weight = scaledOf(indicator.weight);
    const target = scaledOf(indicator.points) + extra;
    if (extra === 0n)
      return {
        key: indicator.key,
        isFeasible: true,
        neededPercent: indicator.scoredPercent,
        neededNumerator: indicator.numerator,
        extraNumerator: '0',
      };
    if (indicator.isNotApplicable || target > weight)
      return {
        key: indicator.key,
        isFeasible: false,
        neededPercent: null,
        neededNumerator: null,
        extraNumerator: null,
      };
    // Percent in tenths: ceil(target × 1000 ÷ weight), both scaled alike.
    const tenths = ceilDiv(target * 1000n, weight);
    const denominator = scaledOf(indicator.denominator);
    const isAmount = amountIndicators.includes(indicator.key);
    // Numerator ≥ tenths/1000 × denominator: in 10^-4 units for amounts, whole units for counts.
    const needed = isAmount
      ? ceilDiv(tenths * denominator, 1000n)
      : ceilDiv(tenths * denominator, 1000n * 10_000n) * 10_000n;
    const current = scaledOf(indicator.numerator);
    const neededScaled = needed > current ? needed : current;
    return {
      key: indicator.key,
      isFeasible: true,
      neededPercent: `${tenths / 10n}.${tenths % 10n}`,
      neededNumerator: formatDecimal(neededScaled),
      extraNumerator: formatDecimal(neededScaled - current),
    };
  });
  return {
    code,
    targetRank,
    currentRank: me.rank,
    extraPoints: formatPoints(extra),
    thresholdTotal: threshold === null ? null : formatPoints(threshold),
    indicators,
  };
}
