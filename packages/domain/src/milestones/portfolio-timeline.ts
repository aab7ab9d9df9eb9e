/** What the text Gantt reads of a node: its work span and whether it is reached or overdue. */
export interface TimelineNode {
  name: string;
  startOn: string;
  plannedOn: string;
  actualOn: string | null;
  overdue: boolean;
}

/** One month cell of a project's row: the nodes planned in it and how the cell is filled. */
export interface TimelineCell {
  /** `YYYY-MM`. */
  month: string;
  /** Names of the nodes planned in the month, in the order given. */
  names: string[];
  /**
   * `overdue`: a node planned in the month is overdue; `reached`: every node planned in it is reached;
   * `planned`: inside the project's planned span otherwise; `none`: outside it.
   */
  fill: 'none' | 'planned' | 'reached' | 'overdue';
}

const monthOf = (date: string) => date.slice(0, 7);

/** The month after `month` (`YYYY-MM`). */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The months a portfolio timeline spans: from the earliest work start to the latest planned or actual
 * date over all rows, at most `limit` months (from the first); empty without nodes.
 */
export function timelineMonths(rows: readonly (readonly TimelineNode[])[], limit = 120): string[] {
  const dates = rows.flatMap((nodes) =>
    nodes.flatMap((n) => [n.startOn, n.plannedOn, ...(n.actualOn ? [n.actualOn] : [])]),
  );
  if (dates.length === 0) return [];
  dates.sort();
  const last = monthOf(dates.at(-1)!);
  const months: string[] = [];
  for (let m = monthOf(dates[0]!); m <= last && months.length < limit; m = nextMonth(m)) months.push(m);
  return months;
}

/**
 * One project's row of the text Gantt (时间节点图 as a sheet): its planned span runs from the earliest
 * work start to the latest planned date of its nodes; each month names the nodes planned in it and is
 * filled red when one of them is overdue, green when all are reached, blue inside the span.
 */
export function timelineRow(nodes: readonly TimelineNode[], months: readonly string[]): TimelineCell[] {
  const starts = nodes.map((n) => monthOf(n.startOn)).sort();
  const ends = nodes.map((n) => monthOf(n.plannedOn)).sort();
  const from = starts[0];
  const to = ends.at(-1);
  return months.map((month) => {
    const due = nodes.filter((n) => monthOf(n.plannedOn) === month);
    const fill: TimelineCell['fill'] = due.some((n) => n.overdue)
      ? 'overdue'
      : due.length > 0 && due.every((n) => n.actualOn !== null)
        ? 'reached'
        : from !== undefined && to !== undefined && month >= from && month <= to
          ? 'planned'
          : 'none';
    return { month, names: due.map((n) => n.name), fill };
  });
}
