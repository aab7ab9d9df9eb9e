import type { FundImportResult } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { mayConfirmFundImport, problemsByRow } from './fund-import-logic';

const result = (
  counts: Partial<FundImportResult['counts']>,
  problems: FundImportResult['problems'] = [],
): FundImportResult => ({
  sheet: '资金台账',
  dryRun: true,
  rows: [],
  problems,
  counts: {
    allocationsCreated: 0,
    allocationsExisting: 0,
    paymentsCreated: 0,
    paymentsExisting: 0,
    ...counts,
  },
});

describe('problemsByRow', () => {
  it('lists each row once, ascending, with its cells in the order given', () => {
    expect(
      problemsByRow([
        { row: 7, column: 'H', message: '下达日期 2026-03-03 晚于今天' },
        { row: 3, column: 'B', message: '项目代码 X 不在项目库中，或不在您的辖区内' },
        { row: 7, column: 'D', message: '资金类型为空' },
        { row: 5, column: null, message: '下达金额和支付金额都为空' },
      ]),
    ).toEqual([
      { row: 3, problems: [{ column: 'B', message: '项目代码 X 不在项目库中，或不在您的辖区内' }] },
      { row: 5, problems: [{ column: null, message: '下达金额和支付金额都为空' }] },
      {
        row: 7,
        problems: [
          { column: 'H', message: '下达日期 2026-03-03 晚于今天' },
          { column: 'D', message: '资金类型为空' },
        ],
      },
    ]);
    expect(problemsByRow([])).toEqual([]);
  });
});

describe('mayConfirmFundImport', () => {
  it.each([
    [{ allocationsCreated: 1 }, [], true],
    [{ paymentsCreated: 2, allocationsExisting: 1 }, [], true],
    [{ allocationsExisting: 1, paymentsExisting: 3 }, [], false],
    [{ allocationsCreated: 1 }, [{ row: 4, column: 'J', message: '超过下达金额' }], false],
    [{}, [], false],
  ] as const)('with %j and problems %j answers %s', (counts, problems, expected) => {
    expect(mayConfirmFundImport(result(counts, [...problems]))).toBe(expected);
  });
});
