/**
 * The tab a problem list opens on: the first of the reader's tabs (in menu order) that holds any
 * problem, else the last one (全部), so an office whose 我承办的 is empty does not open on nothing.
 * `totals` may lack a tab still loading; the choice waits for the tabs before it.
 */
export function firstNonEmptyView<V extends string>(
  views: readonly V[],
  totals: Partial<Record<V, number>>,
): V | undefined {
  for (const view of views) {
    const total = totals[view];
    if (total === undefined) return undefined;
    if (total > 0) return view;
  }
  return views.at(-1);
}
