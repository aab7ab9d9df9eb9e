import type { Actor } from '../policies/actor';
import { can } from '../policies/authorize';
import type { Permission } from '../policies/permissions';

/**
 * The parts of the cockpit's 专项工作 panel (issue 16 item 11), in the order it shows them: 四保白名单,
 * 复工复产, 现场用工, 资金保障, 要素保障, 招商引资, 政银企对接, 集中开竣工.
 */
export const cockpitProgrammeParts = [
  'whitelist',
  'resumption',
  'workforce',
  'funds',
  'factors',
  'promotion',
  'bankMatchmaking',
  'campaigns',
] as const;
export type CockpitProgrammePart = (typeof cockpitProgrammeParts)[number];

/** The read permission of the module each part comes from: the same one that opens its page. */
export const cockpitProgrammePermissions: Record<CockpitProgrammePart, Permission> = {
  whitelist: 'whitelist.read',
  resumption: 'resumption.read',
  workforce: 'workforce.read',
  funds: 'fund.read',
  factors: 'factor.read',
  promotion: 'promotion.read',
  bankMatchmaking: 'bankMatchmaking.read',
  campaigns: 'campaign.read',
};

/**
 * The parts a reader of the cockpit gets: each one whose module they may read (`has`), in panel
 * order; a part they may not read is left out, never refused, so the cockpit still answers.
 */
export function cockpitProgrammePartsGranted(
  has: (permission: Permission) => boolean,
): CockpitProgrammePart[] {
  return cockpitProgrammeParts.filter((part) => has(cockpitProgrammePermissions[part]));
}

/** {@link cockpitProgrammePartsGranted} for an actor (the system actor gets every part). */
export const cockpitProgrammePartsFor = (actor: Actor): CockpitProgrammePart[] =>
  cockpitProgrammePartsGranted((permission) => can(actor, permission));

/**
 * The day a year's 专项工作 figures count up to: 31 December of a past year, else today (a year not
 * begun counts nothing: its first day is after today).
 */
export function cockpitProgrammeAsOf(year: number, today: string): string {
  const last = `${year}-12-31`;
  return last < today ? last : today;
}
