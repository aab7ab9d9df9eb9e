/**
 * 调度频次 (B8): how often each responsible party must dispatch a month — Hui'an's "321": the
 * responsible department three times, the linked leader twice, the county head once — against the
 * dispatches actually held (meetings chaired, site visits, hearings of reports), each with its evidence.
 */

/** What counts as a dispatch held. */
export const dispatchActivityKinds = ['meetingChaired', 'siteVisit', 'reportHearing'] as const;
export type DispatchActivityKind = (typeof dispatchActivityKinds)[number];

/** Who a requirement binds: a department (organisation), a linked leader, the head of the jurisdiction. */
export const cadenceRoles = ['department', 'linkedLeader', 'head'] as const;
export type CadenceRole = (typeof cadenceRoles)[number];

/** A jurisdiction's rule: each party of `role` dispatches at least `perMonth` times a month. */
export interface CadenceRequirement {
  role: CadenceRole;
  perMonth: number;
}

/** Hui'an's 321 (惠安“321”工作机制). */
export const cadencePreset321: readonly CadenceRequirement[] = [
  { role: 'department', perMonth: 3 },
  { role: 'linkedLeader', perMonth: 2 },
  { role: 'head', perMonth: 1 },
];

/** A party the rule binds: a department, or a person (leader, head). */
export interface CadenceParty {
  key: string;
  role: CadenceRole;
  name: string;
}

/** One dispatch held, with the record that proves it (minutes, a visit with photos). */
export interface DispatchActivity {
  partyKey: string;
  kind: DispatchActivityKind;
  /** YYYY-MM-DD */
  heldOn: string;
  evidence: { kind: 'meeting' | 'visit'; id: string; title: string };
}

export interface ComplianceRow {
  party: CadenceParty;
  required: number;
  held: number;
  /** held − required when short (negative), else 0. */
  shortBy: number;
  met: boolean;
  byKind: Record<DispatchActivityKind, number>;
  evidence: DispatchActivity['evidence'][];
}

/**
 * The compliance table of a month (`YYYY-MM`): one row per party in the order given, counting the
 * activities held that month (one record counts once for a party even if listed twice). A party whose
 * role has no requirement is required 0 and met.
 */
export function cadenceCompliance(
  month: string,
  requirements: readonly CadenceRequirement[],
  parties: readonly CadenceParty[],
  activities: readonly DispatchActivity[],
): ComplianceRow[] {
  const required = new Map(requirements.map((r) => [r.role, r.perMonth]));
  return parties.map((party) => {
    const counted = new Map<string, DispatchActivity>();
    for (const activity of activities)
      if (activity.partyKey === party.key && activity.heldOn.slice(0, 7) === month)
        counted.set(`${activity.evidence.kind}:${activity.evidence.id}`, activity);
    const held = [...counted.values()].sort(
      (a, b) => a.heldOn.localeCompare(b.heldOn) || a.evidence.id.localeCompare(b.evidence.id),
    );
    const byKind: Record<DispatchActivityKind, number> = {
      meetingChaired: 0,
      siteVisit: 0,
      reportHearing: 0,
    };
    for (const activity of held) byKind[activity.kind] += 1;
    const needed = required.get(party.role) ?? 0;
    return {
      party,
      required: needed,
      held: held.length,
      shortBy: Math.min(0, held.length - needed),
      met: held.length >= needed,
      byKind,
      evidence: held.map((a) => a.evidence),
    };
  });
}
