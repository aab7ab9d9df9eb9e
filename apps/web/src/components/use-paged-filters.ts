import type { PaginationProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const defaultPageSize = 20;

/** Drops empty strings and nulls so a cleared filter is simply absent from the query. */
function compact<F extends object>(filters: F): Partial<F> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== '' && value !== null && value !== undefined),
  ) as Partial<F>;
}

/**
 * Page, page size and filters of a paged list (starting from `initial`, e.g. read from a link).
 * Changing the filters returns to page 1; the returned `pagination` plugs straight into an antd Table.
 */
export function usePagedFilters<F extends object>(initial: Partial<F> = {}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ page: number; pageSize: number; filters: Partial<F> }>(() => ({
    page: 1,
    pageSize: defaultPageSize,
    filters: compact(initial),
  }));
  const query = { ...state.filters, page: state.page, pageSize: state.pageSize };
  const applyFilters = (filters: F) =>
    setState((current) => ({ ...current, page: 1, filters: compact(filters) }));
  const pagination = (total: number | undefined): PaginationProps => ({
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (count) => t('common.total', { total: count }),
    onChange: (page, pageSize) => setState((current) => ({ ...current, page, pageSize })),
  });
  return { query, applyFilters, pagination };
}
