import type { CampaignOverview } from '@tuijin/contracts';
import { parseQuarter } from '@tuijin/domain';

/**
 * The 集中开竣工 events a bonus of `quarter` may name: every event of the year's overview (in a
 * campaign or on its own) held within the quarter, once each, by date.
 */
export function eventsInQuarter(
  overview: Pick<CampaignOverview, 'campaigns' | 'standaloneEvents'> | undefined,
  quarter: string,
): { id: string; name: string; heldOn: string }[] {
  if (!overview) return [];
  const { startDate, endDate } = parseQuarter(quarter);
  const seen = new Map<string, { id: string; name: string; heldOn: string }>();
  for (const event of [...overview.campaigns.flatMap((c) => c.events), ...overview.standaloneEvents])
    if (event.heldOn >= startDate && event.heldOn <= endDate)
      seen.set(event.id, { id: event.id, name: event.name, heldOn: event.heldOn });
  return [...seen.values()].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.name.localeCompare(b.name));
}
