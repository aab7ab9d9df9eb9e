import { firstDoubleHalf } from '@tuijin/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US';
import { zhCN } from '../../i18n/zh-CN';
import { doubleHalfTimingLabel } from './double-half-label';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

/** A year with a plan of 1000 万元 and 10 projects planned to start, half of both reached in `month`. */
const months = (reachedIn: number) =>
  [1, 2, 3, 4, 5, 6].map((month) => ({
    month,
    completedYtdWanYuan: month >= reachedIn ? '500' : String(month * 50),
    projectsStarted: month >= reachedIn ? 5 : 4,
  }));
const verdict = (reachedIn: number, asOfMonth: number) =>
  firstDoubleHalf({ asOfMonth, plannedWanYuan: '1000', plannedToStart: 10, months: months(reachedIn) });

describe('doubleHalfTimingLabel', () => {
  it.each([
    [5, 6, '提前 1 个月'],
    [4, 6, '提前 2 个月'],
    [3, 12, '提前 3 个月'],
    [6, 6, '6 月按期达到'],
  ])('reached in month %i, seen in month %i: %s', (reachedIn, asOfMonth, label) => {
    const half = verdict(reachedIn, asOfMonth);
    expect(half?.month).toBe(reachedIn);
    expect(doubleHalfTimingLabel({ monthsEarly: half?.monthsEarly ?? null }, zh)).toBe(label);
  });

  it('says nothing when not reached or not decidable', () => {
    expect(verdict(7, 6)).toBeNull();
    expect(doubleHalfTimingLabel({ monthsEarly: null }, zh)).toBeNull();
  });

  it('reads in English too', () => {
    expect(doubleHalfTimingLabel({ monthsEarly: 2 }, en)).toBe('2 month(s) early');
  });
});
