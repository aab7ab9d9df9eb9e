import type { AgendaItem, CalendarYear, MeetingDetail, MeetingSeries } from '@tuijin/contracts';
import type { HolidayCalendar } from '@tuijin/domain';

type Cadence = MeetingSeries['cadence'];

/** A cadence in words as an i18n key and its values: 每周一 / 每 2 周周三 / 每月第 3 个工作日 / 不定期. */
export function cadenceWords(cadence: Cadence): {
  key: 'weekly' | 'everyWeeks' | 'monthly' | 'adHoc';
  weekday?: string;
  count?: number;
  n?: number;
} {
  if (cadence.kind === 'adHoc') return { key: 'adHoc' };
  if (cadence.kind === 'monthly') return { key: 'monthly', n: cadence.nthWorkingDay };
  return cadence.everyWeeks === 1
    ? { key: 'weekly', weekday: String(cadence.weekday) }
    : { key: 'everyWeeks', weekday: String(cadence.weekday), count: cadence.everyWeeks };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The working-day calendar the server counts with, rebuilt from the calendar years it answers
 * (official days merged with the admin's entries), so a form can show the due date before saving.
 */
export function holidayCalendarOf(years: readonly CalendarYear[]): HolidayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const holidayNames = new Map<string, string>();
  const knownYears = new Set<number>();
  for (const year of years) {
    if (year.isKnown) knownYears.add(year.year);
    for (const day of year.days) {
      (day.kind === 'holiday' ? holidays : workdays).add(day.date);
      if (day.name) holidayNames.set(day.date, day.name);
    }
  }
  return { holidays, workdays, holidayNames, knownYears };
}

/** The office's edits as the agenda endpoint takes them, from what the meeting answers now. */
export type AgendaEditValues = {
  dropped: string[];
  added: { key: string; title: string }[];
  order: string[];
};

/**
 * The edits that keep a planned meeting's agenda as shown: the dropped keys, the typed-in items
 * (source custom, still on the agenda or dropped) and the shown order.
 */
export function currentEdits(meeting: Pick<MeetingDetail, 'agenda' | 'dropped'>): AgendaEditValues {
  const customKeys = (key: string) => key.startsWith('custom:');
  return {
    dropped: meeting.dropped.map((d) => d.key),
    added: [
      ...meeting.agenda.filter((i) => i.source === 'custom').map(({ key, title }) => ({ key, title })),
      ...meeting.dropped.filter((d) => customKeys(d.key)).map(({ key, title }) => ({ key, title })),
    ],
    order: meeting.agenda.map((i) => i.key),
  };
}

/** The agenda order with the item at `key` moved one place up (−1) or down (+1); unchanged at an end. */
export function movedOrder(order: readonly string[], key: string, delta: -1 | 1): string[] {
  const next = [...order];
  const from = next.indexOf(key);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= next.length) return next;
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Edits with an item dropped (it leaves the order) or restored (it returns at the end). */
export function toggledDrop(edits: AgendaEditValues, key: string, drop: boolean): AgendaEditValues {
  return drop
    ? { ...edits, dropped: [...edits.dropped, key], order: edits.order.filter((k) => k !== key) }
    : { ...edits, dropped: edits.dropped.filter((k) => k !== key), order: [...edits.order, key] };
}

/** Edits with a typed-in item added at the end; its key is new among the agenda's (`custom:<n>`). */
export function withAddedItem(edits: AgendaEditValues, title: string): AgendaEditValues {
  const taken = new Set([...edits.order, ...edits.dropped, ...edits.added.map((a) => a.key)]);
  let n = edits.added.length + 1;
  while (taken.has(`custom:${n}`)) n += 1;
  const key = `custom:${n}`;
  return { ...edits, added: [...edits.added, { key, title }], order: [...edits.order, key] };
}

/**
 * Where an agenda item's record is opened: the problem, the task list at the task, the project's
 * approvals or milestones tab for an approval item or a node, else the project.
 */
export function agendaRecordLink(item: Pick<AgendaItem, 'source' | 'sourceId' | 'projectId'>): string | null {
  if (item.source === 'problem' && item.sourceId) return `/problems/${item.sourceId}`;
  if (item.source === 'overdueTask' && item.sourceId) return `/tasks?task=${item.sourceId}`;
  if (item.source === 'approval' && item.projectId) return `/projects/${item.projectId}?tab=approvals`;
  if (item.source === 'milestone' && item.projectId) return `/projects/${item.projectId}?tab=milestones`;
  if (item.projectId) return `/projects/${item.projectId}`;
  return null;
}
