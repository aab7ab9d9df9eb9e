import { invalid } from '../errors';
import type { BulletinTemplate } from './bulletin-template';
import { defaultBulletinTemplate } from './bulletin-template';

/**
 * 一日一通报 on a timer: a jurisdiction's office switches it on and sets the time of day (China); on
 * each working day at or after that time the day's bulletin is generated from the daily template and,
 * when the office chose so, issued at once (its files rendered, the offices below notified), else left
 * as a draft for the office to review and sign. Kept in the settings store as `dailyBulletin.<region>`.
 */
export interface DailyBulletinSettings {
  enabled: boolean;
  /** The time of day it is generated, `HH:MM` China time. */
  at: string;
  /** Issue it as generated (true), or leave a draft to review and sign (false). */
  autoIssue: boolean;
}

/** Off until the office switches it on; 17:30 is after the day's inspections and health checks are in. */
export const defaultDailyBulletinSettings: DailyBulletinSettings = {
  enabled: false,
  at: '17:30',
  autoIssue: true,
};

/** Refuses a time that is not `HH:MM` (00:00–23:59), naming the field. */
export function checkDailyBulletinSettings(settings: DailyBulletinSettings): DailyBulletinSettings {
  const m = /^(\d{2}):(\d{2})$/.exec(settings.at);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw invalid([{ path: 'at', message: '时间应写作 时:分，如 17:30' }], '一日一通报的生成时间无效');
  return settings;
}

/** The time of day in China (UTC+8, no daylight saving) of an instant: `HH:MM`. */
export function chinaTimeOfDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/**
 * Whether the day's bulletin is due now: switched on, a working day (the holiday calendar's answer,
 * 调休 Saturdays included), and the time of day reached. The caller skips a day already generated.
 */
export function dailyBulletinDue(
  settings: DailyBulletinSettings,
  timeOfDay: string,
  isWorkingDay: boolean,
): boolean {
  return settings.enabled && isWorkingDay && timeOfDay >= settings.at;
}

/**
 * A stored template with the sections added to the product after it was saved appended, switched
 * off, with the built-in lead — so an office's older template still parses and its editor offers them.
 */
export function completeBulletinTemplate(stored: BulletinTemplate): BulletinTemplate {
  const have = new Set(stored.sections.map((s) => s.key));
  const missing = defaultBulletinTemplate(stored.kind, { issuer: stored.issuer, prefix: stored.numberPrefix })
    .sections.filter((s) => !have.has(s.key))
    .map((s) => ({ ...s, enabled: false }));
  return missing.length === 0 ? stored : { ...stored, sections: [...stored.sections, ...missing] };
}
