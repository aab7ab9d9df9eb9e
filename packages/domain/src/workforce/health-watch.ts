import { addCalendarDays } from '../reports/reporting-calendar';

/**
 * 应急健康监测 (e.g. 新冠疫情防控, 宁德 2020): an office switches a watch on for its jurisdiction
 * for a period; workers arriving from the listed origins are observed for `observationDays` days.
 */
export const originKinds = ['outsideProvince', 'listed'] as const;
export type OriginKind = (typeof originKinds)[number];

export interface ObservationRule {
  /** `outsideProvince` = every province but the jurisdiction's own; `listed` = `originProvinces`. */
  originKind: OriginKind;
  originProvinces: readonly string[];
  observationDays: number;
}

export interface HealthWatchRule extends ObservationRule {
  fromOn: string;
  /** Null: until switched off. */
  toOn: string | null;
  retentionDays: number;
}

/** 健康状态: 待观察, 观察中, 已解除, 异常, 无需观察. */
export const workerHealthStatuses = ['pending', 'observing', 'cleared', 'abnormal', 'notRequired'] as const;
export type WorkerHealthStatus = (typeof workerHealthStatuses)[number];
export const workerHealthStatusNames: Record<WorkerHealthStatus, string> = {
  pending: '待观察',
  observing: '观察中',
  cleared: '已解除',
  abnormal: '异常',
  notRequired: '无需观察',
};

/**
 * The last day of observation: the arrival day counts as day 1, so arriving 1 Feb with 14 days is
 * observed 1–14 Feb (this answers 14 Feb) and cleared on 15 Feb ({@link observationClearedOn}).
 */
export function observationEnd(arrivedOn: string, rule: Pick<ObservationRule, 'observationDays'>): string {
  return addCalendarDays(arrivedOn, rule.observationDays - 1);
}

/** The day a worker is cleared (解除观察): the day after {@link observationEnd}. */
export function observationClearedOn(
  arrivedOn: string,
  rule: Pick<ObservationRule, 'observationDays'>,
): string {
  return addCalendarDays(arrivedOn, rule.observationDays);
}

/** Whether a watch is on for a date: from its first day, through its last (none: until switched off). */
export const isWatchActive = (watch: Pick<HealthWatchRule, 'fromOn' | 'toOn'>, onDate: string) =>
  watch.fromOn <= onDate && (watch.toOn === null || onDate <= watch.toOn);

/** Whether an origin is one the rule observes; `ownProvince` is the jurisdiction's province. */
export function originObserved(originProvince: string, rule: ObservationRule, ownProvince: string | null) {
  return rule.originKind === 'outsideProvince'
    ? originProvince !== ownProvince
    : rule.originProvinces.includes(originProvince);
}

/** 体温 35.0–42.0 ℃, one decimal at most; 37.3 ℃ or above is a fever (发热, GB/T 5701 practice). */
export const temperatureRange = { min: '35.0', max: '42.0', fever: 37.3 } as const;

/** Reads a typed temperature: a decimal string with one decimal (36.5), within the range. */
export function checkTemperature(
  text: string,
): { ok: true; value: string } | { ok: false; problem: 'format' | 'range' } {
  const value = text.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d{2}(\.\d)?$/.test(value)) return { ok: false, problem: 'format' };
  const n = Number(value);
  if (n < 35 || n > 42) return { ok: false, problem: 'range' };
  return { ok: true, value: n.toFixed(1) };
}

/** Whether a daily check is abnormal: a fever or symptoms (咳嗽、乏力…). */
export const isAbnormalCheck = (check: { temperature: string; hasSymptoms: boolean }) =>
  check.hasSymptoms || Number(check.temperature) >= temperatureRange.fever;

export interface HealthFacts {
  arrivedOn: string;
  originProvince: string;
  /** The latest daily check on or before the date (during the watch), if any. */
  latestCheck: { checkedOn: string; temperature: string; hasSymptoms: boolean } | null;
}

/**
 * A worker's health status on a date under a watch (null: no watch on → 无需观察):
 * - 异常 when the latest check is abnormal (a later normal check lifts it);
 * - 无需观察 when the origin is not observed, or the observation would have ended before the watch began;
 * - 待观察 when observed but not arrived yet (registered ahead of 返岗);
 * - 观察中 from the arrival day through {@link observationEnd};
 * - 已解除 from {@link observationClearedOn}.
 */
export function workerHealthStatus(
  worker: HealthFacts,
  watch: HealthWatchRule | null,
  onDate: string,
  ownProvince: string | null,
): WorkerHealthStatus {
  if (!watch || !isWatchActive(watch, onDate)) return 'notRequired';
  if (worker.latestCheck && isAbnormalCheck(worker.latestCheck)) return 'abnormal';
  if (!originObserved(worker.originProvince, watch, ownProvince)) return 'notRequired';
  const clearedOn = observationClearedOn(worker.arrivedOn, watch);
  if (clearedOn <= watch.fromOn) return 'notRequired';
  if (worker.arrivedOn > onDate) return 'pending';
  if (onDate < clearedOn) return 'observing';
  return 'cleared';
}

/** 可上岗: not abnormal and not under (or awaiting) observation. */
export const isClearedToWork = (status: WorkerHealthStatus) =>
  status === 'notRequired' || status === 'cleared';

/**
 * The day a watch's health records may be purged: `retentionDays` after its last day (kept through
 * that day, purged from the next). Null while the watch has no end.
 */
export function healthRecordsPurgeOn(watch: Pick<HealthWatchRule, 'toOn' | 'retentionDays'>): string | null {
  return watch.toOn === null ? null : addCalendarDays(watch.toOn, watch.retentionDays + 1);
}
