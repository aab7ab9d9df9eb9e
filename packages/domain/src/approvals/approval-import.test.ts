import { describe, expect, it } from 'vitest';
import {
  approvalCellText,
  approvalImportIssues,
  approvalImportMessage,
  isIgnoredApprovalHeading,
  matchApprovalHeading,
  mayImportApprovalStatus,
  parseApprovalCell,
  projectHeadingKind,
} from './approval-import';
import { approvalStatuses } from './approval-status';

const today = '2026-03-20';

describe('parseApprovalCell', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['/', null],
    ['—', null],
    ['无', null],
    [null, null],
  ])('reads %j as nothing to change', (cell, expected) => {
    expect(parseApprovalCell(cell, today)).toBe(expected);
  });

  it.each([
    ['2026-03-18', { status: 'approved', on: '2026-03-18', approvalNumber: null }],
    ['2026/3/18', { status: 'approved', on: '2026-03-18' }],
    ['2026.3.8', { status: 'approved', on: '2026-03-08' }],
    ['2026年3月18日', { status: 'approved', on: '2026-03-18' }],
    ['２０２６年３月１８日', { status: 'approved', on: '2026-03-18' }],
    [
      '2026-03-18 宁发改审批〔2026〕12号',
      { status: 'approved', on: '2026-03-18', approvalNumber: '宁发改审批〔2026〕12号' },
    ],
    [
      '已批复 2026.3.18，宁发改审批〔2026〕12号',
      { status: 'approved', on: '2026-03-18', approvalNumber: '宁发改审批〔2026〕12号' },
    ],
    ['办结（2026-03-01）', { status: 'approved', on: '2026-03-01' }],
    [
      '２０２６-03-18 宁发改（２０２６）12号',
      { status: 'approved', approvalNumber: '宁发改（２０２６）12号' },
    ],
    ['已受理 2026-03-02', { status: 'accepted', on: '2026-03-02' }],
    ['2026-03-02 受理', { status: 'accepted', on: '2026-03-02' }],
    ['退回 2026-03-05', { status: 'returned', on: '2026-03-05' }],
    ['未启动', { status: 'not_started', on: null }],
    ['编制中', { status: 'preparing', on: null }],
    ['不需办理', { status: 'not_needed', reason: null }],
    ['不涉及：线性工程不占林地', { status: 'not_needed', reason: '线性工程不占林地' }],
    [
      '容缺受理 2026-03-10 缺环评批复、用地预审意见',
      { status: 'accepted_with_gaps', on: '2026-03-10', missingMaterials: ['环评批复', '用地预审意见'] },
    ],
  ])('reads %j', (cell, expected) => {
    expect(parseApprovalCell(cell, today)).toEqual({ entry: expect.objectContaining(expected) });
  });

  it('reads an Excel date and a date serial as 已批复 that day', () => {
    expect(parseApprovalCell(new Date(Date.UTC(2026, 2, 18)), today)).toEqual({
      entry: expect.objectContaining({ status: 'approved', on: '2026-03-18' }),
    });
    expect(parseApprovalCell(46099, today)).toEqual({
      entry: expect.objectContaining({ status: 'approved', on: '2026-03-18' }),
    });
  });

  it.each([
    ['同意', 'unknownStatus'],
    ['批复了', 'missingDate'],
    ['OK', 'unknownStatus'],
    [12, 'unknownStatus'],
    ['2026-02-30', 'unreadableDate'],
    ['已受理 2026.13.1', 'unreadableDate'],
    ['2026-03-21', 'futureDate'],
    ['已受理', 'missingDate'],
    ['已批复', 'missingDate'],
    ['容缺受理', 'missingDate'],
    ['已受理 2026-03-02 宁发改', 'unexpectedText'],
    ['准备中 2026-03-02', 'unexpectedText'],
    ['容缺受理 2026-03-10', 'gapsNeedMaterials'],
  ])('refuses %j as %s', (cell, issue) => {
    expect(parseApprovalCell(cell, today)).toEqual({ problem: expect.objectContaining({ issue }) });
  });
});

