import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { authorizeAccountChange } from './account-change';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { type Permission, type Role, roles } from './permissions';
import {
  authorizeRoleChange,
  grantableRoles,
  roleOrganisationProblems,
  roleSetProblems,
} from './role-assignment';

const actorWith = (role: Role, regionPath = '350000.350900.350902'): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  roles: [role],
  organisationId: `org-${role}`,
  organisationKind: role === 'owner' ? 'owner' : 'office',
  regionCode: regionPath.split('.').at(-1)!,
  regionPath,
  sector: null,
});

const inside = { regionPath: '350000.350900.350902', organisationId: 'org-other' };
const outside = { regionPath: '350000.350900.350981', organisationId: 'org-other' };

function outcome(role: Role, permission: Permission, target: typeof inside) {
  try {
    authorize(actorWith(role), permission, target);
    return 'allow';
  } catch (error) {
    return (error as AppError).code;
  }
}

/** role × permission × inside/outside jurisdiction → allow / FORBIDDEN / NOT_FOUND. */
const matrix: [Role, Permission, string, string][] = [
  ['office_staff', 'organisation.read', 'allow', 'NOT_FOUND'],
  ['office_staff', 'organisation.manage', 'allow', 'NOT_FOUND'],
  ['office_staff', 'user.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['office_staff', 'audit.read', 'FORBIDDEN', 'NOT_FOUND'],
  ['department_staff', 'organisation.read', 'allow', 'NOT_FOUND'],
  ['department_staff', 'organisation.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['owner', 'organisation.read', 'NOT_FOUND', 'NOT_FOUND'],
  ['leader', 'user.read', 'allow', 'NOT_FOUND'],
  ['service_officer', 'organisation.read', 'allow', 'NOT_FOUND'],
  ['service_officer', 'user.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['supervisor', 'audit.read', 'allow', 'NOT_FOUND'],
  ['supervisor', 'organisation.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['system_admin', 'user.manage', 'allow', 'NOT_FOUND'],
  ['system_admin', 'audit.read', 'FORBIDDEN', 'NOT_FOUND'],
  ['system_admin', 'securityPolicy.update', 'FORBIDDEN', 'NOT_FOUND'],
  ['security_admin', 'securityPolicy.update', 'allow', 'NOT_FOUND'],
  ['security_admin', 'audit.read', 'FORBIDDEN', 'NOT_FOUND'],
  ['audit_admin', 'audit.read', 'allow', 'NOT_FOUND'],
  ['audit_admin', 'user.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['system_admin', 'notificationChannel.manage', 'allow', 'NOT_FOUND'],
  ['office_staff', 'notificationChannel.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['security_admin', 'notificationChannel.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['office_staff', 'problem.writeOff', 'allow', 'NOT_FOUND'],
  ['office_staff', 'escalationLadder.manage', 'allow', 'NOT_FOUND'],
  ['department_staff', 'problem.handle', 'allow', 'NOT_FOUND'],
  ['department_staff', 'problem.route', 'FORBIDDEN', 'NOT_FOUND'],
  ['department_staff', 'problem.writeOff', 'FORBIDDEN', 'NOT_FOUND'],
  ['owner', 'problem.raise', 'NOT_FOUND', 'NOT_FOUND'],
  ['leader', 'problem.handle', 'allow', 'NOT_FOUND'],
  ['leader', 'problem.raise', 'FORBIDDEN', 'NOT_FOUND'],
  ['service_officer', 'problem.raise', 'allow', 'NOT_FOUND'],
  ['supervisor', 'problem.read', 'allow', 'NOT_FOUND'],
  ['supervisor', 'problem.handle', 'FORBIDDEN', 'NOT_FOUND'],
  ['system_admin', 'problem.read', 'FORBIDDEN', 'NOT_FOUND'],
  ['audit_admin', 'escalationLadder.manage', 'FORBIDDEN', 'NOT_FOUND'],
  ['office_staff', 'inspection.record', 'allow', 'NOT_FOUND'],
  ['office_staff', 'inspection.checklists', 'allow', 'NOT_FOUND'],
  ['office_staff', 'inspection.reply', 'FORBIDDEN', 'NOT_FOUND'],
  ['department_staff', 'inspection.record', 'allow', 'NOT_FOUND'],
  ['department_staff', 'inspection.checklists', 'FORBIDDEN', 'NOT_FOUND'],
  ['service_officer', 'inspection.record', 'allow', 'NOT_FOUND'],
  ['supervisor', 'inspection.record', 'allow', 'NOT_FOUND'],
  ['leader', 'inspection.read', 'allow', 'NOT_FOUND'],
  ['leader', 'inspection.record', 'FORBIDDEN', 'NOT_FOUND'],
  ['owner', 'inspection.record', 'NOT_FOUND', 'NOT_FOUND'],
  ['system_admin', 'inspection.read', 'FORBIDDEN', 'NOT_FOUND'],
];

describe('authorize matrix', () => {
  it.each(matrix)('%s × %s → inside %s, outside %s', (role, permission, insideResult, outsideResult) => {
    expect(outcome(role, permission, inside)).toBe(insideResult);
    expect(outcome(role, permission, outside)).toBe(outsideResult);
  });

  it('lets an owner see its own organisation only', () => {
    const owner = actorWith('owner');
    expect(() =>
      authorize(owner, 'organisation.read', {
        regionPath: inside.regionPath,
        organisationId: owner.organisationId,
      }),
    ).not.toThrow();
  });

  it('covers every role', () => {
    expect(new Set(matrix.map(([role]) => role))).toEqual(new Set(roles));
  });
});

describe('三权分立', () => {
  it('refuses two administrator roles, or one mixed with a business role', () => {
    expect(roleSetProblems(['system_admin', 'audit_admin'])).not.toHaveLength(0);
    expect(roleSetProblems(['system_admin', 'supervisor'])).not.toHaveLength(0);
    expect(roleSetProblems(['office_staff', 'leader'])).toHaveLength(0);
  });

  it('lets nobody change their own roles', () => {
    const admin = actorWith('system_admin');
    expect(() => authorizeRoleChange(admin, admin.userId, ['system_admin'], ['system_admin'])).toThrow(
      AppError,
    );
  });

  it('keeps administrator roles with the security admin', () => {
    const system = actorWith('system_admin');
    const security = actorWith('security_admin');
    expect(() => authorizeRoleChange(system, 'other', [], ['audit_admin'])).toThrow('安全管理员');
    expect(() => authorizeRoleChange(security, 'other', [], ['audit_admin'])).not.toThrow();
    expect(() => authorizeRoleChange(system, 'other', ['owner'], ['office_staff'])).not.toThrow();
    expect(() =>
      authorizeAccountChange(system, { userId: 'other', roles: ['security_admin'] }, 'update'),
    ).toThrow(AppError);
  });

  it('offers each admin only the roles they may grant', () => {
    expect(grantableRoles(['user.manage'])).not.toContain('audit_admin');
    expect(grantableRoles(['user.manage'])).toContain('office_staff');
    expect(grantableRoles(['user.grantAdminRole'])).toEqual([
      'system_admin',
      'security_admin',
      'audit_admin',
    ]);
  });

  it('ties owner, department and office roles to their kind of organisation', () => {
    expect(roleOrganisationProblems(['owner'], 'office')).toHaveLength(1);
    expect(roleOrganisationProblems(['owner'], 'owner')).toHaveLength(0);
    expect(roleOrganisationProblems(['leader'], 'other')).toHaveLength(0);
  });
});
