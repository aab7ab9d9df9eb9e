import type { ApprovalItem, Problem } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { brokenPromises, mayRaiseFromBrokenPromise, problemsByItem } from './approval-loop';

const material = (name: string, overdue: boolean, suppliedOn: string | null = null) => ({
  id: name,
  name,
  promisedDays: 5,
  promisedOn: '2026-09-04',
  suppliedOn,
  fileId: null,
  note: null,
  overdue,
});
const item = (
  materials: ApprovalItem['materials'],
  status: ApprovalItem['status'] = 'accepted_with_gaps',
) => ({
  materials,
  status,
});
const problem = (id: string, approvalItemId: string | null, dueOn: string) =>
  ({ id, approvalItemId, dueOn }) as Problem;

describe('a broken 容缺 promise', () => {
  it('is a missing material past its date; a supplied one is not', () => {
    expect(
      brokenPromises(
        item([
          material('岩土勘察报告', true),
          material('消防设计专篇', false),
          material('测绘', true, '2026-09-05'),
        ]),
      ).map((m) => m.name),
    ).toEqual(['岩土勘察报告']);
  });

  it.each([
    ['the office, a broken promise, no open problem', true, [], 'accepted_with_gaps', true],
    ['someone else', false, [], 'accepted_with_gaps', false],
    [
      'an item that already has a problem',
      true,
      [problem('p1', 'i1', '2026-09-10')],
      'accepted_with_gaps',
      false,
    ],
    ['an item no longer 容缺受理', true, [], 'accepted', false],
  ] as const)('offers 转为问题 to %s: %s', (_, canManage, open, status, offered) => {
    expect(mayRaiseFromBrokenPromise(item([material('岩土勘察报告', true)], status), canManage, open)).toBe(
      offered,
    );
  });
});

describe('problems by item', () => {
  it('groups linked problems by item, earliest due first, and leaves out unlinked ones', () => {
    const grouped = problemsByItem([
      problem('b', 'i1', '2026-09-20'),
      problem('a', 'i1', '2026-09-10'),
      problem('c', null, '2026-09-01'),
      problem('d', 'i2', '2026-09-15'),
    ]);
    expect([...grouped.keys()]).toEqual(['i1', 'i2']);
    expect(grouped.get('i1')!.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
