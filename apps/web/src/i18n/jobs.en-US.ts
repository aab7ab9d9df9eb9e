import type { jobsZhCN } from './jobs.zh-CN';

/** en-US texts of the background jobs page (merged into en-US.ts). */
export const jobsEnUS: typeof jobsZhCN = {
  jobs: {
    title: 'Background jobs',
    intro:
      'Scheduled jobs run once per slot of their interval (TUIJIN_REMIND_INTERVAL_MINUTES); event jobs run seconds after the change that triggers them is committed. A failed run is retried after a backoff and marked failed once its attempts are used up. Several servers sharing one database run each slot once.',
    job: 'Job',
    schedule: 'Schedule',
    onEvent: 'On event',
    scheduleOff: 'Schedule off',
    everyMinutes: 'Every {{count}} minutes',
    lastRun: 'Last run',
    neverRun: 'Not run yet',
    runs: 'Latest runs',
    allStates: 'All',
    createdAt: 'Queued',
    key: 'Natural key',
    state: 'State',
    attempts: 'Attempts',
    nextTry: 'Next try',
    finishedAt: 'Finished',
    outcome: 'Result or failure reason',
    claimedBy: 'Worker',
    noRuns: 'No runs yet',
    itemFailures: 'Failed items',
    itemFailuresIntro:
      'Items a run could not process (such as one problem of the escalation job); the next run retries them and marks them resolved once they go through.',
    item: 'Item',
    reason: 'Reason',
    lastFailedAt: 'Last failed',
    resolvedAt: 'Resolved',
    unresolved: 'Unresolved',
    noItemFailures: 'No failed items',
    states: { pending: 'Pending', running: 'Running', done: 'Done', failed: 'Failed' },
    names: {
      warnings: 'Traffic-light warnings',
      escalations: 'Problem escalation',
      provisionalReplyDates: 'Provisional letter reply dates',
      reminders: 'Reporting reminders',
      deliverNotifications: 'Channel delivery',
    },
  },
};
