import { isAdminRole, type Role } from '../policies/permissions';
import type { SecurityPolicy } from './security-policy';

/**
 * Whether the security policy requires two-factor login (a TOTP code after the password) of a person
 * with these roles: the three admins when `twoFactorForAdmins` is on, and anyone holding a role the
 * security admin listed in `twoFactorRoles`.
 */
export function twoFactorRequired(
  held: readonly Role[],
  policy: Pick<SecurityPolicy, 'twoFactorForAdmins' | 'twoFactorRoles'>,
): boolean {
  return held.some(
    (role) => (policy.twoFactorForAdmins && isAdminRole(role)) || policy.twoFactorRoles.includes(role),
  );
}

/** How many one-time recovery codes an enrolment hands out (each usable once, stored hashed). */
export const recoveryCodeCount = 10;

/** Wrong codes allowed on one half-logged-in session before it is ended and the password must be typed again. */
export const secondFactorMaxFailures = 5;

/** How long a half-logged-in session (password right, code not yet given) lives, in minutes. */
export const secondFactorSessionMinutes = 5;

/** A TOTP code as typed: six digits, spaces ignored. */
export const normaliseTotpCode = (code: string): string => code.replace(/\s+/g, '');

/** A recovery code as typed: letters and digits upper-cased, separators ignored (`ABCD-EFGH-JK`). */
export const normaliseRecoveryCode = (code: string): string => code.replace(/[^0-9a-z]/gi, '').toUpperCase();
