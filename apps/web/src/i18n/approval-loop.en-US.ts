import type { approvalLoopZhCN } from './approval-loop.zh-CN';

/** en-US texts of approval items in the problem loop and deemed-approval notices (same keys as zh-CN). */
export const approvalLoopEnUS: typeof approvalLoopZhCN = {
  approvalLoop: {
    problems: 'Problems',
    problemLink: '{{referenceNumber}} (due {{dueOn}})',
    problemOverdue: 'Overdue',
    issueLetter: 'Send a reminder',
    toProblem: 'Raise a problem',
    toProblemHint: 'A promised document is past its date: raise it as a problem to follow up',
    brokenPromiseDescription:
      '“{{itemName}}” was accepted with documents missing on {{acceptedOn}}; these are past their promised dates and still missing: {{materials}}. Please have the owner supply them; the department proceeds once they are in.',
    brokenPromiseMaterial: '{{name}} (promised by {{promisedOn}})',
    brokenPromiseRequest: 'Get the missing documents supplied so the approval finishes on time',
    deemed: 'Deemed approved',
    deemedDetail: '{{number}} · limit ended {{deadlineOn}}, notice of {{issuedOn}}',
    deemedDownload: 'Download notice',
    item: 'Approval item',
    itemPlaceholder: 'An approval item of this project (optional)',
    itemHint: 'For the category “审批” the problem may name an open approval item of the project',
    itemOnPage: 'Open in approvals',
    itemDue: 'Limit {{date}}',
    itemPromise: 'Promised {{date}}',
    itemHasProblem: 'This item already has an open problem, {{referenceNumber}}',
    openExisting: 'Open that problem',
  },
};
