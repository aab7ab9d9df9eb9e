import { AppError, invalid } from '../errors';
import { indicatorRatio } from '../indicators/rate';
import { compareDecimals, type Ratio, subtractDecimal, sumDecimals } from '../money/decimal';

/**
 * The money an office negotiates for its projects (资金保障): 专项债券 (local government special
 * bonds), 中央预算内投资 (central budget investment) and 超长期特别国债 (ultra-long special treasury
 * bonds). Source: issue 16 item 3; DOMAIN.md "Factors, funds, events, workforce" and "Funds before
 * money arrives".
 */
export const fundKinds = ['specialBond', 'centralBudget', 'ultraLongTreasury'] as const;
export type FundKind = (typeof fundKinds)[number];

/** zh-CN names of the fund kinds, as ledgers and messages print them. */
export const fundKindNames: Record<FundKind, string> = {
  specialBond: '专项债券',
  centralBudget: '中央预算内投资',
  ultraLongTreasury: '超长期特别国债',
};

/**
 * The application pipeline before money arrives (Longshan: 7 bond projects, 4 passed provincial
 * review): 谋划储备 → 省级审核 → 报送国家发改委 → 批复, or 未通过.
 */
export const fundApplicationStages = [
  'planned',
  'provincialReview',
  'submitted',
  'approved',
  'rejected',
] as const;
export type FundApplicationStage = (typeof fundApplicationStages)[number];

export const fundApplicationStageNames: Record<FundApplicationStage, string> = {
  planned: '谋划储备',
  provincialReview: '省级审核',
  submitted: '报送国家发改委',
  approved: '批复',
  rejected: '未通过',
};

/**
 * The allowed moves as a table: forward one step at a time; the province may send an application
 * back to 谋划储备 for rework or refuse it (未通过); the NDRC approves or refuses what was submitted;
 * a refused application may be planned again ("成熟一个、申报一个"). 批复 is final.
 */
export const fundApplicationMoves: Record<FundApplicationStage, readonly FundApplicationStage[]> = {
  planned: ['provincialReview'],
  provincialReview: ['submitted', 'planned', 'rejected'],
  submitted: ['approved', 'rejected'],
  approved: [],
  rejected: ['planned'],
};

/** Refuses a move the table does not allow (INVALID_TRANSITION, naming both stages in zh-CN). */
export function assertFundApplicationMove(from: FundApplicationStage, to: FundApplicationStage): void {
  if (!fundApplicationMoves[from].includes(to))
    throw new AppError(
      'INVALID_TRANSITION',
      `申报不能从「${fundApplicationStageNames[from]}」改为「${fundApplicationStageNames[to]}」`,
      [
        {
          path: 'stage',
          message: `不能从「${fundApplicationStageNames[from]}」改为「${fundApplicationStageNames[to]}」`,
        },
      ],
    );
}

/** The date column each stage stamps when an application enters it. */
export const fundApplicationStageDate: Record<
  FundApplicationStage,
  'plannedOn' | 'provincialReviewOn' | 'submittedOn' | 'approvedOn' | 'rejectedOn'
> = {
  planned: 'plannedOn',
  provincialReview: 'provincialReviewOn',
  submitted: 'submittedOn',
  approved: 'approvedOn',
  rejected: 'rejectedOn',
};

/**
 * Whether an application passed the provincial review: it was submitted to the NDRC (submitted,
 * approved, or refused after being submitted — its submission date says so).
 */
export const passedProvincialReview = (application: {
  stage: FundApplicationStage;
  submittedOn: string | null;
}) =>
  application.stage === 'submitted' ||
  application.stage === 'approved' ||
  (application.stage === 'rejected' && application.submittedOn !== null);

/** Whether a project has started by `asOf`: its actual start on or before it (the one truth, see `impliedStage`). */
export const startedBy = (actualStartOn: string | null, asOf: string) =>
  actualStartOn !== null && actualStartOn <= asOf;

/**
 * 资金项目开工率 (fund-backed start rate) = projects with an allocation of the kind in the year whose
 * `actualStartOn` ≤ asOf ÷ all such projects (each project counted once however many batches it
 * got). Shandong: 391 of 397 special-bond projects = 98.5%.
 */
export function fundStartRate(projects: readonly { actualStartOn: string | null }[], asOf: string): Ratio {
  const started = projects.filter((p) => startedBy(p.actualStartOn, asOf)).length;
  return indicatorRatio(started, projects.length, ['started', 'fundedProjects']);
}

/** 资金支付率 (disbursement rate) = paid ÷ allocated, exact decimals in 万元 (null when nothing allocated). */
export function disbursementRate(input: { paidWanYuan: string; allocatedWanYuan: string }): Ratio {
  return indicatorRatio(input.paidWanYuan, input.allocatedWanYuan, ['paidWanYuan', 'allocatedWanYuan']);
}

/** The day `months` calendar months before a YYYY-MM-DD date, clamped to the month's end (05-31 − 3 → 02-28). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Default months after which money on an unstarted project counts as idle (闲置). */
export const defaultIdleMonths = 3;

/**
 * 闲置资金 (idle funds): allocations issued on or before `asOf` minus `idleMonths` months (default
 * 3) on a project that has not started by `asOf`. Answers those allocations, with the months
 * they have waited, oldest first.
 */
export function idleAllocations<
  T extends { issuedOn: string; actualStartOn: string | null; amountWanYuan: string },
>(
  allocations: readonly T[],
  asOf: string,
  idleMonths: number = defaultIdleMonths,
): (T & { monthsIdle: number })[] {
  if (!Number.isInteger(idleMonths) || idleMonths < 1 || idleMonths > 60)
    throw invalid([{ path: 'idleMonths', message: '闲置月数应为 1–60 的整数' }], '闲置月数应为 1–60 的整数');
  const cutoff = monthsBefore(asOf, idleMonths);
  return allocations
    .filter((a) => a.issuedOn <= cutoff && !startedBy(a.actualStartOn, asOf))
    .map((a) => ({ ...a, monthsIdle: monthsBetween(a.issuedOn, asOf) }))
    .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
}

/** Whole calendar months from `from` to `to` (2025-11-15 → 2026-03-02: 3). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/**
 * Refuses a payment that would take the paid total past the allocation: VALIDATION_FAILED on
 * `amountWanYuan`, naming the allocation, what is paid already and what remains (万元).
 */
export function assertPaymentFits(input: {
  allocatedWanYuan: string;
  paidWanYuan: readonly string[];
  amountWanYuan: string;
}): void {
  const paid = sumDecimals(input.paidWanYuan, (p) => p);
  const after = sumDecimals([paid, input.amountWanYuan], (p) => p);
  if (compareDecimals(after, input.allocatedWanYuan) > 0) {
    const remaining = subtractDecimal(input.allocatedWanYuan, paid);
    const message = `支付后累计 ${after} 万元，超过下达金额 ${input.allocatedWanYuan} 万元（已支付 ${paid} 万元，尚可支付 ${remaining} 万元）`;
    throw invalid([{ path: 'amountWanYuan', message }], message);
  }
}
