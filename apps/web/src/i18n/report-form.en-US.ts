import type { reportFormZhCN } from './report-form.zh-CN';

/** en-US texts of the report form's field rules and its window (same keys as zh-CN). */
export const reportFormEnUS: typeof reportFormZhCN = {
  reportForm: {
    problems: {
      completedWanYuan: {
        blank: "Enter this month's investment (10k yuan); enter 0 if none",
        format: "This month's investment must be a number (10k yuan), at most 4 decimals",
        negative: "This month's investment cannot be negative",
        statisticsRequired: "Enter this month's investment",
      },
      statisticsWanYuan: {
        blank: 'Enter the amount counted in statistics (10k yuan)',
        format: 'The amount counted in statistics must be a number (10k yuan), at most 4 decimals',
        negative: 'The amount counted in statistics cannot be negative',
        statisticsRequired: 'A report counted in statistics needs the amount counted (10k yuan)',
      },
    },
    opensOn: 'Opens for submission on {{month}}/{{day}}',
    notOpenHint:
      'The reporting window for {{year}}-{{month}} has not opened yet; you can submit from {{opens}}. Drafts can be saved any time.',
  },
};
