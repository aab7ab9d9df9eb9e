import { describe, expect, it } from 'vitest';
import type { Actor } from '../policies/actor';
import type { Role } from '../policies/permissions';
import { handlesProblem, managesProblem, type ProblemScoped, problemVisible } from './problem-policy';

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  roles: [role],
  organisationId: `org-${role}`,
  organisationKind: 'office',
  regionCode: '350900',
  regionPath: '350000.350900',
  sector: null,
  ...over,
});

const problem = (
  over: Partial<ProblemScoped['project']> = {},
  handler: string | null = 'org-x',
): ProblemScoped => ({
  project: {
    regionPath: '350000.350900.350902',
    ownerOrganisationId: 'org-owner',
    responsibleDepartmentId: null,
    sector: '交通',
    leaderUserId: null,
    serviceOfficerUserId: null,
    ...over,
  },
  raisedBy: 'u-raiser',
  raisedByOrganisationId: 'org-owner',
  handlerOrganisationId: handler,
});

const housing = actor('department_staff', { organisationId: 'housing', sector: '住建' });

describe('problemVisible', () => {
  it.each<[string, Actor, ProblemScoped, boolean]>([
    ['office in subtree', actor('office_staff'), problem(), true],
    ['office elsewhere', actor('office_staff', { regionPath: '350000.350100' }), problem(), false],
    ['department of the sector', housing, problem({ sector: '住建' }), true],
    ['department of another sector', housing, problem(), false],
    ['department it is routed to', housing, problem({}, 'housing'), true],
    [
      'department of the sector outside its region',
      housing,
      problem({ sector: '住建', regionPath: '350000.350100.350102' }),
      false,
    ],
    ['owner of the project', actor('owner', { organisationId: 'org-owner' }), problem(), true],
    ['another owner', actor('owner', { organisationId: 'org-other' }), problem(), false],
    ['the linked leader', actor('leader'), problem({ leaderUserId: 'u-leader' }), true],
    ['another leader', actor('leader'), problem(), false],
    ['supervisor', actor('supervisor'), problem(), true],
  ])('%s → %s', (_, who, target, expected) => {
    expect(problemVisible(who, target)).toBe(expected);
  });

  it('lets the handler organisation handle and only an office in the subtree manage', () => {
    expect(handlesProblem(housing, problem({}, 'housing'))).toBe(true);
    expect(handlesProblem(housing, problem())).toBe(false);
    expect(handlesProblem(actor('owner', { organisationId: 'org-x' }), problem())).toBe(false);
    expect(managesProblem(actor('office_staff'), problem())).toBe(true);
    const leader = actor('leader');
    const atLeaderLevel = { ...problem({ leaderUserId: 'u-leader' }), levelHandlerKind: 'leader' as const };
    expect(handlesProblem(leader, atLeaderLevel)).toBe(true);
    expect(handlesProblem(leader, { ...atLeaderLevel, levelHandlerKind: 'department' })).toBe(false);
    expect(handlesProblem(actor('leader', { userId: 'u-other' }), atLeaderLevel)).toBe(false);
    expect(managesProblem(housing, problem())).toBe(false);
  });
});
