import { describe, expect, it } from 'vitest';
import {
  figureText,
  formulaKey,
  groupFigure,
  insertAt,
  periodOfPickedDate,
  periodPickerDate,
  templateFieldName,
  yearOnYearText,
} from './bulletin-logic';

describe('bulletin periods in the pickers', () => {
  it.each([
    ['monthly', '2026-10', '2026-10-01'],
    ['weekly', '2026-W45', '2026-11-02'],
    ['daily', '2026-12-04', '2026-12-04'],
    ['monthly', 'nonsense', null],
    ['weekly', '2026-W54', null],
  ] as const)('%s %s opens on %s', (kind, period, date) => {
    expect(periodPickerDate(kind, period)).toBe(date);
  });

  it.each([
    ['monthly', '2026-10-17', '2026-10'],
    ['weekly', '2026-11-08', '2026-W45'],
    ['weekly', '2027-01-01', '2026-W53'],
    ['daily', '2026-12-04', '2026-12-04'],
  ] as const)('%s picked on %s is %s', (kind, date, period) => {
    expect(periodOfPickedDate(kind, date)).toBe(period);
  });
});

describe('formulaKey', () => {
  const known = new Set(['cockpit.formula.startRate']);
  it('uses the cockpit formula when one exists, else the bulletin’s own, and a full key as given', () => {
    expect(formulaKey('startRate', (k) => known.has(k))).toBe('cockpit.formula.startRate');
    expect(formulaKey('rank', (k) => known.has(k))).toBe('bulletins.formula.rank');
    expect(formulaKey('bulletins.formula.redCount', () => false)).toBe('bulletins.formula.redCount');
  });
});

describe('figures as the bulletin writes them', () => {
  it.each([
    [{ unit: '万元', yearOnYear: '12.5' }, '+12.5%'],
    [{ unit: '万元', yearOnYear: '-3.0' }, '-3.0%'],
    [{ unit: '%', yearOnYear: '1.2' }, '+1.2 个百分点'],
    [{ unit: '%', yearOnYear: '0' }, '0 个百分点'],
    [{ unit: '个', yearOnYear: '17' }, '+17'],
    [{ unit: '个', yearOnYear: null }, null],
    [{ unit: '万元', yearOnYear: '+6.8%' }, '+6.8%'],
    [{ unit: '%', yearOnYear: '+3.4 个百分点' }, '+3.4 个百分点'],
  ] as const)('同比 of %j reads %s', (figure, text) => {
    expect(yearOnYearText(figure, '个百分点')).toBe(text);
  });

  it('groups digits and adds the unit', () => {
    expect(groupFigure('2802430.553')).toBe('2,802,430.553');
    expect(groupFigure('-1234')).toBe('-1,234');
    expect(groupFigure('abc')).toBe('abc');
    expect(figureText('1234.5', '万元')).toBe('1,234.5 万元');
    expect(figureText('45.2', '%')).toBe('45.2%');
    expect(figureText(null, '%')).toBe('—');
    expect(figureText('7', null)).toBe('7');
  });
});

describe('template form helpers', () => {
  it('turns a server path into the form field name', () => {
    expect(templateFieldName('sections.2.lead')).toEqual(['sections', 2, 'lead']);
    expect(templateFieldName('template.title')).toEqual(['title']);
  });

  it('inserts a placeholder at the caret, replacing a selection', () => {
    expect(insertAt('完成投资万元', 4, 4, '{完成投资}')).toEqual({
      text: '完成投资{完成投资}万元',
      caret: 10,
    });
    expect(insertAt('abcdef', 1, 3, 'X')).toEqual({ text: 'aXdef', caret: 2 });
    expect(insertAt('ab', 9, 9, 'X')).toEqual({ text: 'abX', caret: 3 });
  });
});
