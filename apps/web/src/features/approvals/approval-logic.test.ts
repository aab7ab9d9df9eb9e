import type { ApprovalItem, ApprovalProcedure } from '@tuijin/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { approvalsZhCN } from '../../i18n/approvals.zh-CN';
import {
  addableProcedures,
  approvalViewsFor,
  chainNames,
  editBody,
  isReasonRequired,
  moveBody,
  startBlockersOf,
  type TimingText,
  timingTag,
} from './approval-logic';

type Timing = ApprovalItem['timing'];
const timing = (overrides: Partial<Timing>): Timing => ({
  colour: 'none',
  elapsedDays: null,
  dueOn: null,
  approvedInTime: null,
  nextPromiseOn: null,
  promiseOverdue: false,
  conversionDueOn: null,
  conversionOverdue: false,
  isProvisional: false,
  ...overrides,
});

/** The zh-CN sentence of a timing text, interpolated the way i18next does. */
const zh = (text: TimingText) =>
  approvalsZhCN.approvals.timing[text.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(text.values[name]),
  );

describe('timingTag', () => {
  const running = { elapsedDays: 6, dueOn: '2026-12-18' };
  it.each([
    [
      'accepted green',
      'green',
      '已用 6/10 个工作日 · 截止 2026-12-18',
      'accepted',
      timing({ colour: 'green', ...running }),
    ],
    [
      'accepted yellow',
      'gold',
      '已用 6/10 个工作日 · 截止 2026-12-18',
      'accepted',
      timing({ colour: 'yellow', ...running }),
    ],
    [
      'accepted_with_gaps red',
      'red',
      '已用 9/10 个工作日 · 截止 2026-12-18',
      'accepted_with_gaps',
      timing({ colour: 'red', elapsedDays: 9, dueOn: '2026-12-18' }),
    ],
    [
      'accepted overdue',
      'magenta',
      '已超期 · 已用 12/10 个工作日 · 截止 2026-12-18',
      'accepted',
      timing({ colour: 'overdue', elapsedDays: 12, dueOn: '2026-12-18' }),
    ],
    [
      'approved done in time',
      'default',
      '按时办结 · 用时 7/10 个工作日',
      'approved',
      timing({ colour: 'done', elapsedDays: 7, approvedInTime: true }),
    ],
    [
      'approved done late',
      'default',
      '超时办结 · 用时 13/10 个工作日',
      'approved',
      timing({ colour: 'done', elapsedDays: 13, approvedInTime: false }),
    ],
    ['preparing not timed', 'default', '未计时', 'preparing', timing({})],
  ] as const)('%s → a %s tag "%s"', (_, colour, text, status, itemTiming) => {
    const tag = timingTag({ status, committedDays: 10, timing: itemTiming });
    expect(tag?.colour).toBe(colour);
    expect(tag && zh(tag.text)).toBe(text);
  });

  it('shows no tag for an item taken off the list', () => {
    expect(timingTag({ status: 'not_needed', committedDays: 10, timing: timing({}) })).toBeNull();
  });
});

describe('chainNames', () => {
  it('names the chain in its order, skipping ids no longer on the list', () => {
    const items = [
      { id: 'a', name: '用地预审与选址意见书' },
      { id: 'b', name: '建设用地规划许可证' },
      { id: 'c', name: '施工许可' },
    ];
    expect(chainNames(['a', 'gone', 'b', 'c'], items)).toEqual([
      '用地预审与选址意见书',
      '建设用地规划许可证',
      '施工许可',
    ]);
  });
});

describe('addableProcedures', () => {
  const procedure = (id: string, code: string, active = true) =>
    ({ id, code, name: code, active }) as ApprovalProcedure;
  const catalogue = [
    procedure('p1', 'huanping'),
    procedure('p2', 'jieneng'),
    procedure('p3', 'shuibao', false),
    procedure('p4', 'tushen'),
  ];

  it('offers the active procedures not on the checklist, by id or by code', () => {
    const items = [
      { procedureId: 'p1', code: 'huanping' },
      { procedureId: null, code: 'tushen' },
    ];
    expect(addableProcedures(catalogue, items).map((p) => p.code)).toEqual(['jieneng']);
  });

  it('offers every active one on an empty checklist', () => {
    expect(addableProcedures(catalogue, []).map((p) => p.code)).toEqual(['huanping', 'jieneng', 'tushen']);
  });
});

