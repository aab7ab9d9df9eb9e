import { formatDecimal, parseDecimal } from '../money/decimal';
import type { ProjectStage } from '../projects/stages';
import { defaultBlockingChecks, type ReportCheckId, reportCheckIds } from './check-ids';

/** What the submission checks look at: the report as typed plus the project's context. */
export interface ReportCheckInput {
  month: number;
  completedWanYuan: string;
  statisticsWanYuan: string | null;
  progress: string;
  actualStartOn: string | null;
  /** 项目总投资; null when unknown (the since-start check is then skipped). */
  totalInvestmentWanYuan: string | null;
  /** Completed before this year (the plan's `prior_completed_wan_yuan`); null = 0. */
  priorCompletedWanYuan: string | null;
  /** Approved reports of the same year for the other months. */
  approvedMonths: readonly { month: number; completedWanYuan: string }[];
  /** Monthly amounts of the project's approved reports before this month (history, any year, oldest first). */
  history: readonly string[];
  /** Last month's progress text, if there was a report. */
  lastMonthProgress: string | null;
  /** For an office correction: the amount the approved report carried before it; null on a submission. */
  correctedFromWanYuan: string | null;
  projectStage: ProjectStage;
  /** The year's plan says the project starts in this month. */
  plannedToStartThisMonth: boolean;
  /** An earlier report (or the project) already carries the actual start date. */
  earlierActualStartOn: string | null;
}

/** Thresholds of the out-of-line check. */
export interface OutOfLineOptions {
  /** Flag a month above this multiple of the median of earlier months. */
  factor: number;
  /** …and above this amount in 万元 (small projects swing a lot in small numbers). */
  floorWanYuan: string;
  /** Months of history needed before the check speaks. */
  minHistory: number;
}

export const defaultOutOfLine: OutOfLineOptions = { factor: 3, floorWanYuan: '500', minHistory: 3 };

/** One check that did not pass: its id, whether it blocks, and the figures its message names. */
export interface ReportFindingResult {
  check: ReportCheckId;
  severity: 'block' | 'warn';
  params: Record<string, string | number | null>;
  message: string;
  messageEn: string;
}

type Params = Record<string, string | number | null>;
type Message = (p: Params) => { zh: string; en: string };

/** Each check's message in Chinese and English, from the figures it found. */
export const reportCheckMessages: Record<ReportCheckId, Message> = {
  negativeAmount: (p) => ({
    zh: `${p.field === 'statisticsWanYuan' ? '入统金额' : '本月完成投资'}不能为负数（填写为 ${p.value} 万元）`,
    en: `${p.field === 'statisticsWanYuan' ? 'The amount counted in statistics' : "The month's investment"} cannot be negative (entered ${p.value} 10k yuan)`,
  }),
  sinceStartAboveTotal: (p) => ({
    zh: `开工以来累计完成 ${p.sinceStart} 万元，超过项目总投资 ${p.total} 万元`,
    en: `Investment since start, ${p.sinceStart} (10k yuan), exceeds the total investment of ${p.total}`,
  }),
  ytdDecrease: (p) => ({
    zh: `本年累计完成将由 ${p.before} 万元减少为 ${p.after} 万元，低于已审核的累计数`,
    en: `Year-to-date investment would fall from ${p.before} to ${p.after} (10k yuan), below the approved figure`,
  }),
  outOfLine: (p) => ({
    zh: `本月完成 ${p.amount} 万元，超过此前各月中位数 ${p.median} 万元的 ${p.factor} 倍，请核实`,
    en: `This month's ${p.amount} (10k yuan) is over ${p.factor}× the median of earlier months (${p.median}); please verify`,
  }),
  progressUnchanged: () => ({
    zh: '形象进度与上月完全相同，请填写本月实际进展',
    en: "The progress text is identical to last month's; describe this month's progress",
  }),
  startedWithoutDate: (p) => ({
    zh:
      p.reason === 'stage'
        ? '项目已标记为开工，但未填写实际开工日期'
        : '本月计划开工且形象进度写明已开工，但未填写实际开工日期',
    en:
      p.reason === 'stage'
        ? 'The project is marked as started but no actual start date is given'
        : 'The project was planned to start this month and the progress says it started, but no actual start date is given',
  }),
};

const startedStages: readonly ProjectStage[] = ['started', 'underway', 'completed', 'operating'];
const saysStarted = /已开工|开工建设|正式开工|破土动工|动工建设|进场施工|开始施工/;
const saysNotStarted = /未开工|尚未开工|未能开工|推迟开工|准备开工|计划开工|拟开工|待开工/;
const normaliseText = (s: string) => s.replace(/[\s，。、；,.;]/g, '');

