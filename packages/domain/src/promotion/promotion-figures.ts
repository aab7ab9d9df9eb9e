import { averageDays } from '../indicators/average-days';
import { indicatorRatio } from '../indicators/rate';
import { quotient, type Ratio, sumDecimals } from '../money/decimal';
import {
  type PromotionStage,
  producingStageKey,
  type StageEntry,
  signedStageKey,
  stageIndex,
  startedStageKey,
} from './promotion';

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Whole calendar days from `from` to `to` (0 on the same day). */
export const daysFrom = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

/** A lead as the figures read it. */
export interface LeadFacts {
  stage: string;
  history: readonly StageEntry[];
  contractWanYuan: string | null;
  isDropped: boolean;
  /** 实际开工 of the library project the lead became (转入项目库), if any. */
  projectStartOn: string | null;
}

/**
 * The lead as it stands on `asOf`, counting its project: a lead turned into a library project
 * counts as 开工 from the day that project really started (its actual start date, on or before
 * `asOf`) even when nobody moved the lead — "签约转开工" is measured on the real start, not on paperwork.
 * A lead already at 开工 or beyond, or dropped, is answered as it is.
 */
export function effectiveLead<T extends LeadFacts>(
  lead: T,
  stages: readonly PromotionStage[],
  asOf: string,
): T {
  const start = lead.projectStartOn;
  if (!start || start > asOf || lead.isDropped) return lead;
  const started = stageIndex(stages, startedStageKey);
  if (started < 0 || stageIndex(stages, lead.stage) >= started) return lead;
  const last =
    lead.history
      .map((e) => e.enteredOn)
      .sort()
      .at(-1) ?? '';
  return {
    ...lead,
    stage: startedStageKey,
    history: [...lead.history, { key: startedStageKey, enteredOn: [start, last].sort()[1]! }],
  };
}

/** The day a lead entered a stage, or null. */
export const enteredOn = (history: readonly StageEntry[], key: string) =>
  history.find((e) => e.key === key)?.enteredOn ?? null;

/**
 * 停留时间: the days a lead spent in each stage it has left — from entering the stage to entering
 * the next stage it reached (stages skipped have no stay). The stage it is in now has no finished
 * stay and is left out.
 */
export function stageStays(
  history: readonly StageEntry[],
  stages: readonly PromotionStage[],
): { key: string; days: number; leftOn: string }[] {
  const ordered = [...history]
    .filter((e) => stageIndex(stages, e.key) >= 0)
    .sort((a, b) => stageIndex(stages, a.key) - stageIndex(stages, b.key));
  return ordered.slice(0, -1).map((e, i) => {
    const next = ordered[i + 1]!;
    return { key: e.key, days: Math.max(0, daysFrom(e.enteredOn, next.enteredOn)), leftOn: next.enteredOn };
  });
}

/** The median of whole-day counts, one decimal ("12.0", "12.5"); null when there are none. */
export function medianDays(days: readonly number[]): string | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? quotient(sorted[mid]!, 1) : quotient(sorted[mid - 1]! + sorted[mid]!, 2);
}

/** Dwell time of one stage over many leads: how many finished stays, their average and median. */
export interface StageDwell {
  key: string;
  count: number;
  averageDays: string | null;
  medianDays: string | null;
}

/**
 * Average and median dwell time per stage over the stays that ended within [from, to] (a stay
 * belongs to the period it ended in). Stages in list order; a stage without stays answers nulls.
 */
export function stageDwellTimes(
  leads: readonly Pick<LeadFacts, 'history'>[],
  stages: readonly PromotionStage[],
  period: { from: string; to: string },
): StageDwell[] {
  const stays = leads
    .flatMap((lead) => stageStays(lead.history, stages))
    .filter((s) => s.leftOn >= period.from && s.leftOn <= period.to);
  return stages.map(({ key }) => {
    const days = stays.filter((s) => s.key === key).map((s) => s.days);
    return {
      key,
      count: days.length,
      averageDays: averageDays(days).average,
      medianDays: medianDays(days),
    };
  });
}

