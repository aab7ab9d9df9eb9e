import { describe, expect, it } from 'vitest';
import { ratio } from '../money/decimal';
import { campaignFigures, eventFigures, participantProblems, reallyStartedOn, wanToYi } from './campaigns';

describe('reallyStartedOn', () => {
  it.each([
    ['actual start before the event', '2026-02-10', [], '2026-02-18', '2026-02-10'],
    ['actual start later in the event month', '2026-02-25', [], '2026-02-18', '2026-02-25'],
    ['actual start after the event month', '2026-03-01', [], '2026-02-18', null],
    ['no start at all', null, [], '2026-02-18', null],
    [
      'a report of the event month',
      null,
      [{ year: 2026, month: 2, actualStartOn: '2026-02-20' }],
      '2026-02-18',
      '2026-02-20',
    ],
    [
      'a report of a later month',
      null,
      [{ year: 2026, month: 3, actualStartOn: '2026-02-27' }],
      '2026-02-18',
      null,
    ],
    [
      'a report of an earlier year',
      null,
      [{ year: 2025, month: 12, actualStartOn: '2025-12-30' }],
      '2026-01-05',
      '2025-12-30',
    ],
    [
      'the earlier of the two',
      '2026-02-15',
      [{ year: 2026, month: 2, actualStartOn: '2026-02-09' }],
      '2026-02-18',
      '2026-02-09',
    ],
  ] as const)('%s', (_, actualStartOn, reportStarts, eventOn, expected) => {
    expect(reallyStartedOn({ actualStartOn, reportStarts }, eventOn)).toBe(expected);
  });
});

describe('participantProblems', () => {
  const names = new Map([
    ['a', '甲'],
    ['b', '乙'],
  ]);
  it('refuses a project twice and a role the kind does not allow', () => {
    expect(
      participantProblems(
        'start',
        [
          { projectId: 'a', role: 'start' },
          { projectId: 'a', role: 'start' },
          { projectId: 'b', role: 'completion' },
        ],
        names,
      ).map((p) => p.path),
    ).toEqual(['participants.1.projectId', 'participants.2.role']);
  });
  it('allows both roles at a 集中开竣工', () => {
    expect(
      participantProblems(
        'startAndCompletion',
        [
          { projectId: 'a', role: 'start' },
          { projectId: 'b', role: 'completion' },
        ],
        names,
      ),
    ).toEqual([]);
  });
});

describe('figures', () => {
  const p = (
    projectId: string,
    role: 'start' | 'completion',
    investmentWanYuan: string,
    started: string | null,
  ) => ({
    projectId,
    role,
    investmentWanYuan,
    reallyStartedOn: started,
  });
  it('sums an event by role and counts the really started', () => {
    expect(
      eventFigures([
        p('a', 'start', '100.5', '2026-02-01'),
        p('b', 'start', '200', null),
        p('c', 'completion', '50', null),
      ]),
    ).toEqual({
      projects: 3,
      startProjects: 2,
      completionProjects: 1,
      investmentWanYuan: '350.5',
      startInvestmentWanYuan: '300.5',
      completionInvestmentWanYuan: '50',
      reallyStarted: 1,
      reallyStartedRate: ratio(1, 2),
    });
  });
  it('sums a campaign over events, counts distinct projects and measures targets', () => {
    const figures = campaignFigures(
      [
        { participants: [p('a', 'start', '100', '2026-02-01')] },
        { participants: [p('a', 'start', '100', '2026-02-01'), p('b', 'completion', '10', null)] },
      ],
      { targetStartProjects: 4, targetCompletionProjects: null, targetStartInvestmentWanYuan: '400' },
    );
    expect(figures).toMatchObject({ events: 2, projects: 3, distinctProjects: 2, startProjects: 2 });
    expect(figures.startProgress).toEqual(ratio(2, 4));
    expect(figures.completionProgress).toBeNull();
    expect(figures.startInvestmentProgress?.percent).toBe('50.0');
  });
  it.each([
    ['1968400', '196.84'],
    ['0', '0.00'],
    ['49.99', '0.00'],
    ['50', '0.01'],
    ['12345.6789', '1.23'],
  ])('writes %s 万元 as %s 亿元', (wan, yi) => {
    expect(wanToYi(wan)).toBe(yi);
  });
});
