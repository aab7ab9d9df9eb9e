import { timeProgress } from '../indicators/time-progress';
import { type Ratio, ratio } from '../money/decimal';
import { formatPoints, roundToHundredths, scaledOf } from './points';
import type { Quarter } from './quarter';
import type { EvaluationIndicatorKey, EvaluationRules } from './scheme';

/** The raw figures of one indicator for one entity: numerator and denominator as decimal strings. */
export interface RawFigure {
  numerator: string;
  denominator: string;
}

/** A bonus (加分, e.g. hosting a 集中开工 event) or a penalty (扣分) entered by the office. */
export interface ScoreAdjustment {
  kind: 'bonus' | 'penalty';
  /** Points, positive, at most 2 decimals; a penalty subtracts them. */
  points: string;
  reason: string;
}

/** What one entity brings into scoring. `newStarts.numerator` is its count; its denominator is set by the scorer. */
export interface EntityInput {
  code: string;
  name: string;
  figures: Record<EvaluationIndicatorKey, RawFigure>;
  adjustments: ScoreAdjustment[];
  /** 免责: a recorded reason (e.g. force majeure) that keeps the entity off the black list. */
  exemptionReason: string | null;
}

/** One indicator line of a score breakdown: inputs, rate, weight and points. */
export interface IndicatorScore extends Ratio {
  key: EvaluationIndicatorKey;
  weight: string;
  /** The rate used for points: the percent capped at 100 (null when nothing to measure). */
  scoredPercent: string | null;
  /** True when the denominator is 0 (nothing to measure): full points, by rule. */
  isNotApplicable: boolean;
  points: string;
}

export type ListKind = 'red' | 'black';

/** One entity's scored, ranked result. */
export interface EntityScore {
  code: string;
  name: string;
  indicators: IndicatorScore[];
  adjustments: ScoreAdjustment[];
  indicatorPoints: string;
  adjustmentPoints: string;
  total: string;
  /** Competition rank (1, 2, 2, 4): equal totals share a rank. */
  rank: number;
  isTargetMet: boolean;
  /** The plan completion percent compared with the quarter's time progress, when the target uses it. */
  timeProgressPercent: string | null;
  list: ListKind | null;
  exemptionReason: string | null;
  /** True when the entity would be on the black list but its exemption keeps it off. */
  isSparedByExemption: boolean;
}

const full = scaledOf(100);

/** Points of one indicator: min(percent, 100) × weight ÷ 100, rounded half-up to hundredths. */
function indicatorScore(key: EvaluationIndicatorKey, weight: string, figure: RawFigure): IndicatorScore {
  const r = ratio(figure.numerator, figure.denominator);
  const w = scaledOf(weight);
  if (r.percent === null)
    return { key, weight, ...r, scoredPercent: null, isNotApplicable: true, points: formatPoints(w) };
  const percent = scaledOf(r.percent);
  const isOver = percent > full;
  const capped = isOver ? full : percent;
  const scoredPercent = isOver ? '100.0' : r.percent;
  return {
    key,
    weight,
    ...r,
    scoredPercent,
    isNotApplicable: false,
    points: formatPoints(roundToHundredths((capped * w) / full)),
  };
}

/** Competition ranks (1, 2, 2, 4) of totals: 1 + the number of strictly higher totals. */
export function competitionRanks(totals: readonly string[]): number[] {
  const scaled = totals.map(scaledOf);
  return scaled.map((t) => 1 + scaled.filter((other) => other > t).length);
}

/**
 * Scores, ranks and lists the entities of one quarter under a scheme's rules. Each rate indicator
 * scores min(rate, 100%) × weight; 新开工个数 scores its count relative to the best entity's (the
 * best gets full points); an indicator with nothing to measure (denominator 0) gets full points and
 * says so. Total = indicator points + bonuses − penalties. Ranks are competition ranks (ties
 * share). The quarterly target is met when plan completion ≥ the quarter's 序时进度 (if required)
 * and the total ≥ the pass score (if set). 红榜: target met and rank ≤ N. 黑榜: target missed and
 * among the bottom M (fewer than M entities strictly below), unless exempted — the exemption's
 * reason is kept and the list is not back-filled. Source: DOMAIN.md "Dispatch, warnings, ranking".
 */
export function scoreEntities(input: {
  rules: EvaluationRules;
  quarter: Quarter;
  entities: readonly EntityInput[];
}): EntityScore[] {
  const { rules, quarter } = input;
  let bestNewStarts = 0n;
  for (const e of input.entities) {
    const count = scaledOf(e.figures.newStarts.numerator);
    if (count > bestNewStarts) bestNewStarts = count;
  }
  const bestText = String(bestNewStarts / 10_000n);
  const time = timeProgress({ year: quarter.year, asOfMonth: quarter.endMonth }).percent!;
  const scored = input.entities.map((entity) => {
    const indicators = rules.indicators.map(({ key, weight }) =>
      indicatorScore(
        key,
        weight,
        key === 'newStarts'
          ? { numerator: entity.figures.newStarts.numerator, denominator: bestText }
          : entity.figures[key],
      ),
    );
    const indicatorPoints = indicators.reduce((sum, i) => sum + scaledOf(i.points), 0n);
    const adjustmentPoints = entity.adjustments.reduce(
      (sum, a) => sum + (a.kind === 'bonus' ? scaledOf(a.points) : -scaledOf(a.points)),
      0n,
    );
    const total = indicatorPoints + adjustmentPoints;
    const completion = ratio(
      entity.figures.planCompletionRate.numerator,
      entity.figures.planCompletionRate.denominator,
    );
    const meetsTime =
      !rules.requireTimeProgress ||
      completion.percent === null ||
      scaledOf(completion.percent) >= scaledOf(time);
    const meetsScore = rules.passScore === null || total >= scaledOf(rules.passScore);
    return {
      code: entity.code,
      name: entity.name,
      indicators,
      adjustments: entity.adjustments,
      indicatorPoints: formatPoints(indicatorPoints),
      adjustmentPoints: formatPoints(adjustmentPoints),
      total: formatPoints(total),
      isTargetMet: meetsTime && meetsScore,
      timeProgressPercent: rules.requireTimeProgress ? time : null,
      exemptionReason: entity.exemptionReason,
    };
  });
  const ranks = competitionRanks(scored.map((s) => s.total));
  const totals = scored.map((s) => scaledOf(s.total));
  const results: EntityScore[] = scored.map((s, i) => {
    const rank = ranks[i]!;
    const below = totals.filter((t) => t < totals[i]!).length;
    const isBlackCandidate = !s.isTargetMet && below < rules.blackBottomM;
    const isExempt = s.exemptionReason !== null;
    const list: ListKind | null =
      s.isTargetMet && rank <= rules.redTopN ? 'red' : isBlackCandidate && !isExempt ? 'black' : null;
    return { ...s, rank, list, isSparedByExemption: isBlackCandidate && isExempt };
  });
  return results.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}
