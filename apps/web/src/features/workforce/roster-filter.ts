import type { Worker, WorkerHealthStatus } from '@tuijin/contracts';

/** The roster table's filters: contractor, team, on site or departed, health status. */
export interface RosterFilter {
  contractorId?: string;
  team?: string;
  presence: 'onSite' | 'departed' | 'all';
  health?: WorkerHealthStatus;
  text?: string;
}

/** The workers a filter keeps, in the order given (name, ID number and pass number searched by `text`). */
export function filterRoster(workers: readonly Worker[], filter: RosterFilter): Worker[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  return workers.filter(
    (w) =>
      (!filter.contractorId || w.contractorId === filter.contractorId) &&
      (!filter.team || w.team === filter.team) &&
      (filter.presence === 'all' || (filter.presence === 'onSite') === w.isOnSite) &&
      (!filter.health || w.health?.status === filter.health) &&
      (text === '' ||
        w.name.toLowerCase().includes(text) ||
        w.idNumber.toLowerCase().includes(text) ||
        (w.passNumber ?? '').toLowerCase().includes(text)),
  );
}

/** The teams on a roster, for the team filter. */
export const rosterTeams = (workers: readonly Worker[]) =>
  [...new Set(workers.flatMap((w) => (w.team ? [w.team] : [])))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

/** Tag colours of the health statuses (abnormal red, observing orange, pending blue, cleared green). */
export const healthStatusColours: Record<WorkerHealthStatus, string> = {
  pending: 'blue',
  observing: 'orange',
  cleared: 'green',
  abnormal: 'red',
  notRequired: 'default',
};

/** Whether a worker may have a health check taken today: on site, under a watch, not yet checked today. */
export const needsCheckToday = (w: Worker) => w.isOnSite && w.health !== null && !w.health.checkedToday;