describe('isReasonRequired', () => {
  it.each([
    ['accepted', 'returned', true],
    ['preparing', 'not_needed', true],
    ['approved', 'accepted', true],
    ['not_started', 'accepted', false],
    ['accepted', 'approved', false],
    ['not_needed', 'not_started', false],
    ['preparing', undefined, false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(isReasonRequired(from, to)).toBe(expected);
  });
});

describe('moveBody', () => {
  const on = dayjs('2026-12-04');

  it('sends the 文号 only with an approval', () => {
    expect(moveBody({ to: 'approved', on, approvalNumber: ' 宁发改〔2026〕12号 ' }, 3)).toEqual({
      version: 3,
      to: 'approved',
      on: '2026-12-04',
      approvalNumber: '宁发改〔2026〕12号',
    });
    expect(moveBody({ to: 'returned', on, reason: ' 材料不全 ', approvalNumber: 'x' }, 3)).toEqual({
      version: 3,
      to: 'returned',
      on: '2026-12-04',
      reason: '材料不全',
    });
  });

  it('sends the missing materials of 容缺受理, a blank promise left to the default', () => {
    const body = moveBody(
      {
        to: 'accepted_with_gaps',
        on,
        reason: '  ',
        missingMaterials: [
          { name: ' 专家评审意见 ', promisedDays: 10 },
          { name: '土地权属证明', promisedDays: null },
        ],
      },
      1,
    );
    expect(body).toEqual({
      version: 1,
      to: 'accepted_with_gaps',
      on: '2026-12-04',
      missingMaterials: [{ name: '专家评审意见', promisedDays: 10 }, { name: '土地权属证明' }],
    });
  });

  it('drops materials typed before switching to another move', () => {
    expect(moveBody({ to: 'accepted', on, missingMaterials: [{ name: 'x' }] }, 2)).not.toHaveProperty(
      'missingMaterials',
    );
  });
});

describe('editBody', () => {
  const values = {
    agentUserId: 'u1',
    departmentId: 'd1',
    handlerName: '  ',
    materialsReadyOn: dayjs('2026-11-30'),
    submittedOn: null,
    approvalNumber: ' 宁环评〔2026〕5号 ',
    committedDays: 15,
    requiredBeforeStart: false,
    note: '已约谈',
  };

  it('sends only the fields the reader may change', () => {
    expect(editBody(values, ['materialsReadyOn', 'submittedOn', 'note'], 4)).toEqual({
      version: 4,
      materialsReadyOn: '2026-11-30',
      submittedOn: null,
      note: '已约谈',
    });
  });

  it('clears blank texts and keeps every field for the office', () => {
    expect(
      editBody(
        values,
        [
          'departmentId',
          'committedDays',
          'requiredBeforeStart',
          'dependsOn',
          'agentUserId',
          'handlerName',
          'materialsReadyOn',
          'submittedOn',
          'approvalNumber',
          'note',
        ],
        4,
      ),
    ).toEqual({
      version: 4,
      agentUserId: 'u1',
      departmentId: 'd1',
      handlerName: null,
      materialsReadyOn: '2026-11-30',
      submittedOn: null,
      approvalNumber: '宁环评〔2026〕5号',
      committedDays: 15,
      requiredBeforeStart: false,
      note: '已约谈',
    });
  });
});

describe('startBlockersOf', () => {
  const gate = [
    { path: 'approvals', issue: 'startBlocked', message: '施工许可（已受理）' },
    { path: 'approvals', issue: 'startBlocked', message: '环评：容缺材料未补齐（专家评审意见）' },
  ];

  it('lists the blockers of a refusal by the start gate', () => {
    const error = new ApiError(409, 'INVALID_TRANSITION', '项目尚不能转为新开工', gate);
    expect(startBlockersOf(error)).toEqual(['施工许可（已受理）', '环评：容缺材料未补齐（专家评审意见）']);
  });

  it.each([
    [
      'another INVALID_TRANSITION',
      new ApiError(409, 'INVALID_TRANSITION', '不能从在建转为前期', [{ path: 'to', message: 'x' }]),
    ],
    ['another code with the same details', new ApiError(400, 'VALIDATION_FAILED', 'x', gate)],
    ['a network failure', new TypeError('Failed to fetch')],
  ])('is null for %s', (_, error) => {
    expect(startBlockersOf(error)).toBeNull();
  });
});

describe('approvalViewsFor', () => {
  it.each([
    [['service_officer'], ['agent', 'all']],
    [['department_staff'], ['department', 'all']],
    [['office_staff'], ['all']],
    [
      ['department_staff', 'service_officer'],
      ['agent', 'department', 'all'],
    ],
  ] as const)('%o → %o', (roles, views) => {
    expect(approvalViewsFor(roles)).toEqual(views);
  });
});
