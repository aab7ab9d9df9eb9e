import { describe, expect, it } from 'vitest';
import type { Actor } from '../policies/actor';
import type { Role } from '../policies/permissions';
import { type ProjectScoped, projectVisible } from './project-scope';

const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  username: 'x',
  displayName: 'x',
  roles,
  organisationId: 'org1',
  organisationKind: 'office',
  regionCode: '350902',
  regionPath: '350000.350900.350902',
  sector: null,
  ...over,
});

const project = (over: Partial<ProjectScoped> = {}): ProjectScoped => ({
  regionPath: '350000.350900.350902',
  ownerOrganisationId: 'owner-a',
  responsibleDepartmentId: null,
  sector: '交通',
  leaderUserId: null,
  serviceOfficerUserId: null,
  ...over,
});

const elsewhere = { regionPath: '350000.350900.350981' };

describe('projectVisible', () => {
  it.each([
    ['county office, own county', actor(['office_staff']), project(), true],
    ['county office, other county', actor(['office_staff']), project(elsewhere), false],
    [
      'city office, any county',
      actor(['office_staff'], { regionPath: '350000.350900' }),
      project(elsewhere),
      true,
    ],
    ['supervisor, in subtree', actor(['supervisor'], { regionPath: '350000.350900' }), project(), true],
    [
      'department, its sector',
      actor(['department_staff'], { sector: '交通', regionPath: '350000.350900' }),
      project(),
      true,
    ],
    [
      'department, other sector',
      actor(['department_staff'], { sector: '住建', regionPath: '350000.350900' }),
      project(),
      false,
    ],
    [
      'department, responsible for it',
      actor(['department_staff'], { sector: '住建', regionPath: '350000.350900' }),
      project({ responsibleDepartmentId: 'org1' }),
      true,
    ],
    [
      'department, its sector outside its region',
      actor(['department_staff'], { sector: '交通' }),
      project(elsewhere),
      false,
    ],
    ['owner, its project', actor(['owner'], { organisationId: 'owner-a' }), project(), true],
    [
      'owner, another owner’s project next door',
      actor(['owner'], { organisationId: 'owner-b' }),
      project(),
      false,
    ],
    ['leader, assigned', actor(['leader']), project({ leaderUserId: 'u1' }), true],
    ['leader, not assigned', actor(['leader']), project({ leaderUserId: 'u2' }), false],
    ['service officer, assigned', actor(['service_officer']), project({ serviceOfficerUserId: 'u1' }), true],
    ['system admin', actor(['system_admin']), project(), false],
    ['audit admin', actor(['audit_admin']), project(), false],
  ])('%s → %s', (_name, who, target, visible) => {
    expect(projectVisible(who, target)).toBe(visible);
  });
});
