import type { Role } from './permissions';

/** Organisation kinds: the key-project office (重点办), an industry department, a project owner unit. */
export const organisationKinds = ['office', 'department', 'owner', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * Who is acting. Jurisdiction is the region subtree rooted at the actor's organisation's region,
 * carried as its materialised path (`350000.350900.350902`) so SQL and policy share one rule.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationKind: OrganisationKind;
  regionCode: string;
  regionPath: string;
  /** Industry sector of a department (住建, 交通…), null for other organisations. */
  sector: string | null;
}

/** The actor used by the CLI and scheduled jobs: acts everywhere, recorded as `system` in the audit log. */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  roles: [],
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationKind: 'other',
  regionCode: '',
  regionPath: '',
  sector: null,
};

export const isSystemActor = (actor: Actor) => actor.userId === systemActor.userId;
