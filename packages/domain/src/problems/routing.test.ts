import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import { chooseProblemRoute, isProblemHandlerCandidate, type ProblemRoutingRule } from './routing';

const rules: ProblemRoutingRule[] = [
  { id: 'city-any', regionPath: '350000.350900', category: null, departmentId: 'drc', limitWorkingDays: 10 },
  {
    id: 'city-land',
    regionPath: '350000.350900',
    category: '用地',
    departmentId: 'land',
    limitWorkingDays: 7,
  },
  {
    id: 'county-any',
    regionPath: '350000.350900.350902',
    category: null,
    departmentId: 'county-drc',
    limitWorkingDays: 6,
  },
  {
    id: 'county-land',
    regionPath: '350000.350900.350902',
    category: '用地',
    departmentId: 'county-land',
    limitWorkingDays: 3,
  },
  {
    id: 'other-city',
    regionPath: '350000.350100',
    category: '资金',
    departmentId: 'fz',
    limitWorkingDays: 2,
  },
];

const route = (category: string, regionPath: string, list = rules) =>
  chooseProblemRoute(
    list,
    { category, regionPath, raisedOn: '2026-03-02' },
    { organisationId: 'office' },
    china2025And2026,
  );

describe('chooseProblemRoute', () => {
  it.each([
    ['用地', '350000.350900.350902', 'county-land'],
    ['资金', '350000.350900.350902', 'county-any'],
    ['用地', '350000.350900.350921', 'city-land'],
    ['资金', '350000.350900.350921', 'city-any'],
  ])('routes %s at %s by rule %s (the most specific)', (category, path, ruleId) => {
    expect(route(category, path).ruleId).toBe(ruleId);
  });

  it('falls back to the region office with five working days', () => {
    const fallback = route('资金', '350000.350900.350921', rules.slice(2));
    expect(fallback).toEqual({
      handlerOrganisationId: 'office',
      ruleId: null,
      limitWorkingDays: 5,
      dueOn: '2026-03-09',
      isDueOnProvisional: false,
    });
  });

  it('counts the due date in working days across 国庆 and its 调休 Saturday', () => {
    const due = chooseProblemRoute(
      rules,
      { category: '资金', regionPath: '350000.350900.350921', raisedOn: '2026-09-30' },
      { organisationId: 'office' },
      china2025And2026,
    );
    expect(due.limitWorkingDays).toBe(10);
    // 10-08 Thu, 09 Fri, 10 Sat (调休), 12–16, 19, 20.
    expect(due.dueOn).toBe('2026-10-20');
    expect(due.isDueOnProvisional).toBe(false);
  });

  it('marks a due date counted into a year without holiday data as provisional (暂定)', () => {
    const due = chooseProblemRoute(
      rules,
      { category: '资金', regionPath: '350000.350900.350921', raisedOn: '2026-12-24' },
      { organisationId: 'office' },
      china2025And2026,
    );
    // Thu 24 Dec + 10: 25, 28–31 Dec, (1 Jan 元旦 off) 4–8 Jan 2027.
    expect(due).toMatchObject({ dueOn: '2027-01-08', isDueOnProvisional: true });
  });
});

describe('chooseProblemRoute fallback limit', () => {
  it('takes the ladder’s first-level limit when no rule applies', () => {
    const route = chooseProblemRoute(
      [],
      { category: '其他', regionPath: '350000.350900', raisedOn: '2026-03-02' },
      { organisationId: 'office', limitWorkingDays: 10 },
      china2025And2026,
    );
    expect(route).toMatchObject({
      handlerOrganisationId: 'office',
      limitWorkingDays: 10,
      dueOn: '2026-03-16',
    });
  });
});

describe('isProblemHandlerCandidate', () => {
  const county = '350000.350900.350902';
  it.each([
    [{ kind: 'department', isActive: true, regionPath: '350000.350900' }, true, 'the city’s 住建局'],
    [{ kind: 'department', isActive: true, regionPath: county }, true, 'a county department'],
    [{ kind: 'office', isActive: true, regionPath: county }, true, 'the county office'],
    [{ kind: 'department', isActive: true, regionPath: `${county}.350902001` }, true, 'below the project'],
    [{ kind: 'owner', isActive: true, regionPath: county }, false, 'an owner company'],
    [{ kind: 'other', isActive: true, regionPath: '350000.350900' }, false, 'the city government'],
    [{ kind: 'office', isActive: true, regionPath: '350000.350900.350981' }, false, 'a sibling county'],
    [{ kind: 'department', isActive: false, regionPath: '350000.350900' }, false, 'an inactive department'],
  ])('%o may handle a county problem: %s (%s)', (organisation, expected) => {
    expect(isProblemHandlerCandidate(organisation, county)).toBe(expected);
  });
});