describe('mayImportApprovalStatus', () => {
  it.each([
    ['not_started', 'approved', true],
    ['preparing', 'accepted_with_gaps', true],
    ['accepted', 'approved', true],
    ['accepted', 'preparing', false],
    ['accepted_with_gaps', 'approved', false],
    ['accepted_with_gaps', 'returned', true],
    ['approved', 'accepted', false],
    ['approved', 'approved', true],
    ['not_needed', 'approved', false],
    ['returned', 'approved', true],
  ] as const)('from %s to %s: %s', (from, to, allowed) => {
    expect(mayImportApprovalStatus(from, to)).toBe(allowed);
  });

  it('always allows the same status', () => {
    for (const status of approvalStatuses) expect(mayImportApprovalStatus(status, status)).toBe(true);
  });
});

describe('headings', () => {
  const procedures = [
    { code: 'huanping', name: '环境影响评价审批' },
    { code: 'shigong-xuke', name: '施工许可' },
  ];

  it.each([
    ['项目编码', 'code'],
    ['项目代码', 'code'],
    ['项目名称', 'name'],
    ['项 目', 'name'],
    ['施工许可', null],
  ])('reads %j as a project column of kind %s', (heading, kind) => {
    expect(projectHeadingKind(heading)).toBe(kind);
  });

  it('matches a procedure by name (blanks and a bracketed remark aside) or by code', () => {
    expect(matchApprovalHeading('施工 许可（住建）', procedures)?.code).toBe('shigong-xuke');
    expect(matchApprovalHeading('HUANPING', procedures)?.code).toBe('huanping');
    expect(matchApprovalHeading('环评', procedures)).toBeNull();
  });

  it('reads past the columns an office ledger keeps beside the procedures', () => {
    expect(isIgnoredApprovalHeading('序号')).toBe(true);
    expect(isIgnoredApprovalHeading('县（市、区）')).toBe(true);
    expect(isIgnoredApprovalHeading('施工许可')).toBe(false);
  });
});

describe('approvalImportMessage', () => {
  it('has a text for every issue', () => {
    for (const issue of approvalImportIssues)
      expect(approvalImportMessage({ issue, params: {} }).length).toBeGreaterThan(4);
  });
});

describe('approvalCellText', () => {
  const blank = {
    acceptedOn: null,
    approvedOn: null,
    returnedOn: null,
    approvalNumber: null,
    notNeededReason: null,
    missingMaterials: [],
  };
  it.each([
    [{ ...blank, status: 'preparing' }, '准备中'],
    [{ ...blank, status: 'accepted', acceptedOn: '2026-03-02' }, '已受理 2026-03-02'],
    [
      {
        ...blank,
        status: 'accepted_with_gaps',
        acceptedOn: '2026-03-02',
        missingMaterials: ['环评批复', '林地批复'],
      },
      '容缺受理 2026-03-02 缺环评批复、林地批复',
    ],
    [
      {
        ...blank,
        status: 'approved',
        acceptedOn: '2026-03-02',
        approvedOn: '2026-03-12',
        approvalNumber: '宁发改〔2026〕3号',
      },
      '2026-03-12 宁发改〔2026〕3号',
    ],
    [{ ...blank, status: 'returned', returnedOn: '2026-03-05' }, '退回 2026-03-05'],
    [{ ...blank, status: 'not_needed', notNeededReason: '不占林地' }, '不需办理 不占林地'],
  ] as const)('writes %j as %j and reads it back as the same state', (item, text) => {
    expect(approvalCellText(item)).toBe(text);
    const read = parseApprovalCell(text, '2026-03-20');
    expect(read).toEqual({ entry: expect.objectContaining({ status: item.status }) });
  });

  it('leaves 未启动 blank', () => {
    expect(approvalCellText({ ...blank, status: 'not_started' })).toBe('');
  });
});
