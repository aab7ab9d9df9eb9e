import { AppError, type ErrorDetail } from '../errors';
import { authorizeAccountChange } from './account-change';
import type { Actor } from './actor';
import { isSystemActor } from './actor';
import { can } from './authorize';
import { isAdminRole, type Permission, type Role, roles } from './permissions';

/**
 * Checks a set of roles for one account under 三权分立: an administrator role (system, security,
 * audit) must be the account's only role, so no account holds two of them or mixes one with a
 * business role that would let it read what it administers.
 */
export function roleSetProblems(held: readonly Role[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (held.length === 0) problems.push({ path: 'roles', message: '至少需要一个角色' });
  if (new Set(held).size !== held.length) problems.push({ path: 'roles', message: '角色重复' });
  if (held.some(isAdminRole) && held.length > 1) {
    problems.push({
      path: 'roles',
      message: '系统管理员、安全管理员、审计管理员须单独设置，不能与其他角色兼任',
    });
  }
  return problems;
}

/** The permission needed to grant or remove a role: administrator roles belong to the security admin. */
export const permissionToGrant = (role: Role): Permission =>
  isAdminRole(role) ? 'user.grantAdminRole' : 'user.manage';

/** The roles a person holding these permissions may hand out (for forms; the server decides). */
export const grantableRoles = (granted: readonly Permission[]): Role[] =>
  roles.filter((role) => granted.includes(permissionToGrant(role)));

/**
 * Throws unless the actor may give `target` the roles `next` (replacing `previous`). Nobody changes
 * their own roles; an administrator account's roles are never changed through the app (see
 * accountChangeRefusal); business roles need `user.manage`; granting an administrator role to a
 * new or business account needs `user.grantAdminRole` (the security admin).
 */
export function authorizeRoleChange(
  actor: Actor,
  targetUserId: string,
  previous: readonly Role[],
  next: readonly Role[],
): void {
  if (!isSystemActor(actor) && actor.userId === targetUserId) {
    throw new AppError('FORBIDDEN', '不能修改自己的角色');
  }
  if (previous.some(isAdminRole))
    authorizeAccountChange(actor, { userId: targetUserId, roles: previous }, 'setRoles');
  const problems = roleSetProblems(next);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]?.message, problems);
  const touchesAdmin = [...previous, ...next].some(isAdminRole);
  if (touchesAdmin && !can(actor, 'user.grantAdminRole')) {
    throw new AppError('FORBIDDEN', '管理员角色只能由安全管理员授予或收回');
  }
  const changesBusiness = [...previous, ...next].some((role) => !isAdminRole(role));
  if (changesBusiness && !can(actor, 'user.manage') && !isSystemActor(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/**
 * Roles tied to an organisation kind: an owner account belongs to an owner unit, department staff
 * to an industry department, office staff to a key-project office.
 */
export function roleOrganisationProblems(held: readonly Role[], kind: string): ErrorDetail[] {
  const required: Partial<Record<Role, string>> = {
    owner: 'owner',
    department_staff: 'department',
    office_staff: 'office',
  };
  const names: Record<string, string> = { owner: '业主单位', department: '行业部门', office: '重点办' };
  return held
    .filter((role) => required[role] && required[role] !== kind)
    .map((role) => ({ path: 'organisationId', message: `该角色须属于${names[required[role]!]}` }));
}
