/**
 * 会议议程: what a meeting takes up, built for it from the records that need a decision, then shaped
 * by the office (items dropped, added, reordered). Pure: the server gathers the candidates in SQL for
 * the meeting's jurisdiction and level, this orders and merges them.
 */

/** Where an agenda item comes from; `custom` is one the office typed in. */
export const agendaSources = [
  'problem',
  'overdueTask',
  'redProject',
  'laggingProject',
  'approval',
  'milestone',
  'custom',
] as const;
export type AgendaSource = (typeof agendaSources)[number];

/** A record that may go on the agenda. `daysOverdue` orders items of a kind (most overdue first). */
export interface AgendaCandidate {
  source: Exclude<AgendaSource, 'custom'>;
  /** The record's id (problem, task, project, approval item, milestone node). */
  sourceId: string;
  /** The project it concerns, when it concerns one: a project red and lagging is taken up once. */
  projectId: string | null;
  title: string;
  daysOverdue: number;
}

/** An item typed in by the office. */
export interface CustomAgendaItem {
  key: string;
  title: string;
}

/** The office's changes to the built agenda: keys dropped, items added, and an order (keys). */
export interface AgendaEdits {
  dropped: readonly string[];
  added: readonly CustomAgendaItem[];
  /** Keys in the order the office wants; keys not listed follow in the built order. */
  order: readonly string[];
}

export interface AgendaItem {
  key: string;
  source: AgendaSource;
  sourceId: string | null;
  projectId: string | null;
  title: string;
  daysOverdue: number;
}

/** Problems escalated to the meeting first, then its own overdue tasks, then projects, approvals, nodes. */
const sourceRank: Record<AgendaSource, number> = {
  problem: 0,
  overdueTask: 1,
  redProject: 2,
  laggingProject: 3,
  approval: 4,
  milestone: 5,
  custom: 6,
};

/** The stable key of a candidate: its source and id. */
export const agendaKey = (candidate: Pick<AgendaCandidate, 'source' | 'sourceId'>) =>
  `${candidate.source}:${candidate.sourceId}`;

/**
 * The agenda in order: candidates by source rank, most days overdue first, then by title (zh-CN
 * collation) and key so the order never depends on the query's; a lagging project that is also red is
 * taken up once, as red; a candidate appearing twice is kept once. Then the office's edits: dropped
 * keys go, added items join at the end, and the listed order comes first.
 */
export function buildAgenda(candidates: readonly AgendaCandidate[], edits: AgendaEdits): AgendaItem[] {
  const redProjects = new Set(candidates.filter((c) => c.source === 'redProject').map((c) => c.projectId));
  const seen = new Set<string>();
  const built: AgendaItem[] = [];
  const sorted = [...candidates].sort(
    (a, b) =>
      sourceRank[a.source] - sourceRank[b.source] ||
      b.daysOverdue - a.daysOverdue ||
      a.title.localeCompare(b.title, 'zh-CN') ||
      agendaKey(a).localeCompare(agendaKey(b)),
  );
  for (const candidate of sorted) {
    const key = agendaKey(candidate);
    if (seen.has(key)) continue;
    if (candidate.source === 'laggingProject' && redProjects.has(candidate.projectId)) continue;
    seen.add(key);
    built.push({ key, ...candidate });
  }
  for (const added of edits.added)
    if (!seen.has(added.key)) {
      seen.add(added.key);
      built.push({
        key: added.key,
        source: 'custom',
        sourceId: null,
        projectId: null,
        title: added.title,
        daysOverdue: 0,
      });
    }
  const dropped = new Set(edits.dropped);
  const kept = built.filter((item) => !dropped.has(item.key));
  const position = new Map(edits.order.map((key, index) => [key, index]));
  return kept
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        (position.get(a.item.key) ?? edits.order.length + a.index) -
        (position.get(b.item.key) ?? edits.order.length + b.index),
    )
    .map(({ item }) => item);
}
