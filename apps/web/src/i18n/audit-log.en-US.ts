import type { auditActionsMoreZhCN, auditLogZhCN } from './audit-log.zh-CN';

/** en-US labels of the audit actions added after the first audit page, and the page's filters. */
export const auditActionsMoreEnUS: typeof auditActionsMoreZhCN = {
  settings_reminders_update: 'Change reminder settings',
  notificationChannel_create: 'Add a notification channel',
  notificationChannel_update: 'Change a notification channel',
  notificationChannel_disable: 'Disable a notification channel',
  notificationChannel_test: 'Test a notification channel',
  calendar_override_set: 'Set a holiday adjustment',
  calendar_override_delete: 'Delete a holiday adjustment',
  demo_reports: 'Load demo monthly reports',
  ledger_import: 'Import a ledger',
  reportingCalendar_set: 'Set the reporting calendar',
  reportingCalendar_delete: "Delete the region's own reporting calendar",
  report_save: 'Save a monthly report',
  report_submit: 'Submit a monthly report',
  report_approve: 'Approve a monthly report',
  report_return: 'Return a monthly report',
  report_correct: 'Correct a monthly report',
  problem_raise: 'Raise a problem',
  problem_classify: 'Classify a problem',
  problem_route: 'Assign a problem',
  problem_start: 'Start handling a problem',
  problem_answer: 'Answer a problem',
  problem_confirm: 'Confirm a problem resolved',
  problem_unsatisfied: 'Reject an answer as unsatisfactory',
  problem_reject: 'Send a problem back',
  problem_reopen: 'Reopen a problem',
  problem_escalate: 'Escalate a problem',
  problem_writeOff: 'Close a problem',
  problemRouting_manage: 'Edit problem routing rules',
  escalationLadder_manage: 'Edit the escalation ladder',
};

export const auditLogEnUS: typeof auditLogZhCN = {
  auditLog: {
    result: 'Result',
    results: { success: 'Succeeded', failure: 'Failed' },
    actorPlaceholder: 'Username or name',
    actionPlaceholder: 'Choose an action',
    entityTypePlaceholder: 'Choose a record type',
    code: 'Action code: {{code}}',
    entityIdTip: 'Record id: {{id}}',
    problem: 'Problem',
  },
};
