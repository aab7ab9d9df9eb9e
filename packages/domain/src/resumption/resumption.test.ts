import { describe, expect, it } from 'vitest';
import { resumptionCountOn, zoneProgress } from './resumption-rate';
import { checkStoppageDates, effectiveResumedOn, transitionStoppage } from './stoppage';
import { onWhitelistOn, whitelistInclusionProblems, whitelistRemovalProblems } from './whitelist';
import { zoneProblems } from './zones';

const stop = (stoppedOn: string, resumedOn: string | null = null, acceptedOn: string | null = null) => ({
  stoppedOn,
  resumedOn,
  inspectionRequired: acceptedOn !== null || resumedOn === 'pending',
  acceptedOn,
});

describe('stoppage states', () => {
  it('resumes directly, or through acceptance when the jurisdiction requires it', () => {
    expect(transitionStoppage('stopped', 'resume', false)).toBe('resumed');
    expect(transitionStoppage('stopped', 'resume', true)).toBe('awaitingAcceptance');
    expect(transitionStoppage('awaitingAcceptance', 'accept', true)).toBe('resumed');
    expect(() => transitionStoppage('resumed', 'resume', false)).toThrow('已复工状态的停工记录不能登记复工');
    expect(() => transitionStoppage('stopped', 'accept', true)).toThrow('停工状态的停工记录不能登记验收');
  });

  it('counts an accepted resumption from the later of the two dates', () => {
    const s = {
      stoppedOn: '2026-02-10',
      resumedOn: '2026-02-20',
      inspectionRequired: true,
      acceptedOn: null,
    };
    expect(effectiveResumedOn(s)).toBeNull();
    expect(effectiveResumedOn({ ...s, acceptedOn: '2026-02-23' })).toBe('2026-02-23');
    expect(effectiveResumedOn({ ...s, inspectionRequired: false })).toBe('2026-02-20');
  });

  it('checks the dates of each step', () => {
    const today = '2026-03-02';
    expect(checkStoppageDates('record', { on: '2026-03-05', actualStartOn: '2025-01-01' }, today)).toEqual([
      { path: 'stoppedOn', message: '日期不能晚于今天' },
    ]);
    expect(checkStoppageDates('record', { on: '2026-02-01', actualStartOn: null }, today)[0]!.message).toBe(
      '项目尚未开工，不能登记停工',
    );
    expect(checkStoppageDates('resume', { on: '2026-02-01', stoppedOn: '2026-02-10' }, today)[0]!.path).toBe(
      'resumedOn',
    );
    expect(checkStoppageDates('accept', { on: '2026-02-19', resumedOn: '2026-02-20' }, today)).toHaveLength(
      1,
    );
  });
});

describe('复工率', () => {
  const underway = { actualStartOn: '2024-05-01', actualCompletionOn: null };
  it('counts projects under construction with a stoppage in the period, resumed by the date', () => {
    const projects = [
      { ...underway, stoppages: [stop('2026-02-10', '2026-02-25')] },
      { ...underway, stoppages: [stop('2026-02-10', '2026-03-03')] },
      { ...underway, stoppages: [stop('2026-02-12')] },
      // No stoppage this season: not due.
      { ...underway, stoppages: [stop('2025-01-20', '2025-02-10')] },
      // Completed before the date: not due.
      { actualStartOn: '2024-05-01', actualCompletionOn: '2026-02-01', stoppages: [stop('2026-01-20')] },
      // Not started: not due.
      { actualStartOn: null, actualCompletionOn: null, stoppages: [] },
      // Resumed, but acceptance came after the date.
      { ...underway, stoppages: [stop('2026-02-10', '2026-02-20', '2026-03-01')] },
    ];
    expect(resumptionCountOn(projects, '2026-02-28')).toEqual({ due: 4, resumed: 1, ratePercent: '25.0' });
    expect(resumptionCountOn(projects, '2026-03-01')).toEqual({ due: 4, resumed: 2, ratePercent: '50.0' });
    expect(resumptionCountOn(projects, '2026-03-03')).toEqual({ due: 4, resumed: 3, ratePercent: '75.0' });
    expect(resumptionCountOn([], '2026-03-03').ratePercent).toBeNull();
  });

  it('reads the last stoppage begun by the date', () => {
    const p = { ...underway, stoppages: [stop('2026-01-05', '2026-01-10'), stop('2026-02-10')] };
    expect(resumptionCountOn([p], '2026-01-20')).toMatchObject({ due: 1, resumed: 1 });
    expect(resumptionCountOn([p], '2026-02-20')).toMatchObject({ due: 1, resumed: 0 });
  });

  it('judges a zone after its date', () => {
    expect(resumptionCountOn([], '2026-03-01').ratePercent).toBeNull();
    const all = { due: 3, resumed: 3, ratePercent: '100.0' };
    const some = { due: 3, resumed: 2, ratePercent: '66.7' };
    expect(zoneProgress(some, '2026-02-28', '2026-02-28')).toBe('open');
    expect(zoneProgress(all, '2026-02-28', '2026-03-01')).toBe('met');
    expect(zoneProgress(some, '2026-02-28', '2026-03-01')).toBe('notMet');
    expect(zoneProgress({ due: 0, resumed: 0, ratePercent: null }, '2026-02-28', '2026-03-01')).toBe('met');
  });
});

