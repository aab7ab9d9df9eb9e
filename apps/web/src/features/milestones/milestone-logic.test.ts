import type { MilestoneTemplate, ProjectMilestones } from '@tuijin/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { milestonesZhCN } from '../../i18n/milestones.zh-CN';
import {
  actualBody,
  adjustBody,
  chartFileName,
  defaultTargetOf,
  duplicateCodes,
  earliestStartMarker,
  isAdjustReasonRequired,
  type MilestoneText,
  nodeStatus,
  portfolioExportHref,
  portfolioQuery,
  startConflictOf,
  summaryParts,
  templateBody,
  templateChoices,
} from './milestone-logic';

/** The zh-CN text of a key under `milestones.`, interpolated the way i18next does. */
const zh = (text: MilestoneText) => {
  const template = text.key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], milestonesZhCN.milestones);
  if (typeof template !== 'string') throw new Error(`no text for ${text.key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(text.values[name]));
};

describe('nodeStatus', () => {
  const today = '2027-03-10';
  it.each([
    ['reached', { actualOn: '2027-03-01', overdue: false, plannedOn: '2027-03-05' }, '已完成', 'success'],
    ['late by nine days', { actualOn: null, overdue: true, plannedOn: '2027-03-01' }, '超期 9 天', 'error'],
    [
      'late across a month end',
      { actualOn: null, overdue: true, plannedOn: '2027-02-27' },
      '超期 11 天',
      'error',
    ],
    ['not due yet', { actualOn: null, overdue: false, plannedOn: '2027-04-01' }, '进行中', 'processing'],
  ])('reads a node %s', (_case, node, text, tone) => {
    const status = nodeStatus(node, today);
    expect(zh(status)).toBe(text);
    expect(status.tone).toBe(tone);
  });

  it('never says 超期 0 天 for a node the server calls late', () => {
    expect(zh(nodeStatus({ actualOn: null, overdue: true, plannedOn: today }, today))).toBe('超期 1 天');
  });
});

describe('summaryParts', () => {
  it('reads 共 N 个节点，已完成 n，超期 n，本月到期 n', () => {
    const parts = summaryParts({ total: 11, reached: 3, overdue: 2, dueThisMonth: 1 });
    expect(parts.map(zh).join('，')).toBe('共 11 个节点，已完成 3，超期 2，本月到期 1');
    expect(parts.map((part) => part.tone)).toEqual(['secondary', 'success', 'danger', 'warning']);
  });

  it('does not colour late or due counts that are zero', () => {
    const parts = summaryParts({ total: 6, reached: 6, overdue: 0, dueThisMonth: 0 });
    expect(parts.map((part) => part.tone)).toEqual(['secondary', 'success', 'secondary', 'secondary']);
  });
});

const template = (overrides: Partial<MilestoneTemplate>): MilestoneTemplate => ({
  id: 't',
  regionCode: '350900',
  name: '模板',
  domains: [],
  defaultTarget: 'start',
  nodes: [
    { code: 'signing', name: '项目签约', durationDays: 0, dependsOn: [] },
    { code: 'start', name: '开工', durationDays: 40, dependsOn: ['signing'] },
  ],
  active: true,
  version: 1,
  ...overrides,
});

describe('templateChoices', () => {
  it('offers active templates only, those suiting the project domain first', () => {
    const choices = templateChoices(
      [
        template({ id: 'energy', domains: ['能源'] }),
        template({ id: 'off', active: false }),
        template({ id: 'any', domains: [] }),
        template({ id: 'industry', domains: ['产业', '能源'] }),
      ],
      '产业',
    );
    expect(choices.map((choice) => [choice.template.id, choice.isSuitable])).toEqual([
      ['any', true],
      ['industry', true],
      ['energy', false],
    ]);
  });
});

describe('defaultTargetOf', () => {
  it('preselects the default target when it is a node, else the last node', () => {
    expect(defaultTargetOf(template({}))).toBe('start');
    expect(defaultTargetOf(template({ defaultTarget: 'gone' }))).toBe('start');
    expect(defaultTargetOf(template({ defaultTarget: 'gone', nodes: [] }))).toBeUndefined();
  });
});

describe('adjusting and recording', () => {
  it('asks for a reason only once the plan is frozen', () => {
    const plan = { templateName: '', targetCode: '', targetOn: '', frozenOn: null, version: 1 };
    expect(isAdjustReasonRequired({ ...plan, status: 'frozen', frozenOn: '2027-01-01' })).toBe(true);
    expect(isAdjustReasonRequired({ ...plan, status: 'draft' })).toBe(false);
    expect(isAdjustReasonRequired(null)).toBe(false);
  });

  it('sends the new date, the version and a trimmed reason, none when blank', () => {
    expect(adjustBody({ plannedOn: dayjs('2027-05-06'), reason: '  征迁延期 ' }, 4)).toEqual({
      version: 4,
      plannedOn: '2027-05-06',
      reason: '征迁延期',
    });
    expect(adjustBody({ plannedOn: dayjs('2027-05-06'), reason: '   ' }, 4)).toEqual({
      version: 4,
      plannedOn: '2027-05-06',
    });
  });

  it('sends the actual date with the evidence file and the note, null when blank', () => {
    expect(
      actualBody({ actualOn: dayjs('2027-03-01'), note: ' 已取得施工许可证 ', fileId: 'f1' }, 2),
    ).toEqual({
      version: 2,
      actualOn: '2027-03-01',
      fileId: 'f1',
      note: '已取得施工许可证',
    });
    expect(actualBody({ actualOn: dayjs('2027-03-01') }, 2)).toMatchObject({ fileId: null, note: null });
  });
});

describe('a plan refused for starting before the approvals allow', () => {
  it('reads both dates from the refusal, and nothing from other refusals', () => {
    expect(
      startConflictOf([
        { issue: 'other' },
        {
          issue: 'startBeforeApprovals',
          params: { startOn: '2026-10-15', earliestStartOn: '2026-12-22', node: '开工' },
        },
      ]),
    ).toEqual({ node: '开工', startOn: '2026-10-15', earliestStartOn: '2026-12-22' });
    expect(startConflictOf([{ issue: 'startBeforeApprovals' }])).toBeNull();
    expect(startConflictOf([])).toBeNull();
  });
});

describe('template editing', () => {
  it('finds codes used twice, ignoring blanks and spaces', () => {
    expect(
      duplicateCodes([{ code: 'land' }, { code: 'start ' }, { code: '' }, { code: 'start' }, { code: '' }]),
    ).toEqual(['start']);
    expect(duplicateCodes([{ code: 'a' }, { code: 'b' }])).toEqual([]);
  });

  it('trims the texts, keeps only 前置 codes still in the list (never the node itself) and the 开工 mark', () => {
    const body = templateBody(
      {
        name: ' 宁德在建项目 ',
        domains: ['产业', ' '],
        defaultTarget: 'start',
        active: true,
        nodes: [
          { code: 'signing ', name: ' 项目签约', durationDays: 0, dependsOn: [] },
          {
            code: 'start',
            name: '开工',
            durationDays: 30,
            dependsOn: ['signing', 'removed', 'start'],
            marksStart: true,
          },
          { code: 'permit', name: '施工许可', durationDays: null, marksStart: false },
        ],
      },
      7,
    );
    expect(body).toEqual({
      version: 7,
      name: '宁德在建项目',
      domains: ['产业'],
      defaultTarget: 'start',
      active: true,
      nodes: [
        { code: 'signing', name: '项目签约', durationDays: 0, dependsOn: [] },
        { code: 'start', name: '开工', durationDays: 30, dependsOn: ['signing'], marksStart: true },
        { code: 'permit', name: '施工许可', durationDays: 0, dependsOn: [] },
      ],
    });
  });
});

describe('chartFileName', () => {
  it('names the file after the chart and the project', () => {
    expect(chartFileName('时间节点图', '宁德时代 福鼎基地')).toBe('时间节点图-宁德时代 福鼎基地.png');
  });

  it('replaces characters a file system refuses', () => {
    expect(chartFileName('时间节点图', 'A/B:C*"D"\u0007')).toBe('时间节点图-A B C D.png');
    expect(chartFileName('时间节点图', '  ')).toBe('时间节点图.png');
  });
});

describe('portfolioQuery', () => {
  it('sends 只看超期 as true and leaves blank filters out', () => {
    expect(
      portfolioQuery({ overdue: true, q: '  港口 ', regionCode: '350902' }, { page: 2, pageSize: 20 }),
    ).toEqual({
      regionCode: '350902',
      q: '港口',
      overdue: 'true',
      page: 2,
      pageSize: 20,
    });
    expect(portfolioQuery({ overdue: false, q: ' ' }, { page: 1, pageSize: 20 })).toEqual({
      page: 1,
      pageSize: 20,
    });
  });
});

describe('the portfolio Excel export', () => {
  it('carries the chart’s filters but no paging', () => {
    expect(portfolioExportHref({ regionCode: '350902', q: ' 节点 ', overdue: true })).toBe(
      '/api/milestones/portfolio.xlsx?regionCode=350902&q=%E8%8A%82%E7%82%B9&overdue=true',
    );
    expect(portfolioExportHref({})).toBe('/api/milestones/portfolio.xlsx');
  });
});

describe('the 手续最早可开工 marker', () => {
  const plan = (chain: number, startActual: string | null) => ({
    approvalStart: {
      earliestStartOn: '2027-05-10',
      criticalChain: Array.from({ length: chain }, (_, i) => ({
        id: `a${i}`,
        name: '施工许可',
        finishOn: '2027-05-07',
      })),
      startNodeCode: 'start',
      isStartTooEarly: false,
    },
    nodes: [{ code: 'start', actualOn: startActual }] as ProjectMilestones['nodes'],
  });

  it.each([
    [1, null, '2027-05-10'],
    [0, null, null],
    [1, '2027-04-01', null],
  ])('with a chain of %i and 开工 reached on %s: %s', (chain, actual, marker) => {
    expect(earliestStartMarker(plan(chain, actual))).toBe(marker);
  });
});
