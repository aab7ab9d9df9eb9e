import { invalid } from '../errors';
import { compareDecimals, parseDecimal, ratio, subtractDecimal } from '../money/decimal';

/**
 * Three-way reconciliation (三数比对, issue 16 item 4): for a project and a month, the investment the
 * owner reported for the year so far (自报), the statistics bureau's 入统 figure for the same period
 * and the special funds paid to it this year. An office chases a project whose figures part by
 * more than its threshold: the statistics are what the province counts, so a gap is either an
 * unreported 入统 or an inflated report.
 */

/** What makes a gap worth an office's call. */
export interface ReconciliationSettings {
  /** A gap between 自报 and 入统 counts above this share of 入统, in percent (e.g. 10). */
  gapPercent: number;
  /** …and only when it is at least this many 万元 (small projects' rounding is no gap). */
  gapMinWanYuan: string;
}

export const defaultReconciliationSettings: ReconciliationSettings = { gapPercent: 10, gapMinWanYuan: '100' };

/** Refuses settings an office could not mean (a percent outside 0–100, a negative amount). */
export function checkReconciliationSettings(settings: ReconciliationSettings): ReconciliationSettings {
  if (!Number.isFinite(settings.gapPercent) || settings.gapPercent <= 0 || settings.gapPercent > 100)
    throw invalid(
      [{ path: 'gapPercent', message: '差异比例应在 0 到 100 之间（不含 0），如 10 表示 10%' }],
      '差异比例无效',
    );
  if (!/^\d+(\.\d{1,4})?$/.test(settings.gapMinWanYuan))
    throw invalid(
      [{ path: 'gapMinWanYuan', message: '差异金额下限应为不小于 0 的金额（万元，最多四位小数）' }],
      '差异金额下限无效',
    );
  return settings;
}

/**
 * Why a project is listed: 自报 and 入统 part by more than the threshold; reported investment with
 * no 入统 figure although the month's statistics were imported (应统未统); or funds paid this year
 * beyond the reported investment by more than the amount threshold (钱已拨付、投资未报).
 */
export const reconciliationFlags = [
  'reportedVsStatistics',
  'notInStatistics',
  'fundsBeyondReported',
] as const;
export type ReconciliationFlag = (typeof reconciliationFlags)[number];

export const reconciliationFlagNames: Record<ReconciliationFlag, string> = {
  reportedVsStatistics: '自报与入统差异超限',
  notInStatistics: '有自报投资但未入统',
  fundsBeyondReported: '资金支付超过自报投资',
};

export interface ReconciliationFigures {
  /** Year-to-date investment from the approved monthly reports, 万元. */
  reportedWanYuan: string;
  /** The statistics bureau's year-to-date 入统 figure, 万元; null when the sheet has none for the project. */
  statisticsWanYuan: string | null;
  /** Special funds paid this year up to the month's end, 万元. */
  fundsPaidWanYuan: string;
  /** Whether statistics were imported for the month in the project's jurisdiction. */
  statisticsImported: boolean;
}

export interface Reconciliation {
  /** 自报 − 入统, 万元; null without a 入统 figure. */
  gapWanYuan: string | null;
  /** |自报 − 入统| as a percentage of 入统 (one decimal); null without one or when 入统 is 0. */
  gapPercent: string | null;
  flags: ReconciliationFlag[];
}

const abs = (value: string) => (value.startsWith('-') ? value.slice(1) : value);

/** The gap between the three figures and the flags they raise under `settings`. */
export function reconcile(figures: ReconciliationFigures, settings: ReconciliationSettings): Reconciliation {
  const flags: ReconciliationFlag[] = [];
  const min = settings.gapMinWanYuan;
  let gapWanYuan: string | null = null;
  let gapPercent: string | null = null;
  if (figures.statisticsWanYuan !== null) {
    gapWanYuan = subtractDecimal(figures.reportedWanYuan, figures.statisticsWanYuan);
    gapPercent = ratio(abs(gapWanYuan), figures.statisticsWanYuan).percent;
    const bigEnough = compareDecimals(abs(gapWanYuan), min) >= 0 && parseDecimal(gapWanYuan) !== 0n;
    // A gap above the share of 入统, compared exactly (the printed share is rounded); against a 入统
    // of zero any gap of the minimum amount counts.
    const share = parseDecimal(String(settings.gapPercent));
    const beyondShare =
      parseDecimal(abs(gapWanYuan)) * parseDecimal('100') > parseDecimal(figures.statisticsWanYuan) * share;
    if (bigEnough && beyondShare) flags.push('reportedVsStatistics');
  } else if (
    figures.statisticsImported &&
    compareDecimals(figures.reportedWanYuan, min) >= 0 &&
    parseDecimal(figures.reportedWanYuan) > 0n
  ) {
    flags.push('notInStatistics');
  }
  const fundsGap = subtractDecimal(figures.fundsPaidWanYuan, figures.reportedWanYuan);
  if (parseDecimal(fundsGap) > 0n && compareDecimals(fundsGap, min) >= 0) flags.push('fundsBeyondReported');
  return { gapWanYuan, gapPercent, flags };
}
