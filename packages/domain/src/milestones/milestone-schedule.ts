import { dependencyOrder } from '../approvals/approval-schedule';
import { addWorkingDays, type HolidayCalendar, isWorkingDay } from '../calendar/working-days';
import { AppError } from '../errors';

/**
 * One node of a milestone plan (节点): the day a stage of the work is reached (签约, 供地, 开工 …).
 * `durationDays` is the working days its work takes once every node it depends on is reached.
 */
export interface NodeSpec {
  code: string;
  name: string;
  durationDays: number;
  dependsOn: readonly string[];
  /** The node that marks the start of construction (开工): the approvals' earliest start bounds it. */
  marksStart?: boolean | undefined;
}

/**
 * The node of a template that marks 开工: the one marked so, else (templates written before the
 * marker) the node coded `start`; null when there is none.
 */
export function startNodeCode(nodes: readonly NodeSpec[]): string | null {
  return nodes.find((n) => n.marksStart)?.code ?? nodes.find((n) => n.code === 'start')?.code ?? null;
}

export interface ScheduledNode {
  code: string;
  /** The day its work starts: its planned date less its duration. */
  startOn: string;
  /** The planned day the node is reached. */
  plannedOn: string;
  /** The backward date can no longer be kept (it has passed, or a node before it slipped). */
  isLate: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The working day `n` working days before `date` — `addWorkingDays` backwards, so
 * `addWorkingDays(subtractWorkingDays(d, n), n) === d` for a working day `d`. n = 0: `date` if it
 * works, else the working day before it.
 */
export function subtractWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  let day = Date.parse(`${date}T00:00:00Z`);
  let counted = 0;
  while (counted < n) {
    day -= 86_400_000;
    if (isWorkingDay(iso(day), calendar)) counted += 1;
  }
  while (!isWorkingDay(iso(day), calendar)) day -= 86_400_000;
  return iso(day);
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * 倒排工期. Backward: the target node is reached on `target.on`; every node leading to it is reached
 * by the day the nodes after it must start (their date less their duration), on the working-day
 * calendar. Forward, in dependency order: a node reached keeps its actual date; a node after the
 * target (or beside it) follows its predecessors; and what is already late moves forward from today —
 * a node not reached is never planned before today, nor before its predecessors allow. `isLate` marks
 * a node whose backward date can no longer be kept.
 */
export function scheduleNodes(
  nodes: readonly NodeSpec[],
  target: { code: string; on: string },
  today: string,
  calendar: HolidayCalendar,
  reached: ReadonlyMap<string, string> = new Map(),
): ScheduledNode[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  if (!byCode.has(target.code))
    throw new AppError('VALIDATION_FAILED', `目标节点“${target.code}”不在节点中`, [
      { path: 'targetCode', message: '不在节点中' },
    ]);
  const ordered = dependencyOrder(nodes, '节点');
  const before = (node: NodeSpec) => node.dependsOn.filter((code) => byCode.has(code));
  const leadsToTarget = new Set<string>();
  const mark = (code: string) => {
    if (leadsToTarget.has(code)) return;
    leadsToTarget.add(code);
    for (const b of before(byCode.get(code)!)) mark(b);
  };
  mark(target.code);
  const backward = new Map<string, string>([[target.code, target.on]]);
  for (const node of [...ordered].reverse()) {
    if (!leadsToTarget.has(node.code) || node.code === target.code) continue;
    const starts = ordered
      .filter((after) => leadsToTarget.has(after.code) && before(after).includes(node.code))
      .map((after) => subtractWorkingDays(backward.get(after.code)!, after.durationDays, calendar));
    backward.set(node.code, starts.sort()[0]!);
  }
  const planned = new Map<string, ScheduledNode>();
  for (const node of ordered) {
    const actual = reached.get(node.code);
    if (actual) {
      planned.set(node.code, {
        code: node.code,
        startOn: subtractWorkingDays(actual, node.durationDays, calendar),
        plannedOn: actual,
        isLate: false,
      });
      continue;
    }
    const predecessorsReached = before(node)
      .map((code) => planned.get(code)!.plannedOn)
      .sort()
      .at(-1);
    const afterPredecessors = predecessorsReached
      ? addWorkingDays(predecessorsReached, node.durationDays, calendar)
      : null;
    const wanted = backward.get(node.code) ?? null;
    let plannedOn = later(wanted, afterPredecessors) ?? addWorkingDays(today, node.durationDays, calendar);
    if (plannedOn < today) plannedOn = addWorkingDays(today, 0, calendar);
    planned.set(node.code, {
      code: node.code,
      startOn: subtractWorkingDays(plannedOn, node.durationDays, calendar),
      plannedOn,
      isLate: wanted !== null && plannedOn > wanted,
    });
  }
  return nodes.map((n) => planned.get(n.code)!);
}

/** A node not reached whose (current) planned date has passed. */
export const isNodeOverdue = (node: { plannedOn: string | null; actualOn: string | null }, today: string) =>
  node.actualOn === null && node.plannedOn !== null && node.plannedOn < today;
