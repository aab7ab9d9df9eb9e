import { compareDecimals } from '../money/decimal';

/**
 * 投资规模 bands by a project's total investment (万元). A fixed national set, not per
 * jurisdiction, because the figures offices publish use these lines: "5000 万元以上" (Dongfeng:
 * 34 projects ≥ 5000 万元), "亿元以上", "10 亿元以上". Disjoint bands (for grouping, they add up) and
 * cumulative thresholds (以上, for filtering; a threshold overlaps the bands above it). A band holds
 * `min ≤ total < max` (no max: unbounded).
 */
export interface SizeBand {
  key: SizeBandKey;
  /** Inclusive lower bound in 万元. */
  min: string | null;
  /** Exclusive upper bound in 万元; null = no upper bound. */
  max: string | null;
}

/** The disjoint bands a rollup groups by, smallest first. */
export const sizeBandKeys = ['lt5000', '5000to10000', '10000to100000', 'ge100000'] as const;
/** The cumulative thresholds (以上) bulletins report: 5000 万元以上, 亿元以上 (the cockpit's 分类汇总 rows). */
export const sizeThresholdKeys = ['ge5000', 'ge10000'] as const;
/** Every filter value: the four disjoint bands and the two cumulative thresholds (5000 万元以上, 亿元以上). */
export const sizeFilterKeys = [...sizeBandKeys, ...sizeThresholdKeys] as const;
export type SizeBandKey = (typeof sizeFilterKeys)[number];

const bounds: Record<SizeBandKey, [string | null, string | null]> = {
  lt5000: [null, '5000'],
  '5000to10000': ['5000', '10000'],
  '10000to100000': ['10000', '100000'],
  ge100000: ['100000', null],
  ge5000: ['5000', null],
  ge10000: ['10000', null],
};

/** The bounds of a band or threshold. */
export function sizeBand(key: SizeBandKey): SizeBand {
  const [min, max] = bounds[key];
  return { key, min, max };
}

/** The disjoint band a total investment (万元, exact decimal string) falls in. */
export function sizeBandOf(totalInvestmentWanYuan: string): (typeof sizeBandKeys)[number] {
  const found = sizeBandKeys.find((key) => isInSizeBand(totalInvestmentWanYuan, key));
  return found ?? 'ge100000';
}

/** Whether a total investment (万元) lies in a band or above a threshold: min ≤ total < max. */
export function isInSizeBand(totalInvestmentWanYuan: string, key: SizeBandKey): boolean {
  const { min, max } = sizeBand(key);
  if (min !== null && compareDecimals(totalInvestmentWanYuan, min) < 0) return false;
  if (max !== null && compareDecimals(totalInvestmentWanYuan, max) >= 0) return false;
  return true;
}
