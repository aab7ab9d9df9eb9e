import type { FindingSeverity, FindingStatus, ItemResult, RecordInspection } from '@tuijin/contracts';

/** What the phone form holds for one checklist item: the tap, and for 发现问题 the finding and its photos. */
export interface ItemEntry {
  result: ItemResult | null;
  description: string;
  severity: FindingSeverity;
  photos: File[];
}

export const emptyEntry = (): ItemEntry => ({ result: null, description: '', severity: 'minor', photos: [] });

/** Where the form is incomplete: items not tapped, and 发现问题 items without a description. */
export interface EntryGaps {
  untapped: string[];
  undescribed: string[];
}

export function entryGaps(keys: readonly string[], entries: Record<string, ItemEntry>): EntryGaps {
  return {
    untapped: keys.filter((key) => !entries[key]?.result),
    undescribed: keys.filter(
      (key) => entries[key]?.result === 'issue' && entries[key]!.description.trim() === '',
    ),
  };
}

/**
 * The request of the form: every tapped item's result (untapped ones are sent as 不适用 by leaving
 * them out), a finding per 发现问题 item, and the photos to upload per item once recorded.
 */
export function recordRequest(
  head: Pick<
    RecordInspection,
    'projectId' | 'inspectedOn' | 'checklistId' | 'presetKey' | 'note' | 'siteContact'
  >,
  keys: readonly string[],
  entries: Record<string, ItemEntry>,
): { body: RecordInspection; photos: Record<string, File[]> } {
  const tapped = keys.filter((key) => entries[key]?.result);
  const issues = tapped.filter((key) => entries[key]!.result === 'issue');
  return {
    body: {
      ...head,
      results: tapped.map((key) => ({ key, result: entries[key]!.result!, note: null })),
      findings: issues.map((key) => ({
        itemKey: key,
        description: entries[key]!.description.trim(),
        severity: entries[key]!.severity,
        deadlineOn: null,
      })),
    },
    photos: Object.fromEntries(issues.map((key) => [key, entries[key]!.photos])),
  };
}

/** The tag colour of a finding: red when overdue, else by status. */
export function findingColor(status: FindingStatus, isOverdue: boolean): string {
  if (isOverdue) return 'error';
  return { open: 'warning', returned: 'magenta', replied: 'processing', closed: 'success' }[status];
}

/** A coverage rate as shown: 75.0% or — when the region has no site. */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);
