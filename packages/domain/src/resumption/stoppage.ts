import { AppError } from '../errors';

/**
 * 停工 / 复工 of a project. A stoppage (停工, e.g. over the Spring Festival) is recorded with its
 * date and reason; it ends when work resumes (复工). Where the jurisdiction requires an inspection
 * group's acceptance before work may resume (as 东辽县 did: 检查组验收合格并备案后才能复工), a resumption
 * first waits for acceptance (待验收) and counts as resumed only once accepted.
 *
 *   stopped ──resume──▶ resumed                      (no acceptance required)
 *   stopped ──resume──▶ awaitingAcceptance ──accept──▶ resumed   (acceptance required)
 *
 * 备案 (filing the stoppage with the office) is a date recorded once, in any state.
 */
export const stoppageStatuses = ['stopped', 'awaitingAcceptance', 'resumed'] as const;
export type StoppageStatus = (typeof stoppageStatuses)[number];

export const stoppageStatusNames: Record<StoppageStatus, string> = {
  stopped: '停工',
  awaitingAcceptance: '待验收',
  resumed: '已复工',
};

/** Why a project stopped: the categories offices report under (春节停工, 疫情, 要素…). */
export const stoppageReasons = [
  'springFestival',
  'epidemic',
  'weather',
  'factors',
  'funds',
  'approval',
  'safety',
  'other',
] as const;
export type StoppageReason = (typeof stoppageReasons)[number];

export const stoppageReasonNames: Record<StoppageReason, string> = {
  springFestival: '春节停工',
  epidemic: '疫情防控',
  weather: '天气原因',
  factors: '要素保障不足',
  funds: '资金不到位',
  approval: '手续未办结',
  safety: '安全整改',
  other: '其他',
};

export type StoppageAction = 'resume' | 'accept';

/**
 * The status after `action`, or INVALID_TRANSITION naming the status it cannot leave that way.
 * `inspectionRequired` decides whether resuming waits for acceptance.
 */
export function transitionStoppage(
  status: StoppageStatus,
  action: StoppageAction,
  inspectionRequired: boolean,
): StoppageStatus {
  if (action === 'resume' && status === 'stopped')
    return inspectionRequired ? 'awaitingAcceptance' : 'resumed';
  if (action === 'accept' && status === 'awaitingAcceptance') return 'resumed';
  const what = action === 'resume' ? '复工' : '验收';
  throw new AppError('INVALID_TRANSITION', `${stoppageStatusNames[status]}状态的停工记录不能登记${what}`);
}

/** The dates a stoppage is judged by (YYYY-MM-DD strings; they compare as text). */
export interface StoppageDates {
  stoppedOn: string;
  resumedOn: string | null;
  inspectionRequired: boolean;
  acceptedOn: string | null;
}

/**
 * The day work counts as resumed: the resumption date, or when acceptance is required the later of
 * it and the acceptance date; null while not (fully) resumed.
 */
export function effectiveResumedOn(s: StoppageDates): string | null {
  if (!s.resumedOn) return null;
  if (!s.inspectionRequired) return s.resumedOn;
  if (!s.acceptedOn) return null;
  if (s.acceptedOn > s.resumedOn) return s.acceptedOn;
  return s.resumedOn;
}

/**
 * Date checks for the steps, as VALIDATION_FAILED details: a stoppage date not in the future nor
 * before the project started; a resumption not before the stop nor in the future; an acceptance not
 * before the resumption request nor in the future; an expected resumption not before the stop.
 */
export function checkStoppageDates(
  step: 'record' | 'resume' | 'accept' | 'file',
  input: { on: string; stoppedOn?: string; resumedOn?: string | null; actualStartOn?: string | null },
  today: string,
): { path: string; message: string }[] {
  const path = { record: 'stoppedOn', resume: 'resumedOn', accept: 'acceptedOn', file: 'filedOn' }[step];
  const out: { path: string; message: string }[] = [];
  if (input.on > today) out.push({ path, message: '日期不能晚于今天' });
  if (step === 'record' && input.actualStartOn && input.on < input.actualStartOn)
    out.push({ path, message: `项目 ${input.actualStartOn} 才开工，停工日期不能早于开工日期` });
  if (step === 'record' && !input.actualStartOn) out.push({ path, message: '项目尚未开工，不能登记停工' });
  if ((step === 'resume' || step === 'file') && input.stoppedOn && input.on < input.stoppedOn)
    out.push({ path, message: `不能早于停工日期 ${input.stoppedOn}` });
  if (step === 'accept' && input.resumedOn && input.on < input.resumedOn)
    out.push({ path, message: `不能早于申请复工日期 ${input.resumedOn}` });
  return out;
}