function median(values: readonly bigint[]): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2n;
}

/** Each check as a pure predicate: the figures for its message when it fails, null when it passes. */
export const reportChecks: Record<
  ReportCheckId,
  (input: ReportCheckInput, options: OutOfLineOptions) => Params | null
> = {
  /** A month's amount or the amount counted in statistics below zero. */
  negativeAmount: (input) => {
    if (parseDecimal(input.completedWanYuan) < 0n)
      return { field: 'completedWanYuan', value: input.completedWanYuan };
    if (input.statisticsWanYuan !== null && parseDecimal(input.statisticsWanYuan) < 0n)
      return { field: 'statisticsWanYuan', value: input.statisticsWanYuan };
    return null;
  },
  /** Prior years + every approved month of this year + this month above the project's total investment. */
  sinceStartAboveTotal: (input) => {
    if (input.totalInvestmentWanYuan === null) return null;
    const others = input.approvedMonths
      .filter((m) => m.month !== input.month)
      .reduce((sum, m) => sum + parseDecimal(m.completedWanYuan), 0n);
    const sinceStart =
      parseDecimal(input.priorCompletedWanYuan ?? '0') + others + parseDecimal(input.completedWanYuan);
    if (sinceStart <= parseDecimal(input.totalInvestmentWanYuan)) return null;
    return {
      sinceStart: formatDecimal(sinceStart),
      total: formatDecimal(parseDecimal(input.totalInvestmentWanYuan)),
    };
  },
  /**
   * Year-to-date going down: this month's YTD below last month's approved YTD (a negative month), or
   * an office correction lowering an approved month, which lowers every approved YTD from it on.
   */
  ytdDecrease: (input) => {
    const before = input.approvedMonths
      .filter((m) => m.month < input.month)
      .reduce((sum, m) => sum + parseDecimal(m.completedWanYuan), 0n);
    const amount = parseDecimal(input.completedWanYuan);
    if (input.correctedFromWanYuan !== null) {
      const old = parseDecimal(input.correctedFromWanYuan);
      if (amount >= old) return null;
      return { before: formatDecimal(before + old), after: formatDecimal(before + amount) };
    }
    if (amount >= 0n) return null;
    return { before: formatDecimal(before), after: formatDecimal(before + amount) };
  },
  /** A month above `factor` × the median of earlier months and above the floor (needs `minHistory` months). */
  outOfLine: (input, options) => {
    if (input.history.length < options.minHistory) return null;
    const amount = parseDecimal(input.completedWanYuan);
    const m = median(input.history.map((h) => parseDecimal(h)));
    if (amount <= parseDecimal(options.floorWanYuan) || amount <= m * BigInt(options.factor)) return null;
    return { amount: formatDecimal(amount), median: formatDecimal(m), factor: options.factor };
  },
  /** The progress text copied unchanged from last month (spacing and punctuation ignored). */
  progressUnchanged: (input) => {
    if (input.lastMonthProgress === null) return null;
    const now = normaliseText(input.progress);
    return now !== '' && now === normaliseText(input.lastMonthProgress) ? {} : null;
  },
  /**
   * No actual start date anywhere while the project's stage says started (新开工 or later), or while
   * the plan starts it this month and the progress text says it has started.
   */
  startedWithoutDate: (input) => {
    if (input.actualStartOn !== null || input.earlierActualStartOn !== null) return null;
    if (startedStages.includes(input.projectStage)) return { reason: 'stage' };
    if (
      input.plannedToStartThisMonth &&
      saysStarted.test(input.progress) &&
      !saysNotStarted.test(input.progress)
    )
      return { reason: 'progress' };
    return null;
  },
};

/**
 * Runs every submission check and answers the findings, each `block` when its id is in
 * `blockingChecks` (the reporting calendar's setting; {@link defaultBlockingChecks} by default) and
 * `warn` otherwise, with its message in Chinese and English. Order follows {@link reportCheckIds}.
 */
export function runReportChecks(
  input: ReportCheckInput,
  blockingChecks: readonly ReportCheckId[] = defaultBlockingChecks,
  options: OutOfLineOptions = defaultOutOfLine,
): ReportFindingResult[] {
  const findings: ReportFindingResult[] = [];
  for (const check of reportCheckIds) {
    const params = reportChecks[check](input, options);
    if (!params) continue;
    const { zh, en } = reportCheckMessages[check](params);
    findings.push({
      check,
      severity: blockingChecks.includes(check) ? 'block' : 'warn',
      params,
      message: zh,
      messageEn: en,
    });
  }
  return findings;
}