describe('zones', () => {
  const children = new Set(['350923', '350924', '350926', '350922']);
  const names = new Map([
    ['350923', '屏南县'],
    ['350922', '古田县'],
  ]);
  const accelerated = { id: 'a', name: '加速推进区', goal: '全面复工', regionCodes: ['350923', '350924'] };
  it('takes children of the jurisdiction, each in one zone per goal', () => {
    expect(
      zoneProblems(
        { name: '提速推进区', goal: '全面复工', regionCodes: ['350922'] },
        children,
        [accelerated],
        names,
      ),
    ).toEqual([]);
    const problems = zoneProblems(
      { name: '加速推进区', goal: '全面复工', regionCodes: ['350923', '350902', '350922', '350922'] },
      children,
      [accelerated],
      names,
    );
    expect(problems.map((p) => p.path)).toEqual(['regionCodes.0', 'regionCodes.1', 'regionCodes.3', 'name']);
    expect(problems[0]!.message).toBe('屏南县已在「加速推进区」中（同一目标下一个区划只能属于一个分区）');
    expect(
      zoneProblems(
        { name: '达产区', goal: '全面达产', regionCodes: ['350923'] },
        children,
        [accelerated],
        names,
      ),
    ).toEqual([]);
    expect(zoneProblems({ name: 'x', goal: 'g', regionCodes: [] }, children, [], names)[0]!.path).toBe(
      'regionCodes',
    );
  });
});

describe('whitelist', () => {
  it('includes with criteria, once per level, and removes with a reason after inclusion', () => {
    expect(
      whitelistInclusionProblems({ includedOn: '2026-02-01', criteria: ['keyProject'] }, '2026-03-02', false),
    ).toEqual([]);
    expect(
      whitelistInclusionProblems({ includedOn: '2026-04-01', criteria: [] }, '2026-03-02', true).map(
        (p) => p.path,
      ),
    ).toEqual(['criteria', 'includedOn', 'projectId']);
    const entry = { includedOn: '2026-02-01', removedOn: null };
    expect(
      whitelistRemovalProblems(entry, { removedOn: '2026-01-01', reason: ' ' }, '2026-03-02').map(
        (p) => p.path,
      ),
    ).toEqual(['removedOn', 'reason']);
    expect(
      whitelistRemovalProblems(
        { ...entry, removedOn: '2026-02-10' },
        { removedOn: '2026-02-20', reason: '停产' },
        '2026-03-02',
      )[0]!.message,
    ).toBe('已于 2026-02-10 移出白名单');
    expect(onWhitelistOn({ includedOn: '2026-02-01', removedOn: '2026-02-10' }, '2026-02-09')).toBe(true);
    expect(onWhitelistOn({ includedOn: '2026-02-01', removedOn: '2026-02-10' }, '2026-02-10')).toBe(false);
  });
});
