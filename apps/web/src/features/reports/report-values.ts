import type { MonthlyReport, SaveReportDraft } from '@tuijin/contracts';
import { addDecimals, parseWanYuan } from '@tuijin/domain';
import dayjs, { type Dayjs } from 'dayjs';

/** The report form's values as antd holds them (dates as Dayjs, amounts as typed text). */
export interface ReportFormValues {
  completedWanYuan?: string;
  progress?: string;
  actualStartOn?: Dayjs | null;
  actualCompletionOn?: Dayjs | null;
  actualOperationOn?: Dayjs | null;
  inStatistics?: boolean;
  statisticsWanYuan?: string;
  workersOnSite?: number | null;
}

const toDay = (value: string | null) => (value ? dayjs(value) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The stored fields the form edits. */
export type StoredReportFields = Pick<
  MonthlyReport,
  | 'completedWanYuan'
  | 'progress'
  | 'actualStartOn'
  | 'actualCompletionOn'
  | 'actualOperationOn'
  | 'inStatistics'
  | 'statisticsWanYuan'
  | 'workersOnSite'
>;

/** A stored report as form values (an absent report gives an empty form). */
export function reportToValues(report: StoredReportFields | null): ReportFormValues {
  if (!report) return { progress: '', inStatistics: false, workersOnSite: null };
  return {
    completedWanYuan: report.completedWanYuan,
    progress: report.progress,
    actualStartOn: toDay(report.actualStartOn),
    actualCompletionOn: toDay(report.actualCompletionOn),
    actualOperationOn: toDay(report.actualOperationOn),
    inStatistics: report.inStatistics,
    statisticsWanYuan: report.statisticsWanYuan ?? undefined,
    workersOnSite: report.workersOnSite,
  };
}

/** The typed fields as the contract takes them; year-to-date and since-start are never sent. */
export function valuesToFields(values: ReportFormValues): Omit<SaveReportDraft, 'version'> {
  return {
    completedWanYuan: values.completedWanYuan?.trim() ?? '',
    progress: values.progress ?? '',
    actualStartOn: fromDay(values.actualStartOn),
    actualCompletionOn: fromDay(values.actualCompletionOn),
    actualOperationOn: fromDay(values.actualOperationOn),
    inStatistics: values.inStatistics ?? false,
    statisticsWanYuan: values.inStatistics ? blankToNull(values.statisticsWanYuan) : null,
    workersOnSite: values.workersOnSite ?? null,
  };
}

/** The typed amount read by the one money parser (negative kept: the field rule judges it). */
function readAmount(typed: string | undefined): string | null {
  const read = parseWanYuan(typed, { allowNegative: true });
  return read.ok ? read.value : null;
}

/**
 * Year-to-date and since-start as the month's amount is typed: the approved totals before this
 * month plus the typed amount, in exact decimals (null while the typed text is not a number).
 */
export function runningTotals(
  typed: string | undefined,
  ytdBefore: string,
  sinceStartBefore: string,
): { ytd: string; sinceStart: string } | null {
  const amount = readAmount(typed);
  if (amount === null) return null;
  return { ytd: addDecimals([ytdBefore, amount]), sinceStart: addDecimals([sinceStartBefore, amount]) };
}
