/**
 * The nodes a monthly report (月报) shows: those planned in the report's month, reached or not, and
 * those planned before it and still not reached (overdue), in planned order. "The monthly report shows
 * the nodes due that month."
 */
export function nodesForReportMonth<T extends { plannedOn: string; actualOn: string | null }>(
  nodes: readonly T[],
  year: number,
  month: number,
): T[] {
  const key = `${year}-${String(month).padStart(2, '0')}`;
  return nodes
    .filter((n) => n.plannedOn.slice(0, 7) === key || (n.plannedOn.slice(0, 7) < key && n.actualOn === null))
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
}
