import type { screenZhCN } from './screen.zh-CN';

/** en-US texts of the big screen and its public variant (same keys as zh-CN). */
export const screenEnUS: typeof screenZhCN = {
  screen: {
    open: 'Open the big screen',
    title: '{{region}} key projects command screen',
    publicTitle: '{{region}} key projects public screen',
    dataTime: 'Data as of {{time}}',
    refreshNote: 'Refreshes every 60 s',
    period: '{{year}}, Jan–month {{month}}',
    loading: 'Loading…',
    loadFailed: 'Could not load the data; retrying shortly',
    notPublished: 'This region publishes no public screen, or it does not exist.',
    noData: 'No data',
    panels: {
      figures: 'Headline figures',
      ranking: 'Evaluation ranking',
      redCounts: 'Red projects by region',
      map: 'Map (plan completion)',
      redProjects: 'Red projects',
      overdueProblems: 'Overdue problems',
    },
    figures: {
      projectCount: 'Projects',
      plannedInvestment: 'Planned this year (100M yuan)',
      completedYtd: 'Completed (100M yuan)',
      planCompletionRate: 'Plan completion',
      timeProgress: 'Time progress',
      startRate: 'Start rate',
    },
    ranking: {
      quarter: '{{quarter}} · {{scheme}}',
      rank: 'Rank',
      name: 'Region',
      total: 'Points',
      red: 'Red list',
      black: 'Black list',
      none: 'No quarter published yet',
    },
    redCounts: {
      month: 'Warnings of {{month}}',
      total: 'Red {{red}} · yellow {{yellow}} · green {{green}}',
    },
    redProjects: {
      none: 'No red projects',
      reasons: '{{count}} reasons',
      more: '{{count}} in all, first {{shown}} shown',
    },
    overdue: {
      none: 'No overdue problems',
      days: '{{days}} days overdue',
      total: '{{count}} in all',
    },
    map: { noValue: 'No plan', low: 'Low', high: 'High', self: '{{name}} (own level)' },
    publish: {
      open: 'Publishing',
      title: 'Public screen publishing settings',
      intro:
        'The chosen panels are shown to anyone on the public screen (no login), as totals only: no project names or ids; red projects only as counts by region.',
      panels: 'Published panels',
      quarter: 'Published evaluation quarter',
      quarterHelp: 'Empty shows the latest published quarter; e.g. 2026Q2',
      link: 'Public address',
      save: 'Save',
      saved: 'Publishing settings saved',
      nothing: 'Nothing published yet',
    },
  },
};
