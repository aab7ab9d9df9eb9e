import type { MeetingCadence } from './meeting-cadence';

/** 会议类型: 调度会, 周例会, 专题会, 联席会议, 会商, 听取汇报. */
export const meetingKinds = ['dispatch', 'weekly', 'special', 'joint', 'consultation', 'hearing'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A meeting series as a preset offers it; the office names the chair and attendees when it adopts one. */
export interface MeetingSeriesPreset {
  code: string;
  name: string;
  kind: MeetingKind;
  /** Who chairs, as a title (the office picks the person). */
  chairTitle: string;
  cadence: MeetingCadence;
}

/**
 * The published rhythms. Shandong's 五个一 (一月一调度、一月一梳理、一月一会商、一月一反馈、一月一通报) as
 * five monthly sittings spread over the month's working days; a county weekly meeting on Mondays
 * (Luohe's 县区周例会, the ladder's level 2); Hui'an's monthly county-head coordination meeting (the
 * "1" of 321 — the department's three and the leader's two are counted from dispatch records, see
 * `cadencePreset321`). `anchorOn` of a weekly preset is replaced by the adopting office's first date.
 */
export const meetingSeriesPresets: Record<
  'fiveOnes' | 'countyWeekly' | 'huian321',
  readonly MeetingSeriesPreset[]
> = {
  fiveOnes: [
    {
      code: 'monthly-dispatch',
      name: '月度调度会',
      kind: 'dispatch',
      chairTitle: '分管领导',
      cadence: { kind: 'monthly', nthWorkingDay: 3 },
    },
    {
      code: 'monthly-review',
      name: '月度梳理会',
      kind: 'special',
      chairTitle: '重点项目办主任',
      cadence: { kind: 'monthly', nthWorkingDay: 6 },
    },
    {
      code: 'monthly-consultation',
      name: '月度会商会',
      kind: 'consultation',
      chairTitle: '分管领导',
      cadence: { kind: 'monthly', nthWorkingDay: 10 },
    },
    {
      code: 'monthly-feedback',
      name: '月度反馈会',
      kind: 'special',
      chairTitle: '重点项目办主任',
      cadence: { kind: 'monthly', nthWorkingDay: 14 },
    },
    {
      code: 'monthly-bulletin',
      name: '月度通报会',
      kind: 'dispatch',
      chairTitle: '主要领导',
      cadence: { kind: 'monthly', nthWorkingDay: 18 },
    },
  ],
  countyWeekly: [
    {
      code: 'county-weekly',
      name: '县区周例会',
      kind: 'weekly',
      chairTitle: '县区长',
      cadence: { kind: 'weekly', weekday: 1, everyWeeks: 1, anchorOn: '2026-01-05' },
    },
  ],
  huian321: [
    {
      code: 'head-coordination',
      name: '县长协调会',
      kind: 'dispatch',
      chairTitle: '县长',
      cadence: { kind: 'monthly', nthWorkingDay: 5 },
    },
  ],
};