/**
 * 签约转开工率 = leads signed within [from, to] that started on or before `asOf` ÷ leads signed
 * within [from, to]. A lead counts as signed on the day it entered 签约 and as started on the day
 * it entered 开工 (its project's actual start, see {@link effectiveLead}). Dropped leads stay in the
 * denominator: a signed deal that fell through is a failed conversion.
 */
export function signedToStartedRate(
  leads: readonly Pick<LeadFacts, 'history'>[],
  period: { from: string; to: string },
  asOf: string,
): Ratio & { signed: number; started: number } {
  const signed = leads.filter((lead) => {
    const on = enteredOn(lead.history, signedStageKey);
    return on !== null && on >= period.from && on <= period.to;
  });
  const started = signed.filter((lead) => {
    const on = enteredOn(lead.history, startedStageKey);
    return on !== null && on <= asOf;
  });
  return {
    ...indicatorRatio(started.length, signed.length, ['started', 'signed']),
    signed: signed.length,
    started: started.length,
  };
}

/** The promises a signed lead makes: 承诺注册, 承诺开工, 承诺投产. */
export type LeadPromise = 'registration' | 'start' | 'production';

/**
 * The promises broken on `today`: a promised date passed (before today) while the lead has not
 * reached the stage that keeps it — registration: any stage after 签约; start: 开工; production: 投产.
 * Dropped leads break nothing.
 */
export function overduePromises(
  lead: Pick<LeadFacts, 'stage' | 'isDropped'> & {
    promisedRegistrationOn: string | null;
    promisedStartOn: string | null;
    promisedProductionOn: string | null;
  },
  stages: readonly PromotionStage[],
  today: string,
): LeadPromise[] {
  if (lead.isDropped) return [];
  const at = stageIndex(stages, lead.stage);
  const reached = (key: string, after = false) => {
    const i = stageIndex(stages, key);
    return i >= 0 && (after ? at > i : at >= i);
  };
  const due: [LeadPromise, string | null, boolean][] = [
    ['registration', lead.promisedRegistrationOn, reached(signedStageKey, true)],
    ['start', lead.promisedStartOn, reached(startedStageKey)],
    ['production', lead.promisedProductionOn, reached(producingStageKey)],
  ];
  return due.filter(([, on, kept]) => on !== null && on < today && !kept).map(([promise]) => promise);
}

/** One row of the funnel: leads now in the stage and leads that reached it (now there or beyond). */
export interface FunnelRow {
  key: string;
  currentCount: number;
  currentWanYuan: string;
  reachedCount: number;
  reachedWanYuan: string;
}

/**
 * 招商漏斗 over live (not dropped) leads: per stage, those now in it and those that reached it
 * (their stage is it or a later one), with the contract amounts (blank counts as 0). Leads whose
 * stage the list lacks (a county's own list read from the city) are left to the caller.
 */
export function promotionFunnel(
  leads: readonly Pick<LeadFacts, 'stage' | 'contractWanYuan' | 'isDropped'>[],
  stages: readonly PromotionStage[],
): FunnelRow[] {
  const live = leads.filter((l) => !l.isDropped);
  return stages.map(({ key }, i) => {
    const current = live.filter((l) => l.stage === key);
    const reached = live.filter((l) => stageIndex(stages, l.stage) >= i);
    const amount = (rows: typeof live) => sumDecimals(rows, (l) => l.contractWanYuan ?? '0');
    return {
      key,
      currentCount: current.length,
      currentWanYuan: amount(current),
      reachedCount: reached.length,
      reachedWanYuan: amount(reached),
    };
  });
}

/** The days of a period: a year, or one quarter of it (1–4). */
export function promotionPeriod(year: number, quarter?: number | null): { from: string; to: string } {
  if (!quarter) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${lastDay}` };
}
