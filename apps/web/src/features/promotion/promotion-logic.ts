import { fileRoutes, type PromotionLeadQuery, type PromotionOverview } from '@tuijin/contracts';

/** Where the 招商项目台账 of the list's filters is downloaded (blank filters left out). */
export function promotionLedgerUrl(query: PromotionLeadQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `${fileRoutes.exportPromotionLeads}${text ? `?${text}` : ''}`;
}

/** A rate for a card or cell: "60.0%", or — when nothing was signed. */
export const percentText = (percent: string | null) => (percent === null ? '—' : `${percent}%`);

/**
 * The funnel chart of the overview: one layer per stage in list order, sized by the leads that
 * reached it (now there or beyond), labelled "签约 12"; the tooltip names the count now in the stage
 * and the contract amount of those reached (exact text from the server, shown as it is).
 */
export function funnelChartOption(
  funnel: PromotionOverview['funnel'],
  texts: { reached: string; current: string; amount: string },
) {
  const max = Math.max(1, ...funnel.map((row) => row.reachedCount));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number }) => {
        const row = funnel[params.dataIndex];
        if (!row) return '';
        return `${row.name}<br/>${texts.reached}: ${row.reachedCount}<br/>${texts.current}: ${row.currentCount}<br/>${texts.amount}: ${row.reachedWanYuan}`;
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '12%',
        left: '8%',
        width: '84%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: funnel.map((row) => ({ name: row.name, value: row.reachedCount })),
      },
    ],
  };
}

/** The quarter picker's options: the whole year (0) then Q1–Q4. */
export const quarterOptions = [0, 1, 2, 3, 4] as const;
