import { describe, expect, it } from 'vitest';
import { negativeAmountAllowed, reportFieldMessage, reportFieldProblems } from './report-fields';

const base = { completedWanYuan: '120', inStatistics: false, statisticsWanYuan: null };

describe('reportFieldProblems', () => {
  it.each([
    ['a plain amount', base, []],
    [
      'a missing amount',
      { ...base, completedWanYuan: '' },
      [{ field: 'completedWanYuan', problem: 'blank' }],
    ],
    [
      'an undefined amount',
      { ...base, completedWanYuan: undefined },
      [{ field: 'completedWanYuan', problem: 'blank' }],
    ],
    [
      'a negative amount',
      { ...base, completedWanYuan: '-5' },
      [{ field: 'completedWanYuan', problem: 'negative' }],
    ],
    [
      'text for an amount',
      { ...base, completedWanYuan: '一百' },
      [{ field: 'completedWanYuan', problem: 'format' }],
    ],
    [
      '已入统 without the 入统 amount',
      { ...base, inStatistics: true, statisticsWanYuan: ' ' },
      [{ field: 'statisticsWanYuan', problem: 'statisticsRequired' }],
    ],
    ['已入统 with the 入统 amount', { ...base, inStatistics: true, statisticsWanYuan: '100' }, []],
    [
      'a negative 入统 amount',
      { ...base, inStatistics: true, statisticsWanYuan: '-1' },
      [{ field: 'statisticsWanYuan', problem: 'negative' }],
    ],
  ])('answers %s', (_name, fields, problems) => {
    expect(reportFieldProblems(fields, { allowNegative: false })).toEqual(problems);
  });

  it('takes a negative month where the region lets negative amounts through as a warning', () => {
    expect(reportFieldProblems({ ...base, completedWanYuan: '-5' }, { allowNegative: true })).toEqual([]);
    expect(negativeAmountAllowed(['sinceStartAboveTotal'])).toBe(true);
    expect(negativeAmountAllowed(['negativeAmount'])).toBe(false);
  });

  it('names the field in its message', () => {
    expect(reportFieldMessage({ field: 'statisticsWanYuan', problem: 'statisticsRequired' })).toContain(
      '入统金额',
    );
    expect(reportFieldMessage({ field: 'completedWanYuan', problem: 'negative' })).toBe(
      '本月完成投资不能为负数',
    );
  });
});
