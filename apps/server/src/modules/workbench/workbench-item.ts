import type { WorkbenchItem, WorkbenchSection } from '@tuijin/contracts';
import { daysLeft, type WorkbenchSectionKey } from '@tuijin/domain';

/** How many items a section lists; its total counts them all and its link opens the full list. */
export const itemsShown = 8;

/** What every section builder knows: today, the reporting month and the warning month. */
export interface WorkbenchFacts {
  today: string;
  reportingMonth: { year: number; month: number };
  warningMonth: string;
}

/** `YYYY-MM` of a reporting month, as the report pages take it in `?month=`. */
export const monthParam = ({ year, month }: { year: number; month: number }) =>
  `${year}-${String(month).padStart(2, '0')}`;

/** One item; `daysLeft` follows from `dueOn` and today. */
export function item(
  facts: Pick<WorkbenchFacts, 'today'>,
  fields: Omit<WorkbenchItem, 'daysLeft' | 'params' | 'detail' | 'dueOn' | 'status'> &
    Partial<Pick<WorkbenchItem, 'params' | 'detail' | 'dueOn' | 'status'>>,
): WorkbenchItem {
  const dueOn = fields.dueOn ?? null;
  return {
    detail: null,
    status: null,
    params: null,
    ...fields,
    dueOn,
    daysLeft: dueOn ? daysLeft(facts.today, dueOn) : null,
  };
}

/** A section; `figures` only where the page shows summary numbers. */
export function section(
  key: WorkbenchSectionKey,
  link: string,
  items: WorkbenchItem[],
  total: number,
  figures: Record<string, number> | null = null,
): WorkbenchSection {
  return { key, link, items: items.slice(0, itemsShown), total, figures };
}
