/**
 * One dotted vocabulary for permissions and audit actions (`user.manage`, `audit.read`). A route
 * declares the permission it needs; a role grants a set of them; the audit log records actions in
 * the same words.
 */
export const permissions = [
  'region.read',
  'region.manage',
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.manage',
  'user.grantAdminRole',
  'securityPolicy.read',
  'securityPolicy.update',
  'audit.read',
  'settings.manage',
  'project.read',
  'project.create',
  'project.update',
  'project.updateOwnerFields',
  'project.changeStage',
  'project.comment',
  'projectFile.upload',
  'projectFile.delete',
  'dictionary.manage',
  'batch.manage',
  'calendar.manage',
  'plan.edit',
  'plan.approve',
  'report.submit',
  'report.review',
  'report.correct',
  'reportingCalendar.manage',
  'cockpit.read',
  'notificationChannel.manage',
  'problem.read',
  'problem.raise',
  'problem.handle',
  'problem.route',
  'problem.escalate',
  'problem.writeOff',
  'escalationLadder.manage',
  'problemRouting.manage',
  'regionMap.manage',
  'warning.read',
  'warning.excuse',
  'warningRule.manage',
  'evaluation.read',
  'evaluation.manage',
  'screen.publish',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Roles a person can hold. The last three are the 三权分立 administrators: each must be held alone,
 * so no account is both the one who manages users and the one who reads the audit log.
 */
export const roles = [
  'office_staff',
  'department_staff',
  'owner',
  'leader',
  'service_officer',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof roles)[number];

export const adminRoles = [
  'system_admin',
  'security_admin',
  'audit_admin',
] as const satisfies readonly Role[];
export type AdminRole = (typeof adminRoles)[number];

export const isAdminRole = (role: Role): role is AdminRole => (adminRoles as readonly Role[]).includes(role);

/**
 * Role → permissions. The supervisor (纪委监委) reads everything and the audit trail, changes
 * nothing; the system admin manages users and settings but never reads the audit log; the security
 * admin owns the security policy and the administrator roles; the audit admin only reads the log.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  office_staff: [
    'region.read',
    'organisation.read',
    'organisation.manage',
    'user.read',
    'project.read',
    'project.create',
    'project.update',
    'project.changeStage',
    'project.comment',
    'projectFile.upload',
    'projectFile.delete',
    'dictionary.manage',
    'batch.manage',
    'plan.edit',
    'plan.approve',
    'report.review',
    'report.correct',
    'reportingCalendar.manage',
    'cockpit.read',
    'problem.read',
    'problem.raise',
    'problem.handle',
    'problem.route',
    'problem.escalate',
    'problem.writeOff',
    'escalationLadder.manage',
    'problemRouting.manage',
    'regionMap.manage',
    'warning.read',
    'warning.excuse',
    'warningRule.manage',
    'evaluation.read',
    'evaluation.manage',
    'screen.publish',
  ],
  department_staff: [
    'region.read',
    'organisation.read',
    'user.read',
    'project.read',
    'project.comment',
    'projectFile.upload',
    'report.review',
    'cockpit.read',
    'problem.read',
    'problem.raise',
    'problem.handle',
    'warning.read',
    'evaluation.read',
  ],
  owner: [
    'region.read',
    'organisation.read',
    'project.read',
    'project.updateOwnerFields',
    'projectFile.upload',
    'projectFile.delete',
    'plan.edit',
    'report.submit',
    'problem.read',
    'problem.raise',
    'warning.read',
  ],
  leader: [
    'region.read',
    'organisation.read',
    'user.read',
    'project.read',
    'project.comment',
    'cockpit.read',
    'problem.read',
    'problem.handle',
    'warning.read',
    'evaluation.read',
  ],
  service_officer: [
    'region.read',
    'organisation.read',
    'user.read',
    'project.read',
    'project.comment',
    'projectFile.upload',
    'cockpit.read',
    'problem.read',
    'problem.raise',
    'problem.handle',
    'warning.read',
  ],
  supervisor: [
    'region.read',
    'organisation.read',
    'user.read',
    'audit.read',
    'project.read',
    'cockpit.read',
    'problem.read',
    'warning.read',
    'evaluation.read',
  ],
  system_admin: [
    'region.read',
    'region.manage',
    'organisation.read',
    'organisation.manage',
    'user.read',
    'user.manage',
    'settings.manage',
    'calendar.manage',
    'notificationChannel.manage',
  ],
  security_admin: [
    'region.read',
    'user.read',
    'user.grantAdminRole',
    'securityPolicy.read',
    'securityPolicy.update',
  ],
  audit_admin: ['audit.read'],
};

/** Every permission the given roles grant, deduplicated. */
export function permissionsOf(held: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of held) for (const permission of rolePermissions[role]) granted.add(permission);
  return granted;
}
