import {
  defaultReportingRule,
  emptyHolidayCalendar,
  type ReportingRule,
  reportingPeriod,
  reportWindowState,
} from '@tuijin/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US';
import { zhCN } from '../../i18n/zh-CN';
import { reportSubmitLabel } from './report-submit-label';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

/** The window of (year, month) under `rule` as the server sends it, judged on `today`. */
function windowOn(rule: ReportingRule, year: number, month: number, today: string) {
  const period = reportingPeriod(rule, year, month, emptyHolidayCalendar);
  return { ...period, state: reportWindowState(period, today) };
}

/** Due on the 5th of the next month, open 3 days before: a window that opens in the month after the reported one. */
const nextMonthFifth: ReportingRule = {
  ...defaultReportingRule,
  deadlineMonthOffset: 1,
  deadlineDay: 5,
  opensDaysBefore: 3,
};

describe('reportSubmitLabel', () => {
  it('names the day the window opens before it is open (default rule: 25th, open 10 days before)', () => {
    // March 2027: due Thu 25 March, opens 15 March.
    const window = windowOn(defaultReportingRule, 2027, 3, '2027-03-10');
    expect(window.opensOn).toBe('2027-03-15');
    expect(window.state).toBe('notOpen');
    expect(reportSubmitLabel(window, zh)).toBe('3月15日开放报送');
    expect(reportSubmitLabel(window, en)).toBe('Opens for submission on 3/15');
  });

  it('names an opening day in the month after the reported one', () => {
    // May 2027 due Mon 7 June (the 5th is a Saturday), opens 4 June.
    const window = windowOn(nextMonthFifth, 2027, 5, '2027-05-31');
    expect(window.opensOn).toBe('2027-06-04');
    expect(reportSubmitLabel(window, zh)).toBe('6月4日开放报送');
  });

  it('names an opening day in the next year for a December report', () => {
    // December 2026 due Tue 5 January 2027, opens 2 January 2027; on 31 December it is not open yet.
    const window = windowOn(nextMonthFifth, 2026, 12, '2026-12-31');
    expect(window.opensOn).toBe('2027-01-02');
    expect(window.state).toBe('notOpen');
    expect(reportSubmitLabel(window, zh)).toBe('1月2日开放报送');
  });

  it('takes the day from the date string, whatever the time zone', () => {
    expect(reportSubmitLabel({ state: 'notOpen', opensOn: '2027-01-01' }, zh)).toBe('1月1日开放报送');
  });

  it.each(['open', 'late', 'closed'] as const)('is the plain submit label when the window is %s', (state) => {
    expect(reportSubmitLabel({ state, opensOn: '2027-01-02' }, zh)).toBe(zhCN.reports.form.submit);
  });

  it('is the plain submit label without a window', () => {
    expect(reportSubmitLabel(null, zh)).toBe(zhCN.reports.form.submit);
  });
});
