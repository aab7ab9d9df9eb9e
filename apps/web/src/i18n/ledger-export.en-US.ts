import type { ledgerExportZhCN } from './ledger-export.zh-CN';

/** English texts of the monthly ledger export card; typed by the zh-CN ones. */
export const ledgerExportEnUS: typeof ledgerExportZhCN = {
  ledgerExport: {
    title: 'Monthly ledger export',
    intro:
      "Download a month's key-project progress sheet (Excel) in the form offices send up: the year's plan (adjusted and baseline), investment completed in the month and year to date, share of plan, since start, the month's physical progress and statistics entry, grouped by domain with subtotals and a total. Only approved monthly reports count.",
    year: 'Year',
    yearOption: '{{year}}',
    month: 'Up to month',
    monthOption: 'Month {{month}}',
    region: 'Region',
    regionPlaceholder: 'My jurisdiction (or pick a region in it)',
    download: 'Export monthly ledger',
  },
};
