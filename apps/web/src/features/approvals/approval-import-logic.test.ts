import type { ApprovalImportProblem, ApprovalImportResult } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { cellKey, localisedParams, mayConfirmImport, problemsByCell } from './approval-import-logic';

const problem = (
  row: number,
  column: string | null,
  issue: ApprovalImportProblem['issue'],
): ApprovalImportProblem => ({
  sheet: '蕉城区',
  row,
  column,
  severity: 'error',
  issue,
  params: {},
  message: '',
});

describe('problemsByCell', () => {
  it('groups problems by their cell, a row’s own problems under the row', () => {
    const byCell = problemsByCell([
      problem(4, 'D', 'unreadableDate'),
      problem(4, 'D', 'futureDate'),
      problem(5, null, 'unknownProject'),
    ]);
    expect(byCell.get(cellKey('蕉城区', 4, 'D'))?.map((p) => p.issue)).toEqual([
      'unreadableDate',
      'futureDate',
    ]);
    expect(byCell.get(cellKey('蕉城区', 5, null))?.map((p) => p.issue)).toEqual(['unknownProject']);
    expect(byCell.has(cellKey('蕉城区', 4, 'E'))).toBe(false);
  });
});

describe('localisedParams', () => {
  const names: Record<string, string> = { approved: 'Approved', preparing: 'Preparing' };
  it('names statuses by their codes and puts the hint in the reader’s words', () => {
    expect(
      localisedParams(
        {
          params: {
            procedure: '施工许可',
            from: '已批复',
            to: '准备中',
            fromStatus: 'approved',
            toStatus: 'preparing',
            hintKey: 'hintFinal',
            hint: '；…',
          },
        },
        (s) => names[s]!,
        (k) => `<${k}>`,
      ),
    ).toEqual({
      procedure: '施工许可',
      from: 'Approved',
      to: 'Preparing',
      fromStatus: 'approved',
      toStatus: 'preparing',
      hintKey: 'hintFinal',
      hint: '<hintFinal>',
    });
    expect(localisedParams({ params: { hintKey: '', hint: '' } }, String, String).hint).toBe('');
    expect(
      localisedParams({ params: { status: '已批复', statusCode: 'approved' } }, (s) => names[s]!, String)
        .status,
    ).toBe('Approved');
  });
});

describe('mayConfirmImport', () => {
  const preview = (isBlocked: boolean, itemsCreated: number, itemsUpdated: number) =>
    ({ isBlocked, counts: { itemsCreated, itemsUpdated } }) as ApprovalImportResult;
  it.each([
    [preview(false, 1, 0), true],
    [preview(false, 0, 2), true],
    [preview(true, 3, 0), false],
    [preview(false, 0, 0), false],
    [undefined, false],
  ])('%#', (result, expected) => {
    expect(mayConfirmImport(result)).toBe(expected);
  });
});
