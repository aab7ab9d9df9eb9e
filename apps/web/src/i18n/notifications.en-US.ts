import type { notificationsZhCN } from './notifications.zh-CN';

/** en-US texts of the notification bell and the channels page (same keys as zh-CN). */
export const notificationsEnUS: typeof notificationsZhCN = {
  notifications: {
    bell: 'Notifications',
    bellWithCount: 'Notifications ({{count}} unread)',
    title: 'Notifications',
    markAllRead: 'Mark all read',
    empty: 'No notifications',
    unread: 'Unread',
    loadFailed: 'Could not load notifications',
    kinds: {
      report: {
        dueSoon:
          'The {{year}}-{{month}} monthly report of “{{projectName}}” is due on {{dueOn}} ({{days}} days left)',
        late: 'The {{year}}-{{month}} monthly report of “{{projectName}}” was due on {{dueOn}} and is not submitted',
        awaitingReview: '{{count}} submitted monthly reports are waiting for your review',
      },
      problem: {
        assigned:
          'Problem {{referenceNumber}} ({{category}}) of “{{projectName}}” is assigned to your unit; due {{dueOn}}',
        answered: 'Your problem {{referenceNumber}} of “{{projectName}}” was answered; please confirm',
        sentBack:
          'The raiser of problem {{referenceNumber}} (“{{projectName}}”) is not satisfied: {{reason}}',
        deadline:
          'Problem {{referenceNumber}} of “{{projectName}}”, level {{level}}: time limit notice, due {{dueOn}}',
        escalated:
          'Problem {{referenceNumber}} of “{{projectName}}” moved up to level {{level}} “{{levelName}}”; due {{dueOn}}',
      },
      calendar: {
        nextYearMissing:
          'The {{year}} public holidays and make-up workdays are not entered yet; until they are, deadlines reaching into {{year}} count only weekends, New Year, Labour Day and National Day and are marked provisional. Please enter them under Holidays once the State Council publishes them',
      },
      approval: {
        promiseDueSoon:
          'Project “{{projectName}}”, {{itemName}}: the missing document “{{material}}” is promised by {{promisedOn}}',
        promiseDue:
          'Project “{{projectName}}”, {{itemName}}: the missing document “{{material}}” is due today ({{promisedOn}})',
        promiseOverdue:
          'Project “{{projectName}}”, {{itemName}}: the missing document “{{material}}” was promised by {{promisedOn}} and has not come; the approval is red',
        promiseBroken:
          'Project “{{projectName}}”, {{itemName}}: the missing document “{{material}}” promised by {{promisedOn}} has not come; you may raise it as a problem from the approvals tab',
        deemedNotice:
          'Project “{{projectName}}”, {{itemName}}: the time limit ended {{deadlineOn}} without a decision; notice {{noticeNumber}} was issued and the approval is deemed given',
      },
      bulletin: {
        dailyIssued: 'Today’s daily bulletin {{serial}} “{{title}}” was generated on time and issued',
        dailyDraft: 'Today’s daily bulletin “{{title}}” is drafted: please review and issue',
        issued: 'Bulletin {{serial}} “{{title}}” issued by the office above: please read',
      },
      unknown: 'New notification',
    },
    titles: {
      report: {
        dueSoon: 'Report due soon',
        late: 'Report late',
        awaitingReview: 'Reports to review',
      },
      problem: {
        assigned: 'New problem assigned',
        answered: 'Problem answered',
        sentBack: 'Answer sent back',
        deadline: 'Problem time limit',
        escalated: 'Problem escalated',
      },
      calendar: { nextYearMissing: 'Enter next year’s public holidays' },
      approval: {
        promiseDueSoon: 'Missing document due soon',
        promiseDue: 'Missing document due today',
        promiseOverdue: 'Missing document overdue',
        promiseBroken: 'Promised document not supplied',
        deemedNotice: 'Deemed-approval notice',
      },
      bulletin: {
        dailyIssued: 'Daily bulletin issued',
        dailyDraft: 'Daily bulletin to issue',
        issued: 'Bulletin received',
      },
      unknown: 'Notification',
    },
  },
  channels: {
    title: 'Notification channels',
    intro:
      'In-app notifications (report due soon, late, waiting for review) are also pushed to the enabled channels below: a DingTalk robot, a WeCom group robot or an SMS gateway. Secrets are write-only and never shown again.',
    create: 'Add channel',
    edit: 'Edit channel',
    name: 'Name',
    kind: 'Type',
    url: 'Webhook URL',
    urlHelp: 'A full address starting with http:// or https://',
    secret: 'Secret / token',
    secretHelpDingtalk: 'DingTalk robot signing secret (starts with SEC); leave empty if unsigned',
    secretHelpSms: 'SMS gateway token, sent as Authorization: Bearer',
    secretHelpWecom: 'WeCom group robots need no secret',
    secretKeep: 'Set (leave empty to keep it)',
    clearSecret: 'Clear the saved secret',
    hasSecret: 'Secret',
    secretSet: 'Set',
    secretNotSet: 'Not set',
    enabled: 'Status',
    isEnabled: 'Enabled',
    isDisabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    test: 'Send test',
    testTitle: 'Send a test: {{name}}',
    testText: 'Message',
    testTextPlaceholder: 'Default: a test message from Tuijin…',
    testPhone: 'Mobile number',
    testOk: 'The test message was sent',
    testFailed: 'Sending failed: {{error}}',
    send: 'Send',
    saved: 'Channel “{{name}}” saved',
    disabled: 'Channel “{{name}}” disabled',
    enabledNow: 'Channel “{{name}}” enabled',
    empty: 'No channel configured: notifications are shown in the app only',
    kinds: { dingtalk: 'DingTalk robot', wecom: 'WeCom robot', sms: 'SMS gateway' },
    reminderTitle: 'Report reminders',
    dueSoonDays: 'Days before the deadline',
    dueSoonDaysHelp:
      'Owners are reminded this many days before a report is due, once when it is late; reviewers get one summary a day',
    daysSuffix: 'days',
    reminderSaved: 'Reminder settings saved',
  },
};
