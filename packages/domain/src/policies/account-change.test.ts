import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  type AccountAction,
  accountActions,
  accountChangeRefusal,
  authorizeAccountChange,
} from './account-change';
import type { Actor } from './actor';
import { systemActor } from './actor';
import { type Role, roles } from './permissions';
import { authorizeRoleChange } from './role-assignment';

const actorWith = (role: Role): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  roles: [role],
  organisationId: 'org',
  organisationKind: 'other',
  regionCode: '350900',
  regionPath: '350000.350900',
  sector: null,
});

const admins = ['system_admin', 'security_admin', 'audit_admin'] as const;
const verdict = (actor: Actor, targetRole: Role, action: AccountAction, self = false) => {
  try {
    authorizeAccountChange(
      actor,
      { userId: self ? actor.userId : `other-${targetRole}`, roles: [targetRole] },
      action,
    );
    return 'allow';
  } catch (error) {
    return (error as AppError).details?.[0]?.issue ?? (error as AppError).code;
  }
};

/**
 * actor role × target account's role → the verdict for every action except unlock (update, disable,
 * reset password, change roles). 三权分立: no admin account is changed through the app by anyone.
 */
const matrix: [Role, Role, string][] = [
  ['security_admin', 'system_admin', 'account.adminAccount'],
  ['security_admin', 'audit_admin', 'account.adminAccount'],
  ['security_admin', 'security_admin', 'account.adminAccount'],
  ['system_admin', 'security_admin', 'account.adminAccount'],
  ['system_admin', 'audit_admin', 'account.adminAccount'],
  ['system_admin', 'system_admin', 'account.adminAccount'],
  ['audit_admin', 'system_admin', 'account.adminAccount'],
  ['audit_admin', 'security_admin', 'account.adminAccount'],
  ['system_admin', 'owner', 'allow'],
  ['system_admin', 'office_staff', 'allow'],
  ['security_admin', 'owner', 'account.permission'],
  ['audit_admin', 'owner', 'account.permission'],
  ['office_staff', 'owner', 'account.permission'],
  ['office_staff', 'system_admin', 'account.adminAccount'],
];
const changes = accountActions.filter((action) => action !== 'unlock' && action !== 'resetTwoFactor');

describe('account changes under 三权分立', () => {
  it.each(matrix)('%s changing a %s account → %s', (actorRole, targetRole, expected) => {
    for (const action of changes)
      expect(verdict(actorWith(actorRole), targetRole, action), action).toBe(expected);
  });

  it.each(roles)('refuses a %s every change to their own account', (role) => {
    for (const action of accountActions)
      expect(verdict(actorWith(role), role, action, true), action).toBe('account.self');
  });

  it('lets only the security admin reset another account’s authenticator, admin or not', () => {
    for (const target of [...admins, 'owner', 'office_staff'] as const) {
      expect(verdict(actorWith('security_admin'), target, 'resetTwoFactor')).toBe('allow');
      expect(verdict(actorWith('system_admin'), target, 'resetTwoFactor')).toBe('account.permission');
      expect(verdict(actorWith('audit_admin'), target, 'resetTwoFactor')).toBe('account.permission');
      expect(verdict(actorWith('office_staff'), target, 'resetTwoFactor')).toBe('account.permission');
    }
  });

  it('lets only the security admin lift an admin account’s lockout, and only the system admin a business one', () => {
    for (const target of admins) {
      expect(verdict(actorWith('security_admin'), target, 'unlock')).toBe('allow');
      expect(verdict(actorWith('system_admin'), target, 'unlock')).toBe('account.permission');
      expect(verdict(actorWith('audit_admin'), target, 'unlock')).toBe('account.permission');
    }
    expect(verdict(actorWith('system_admin'), 'owner', 'unlock')).toBe('allow');
    expect(verdict(actorWith('security_admin'), 'owner', 'unlock')).toBe('account.permission');
  });

  it('lets the server itself (tuijin user reset-password) recover any admin account', () => {
    for (const target of admins) {
      expect(
        accountChangeRefusal(
          { userId: systemActor.userId, permissions: [], isSystem: true },
          { userId: 'x', roles: [target] },
          'resetPassword',
        ),
      ).toBeNull();
    }
  });

  it('refuses changing the roles of an admin account, even to another admin role', () => {
    const security = actorWith('security_admin');
    expect(() => authorizeRoleChange(security, 'other', ['system_admin'], ['audit_admin'])).toThrow(
      'tuijin user reset-password',
    );
    expect(() => authorizeRoleChange(security, 'other', ['audit_admin'], ['owner'])).toThrow(AppError);
    expect(() => authorizeRoleChange(security, '', [], ['audit_admin'])).not.toThrow();
  });
});
