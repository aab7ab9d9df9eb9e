import type { servicePlansZhCN } from './service-plans.zh-CN';

/** en-US texts of service plans: the project's tab and the /service-plans list (merged into en-US.ts). */
export const servicePlansEnUS: typeof servicePlansZhCN = {
  servicePlans: {
    title: 'Service plans',
    statuses: { notStarted: 'Not started', inProgress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
    plan: 'Service plan',
    noPlan: 'This project has no service plan yet',
    createPlan: 'Create service plan',
    editPlan: 'Edit plan',
    summary: 'Aim',
    summaryHelp:
      'What the plan helps the project with, e.g. worker housing, transport of parts, land approval',
    lead: 'Lead unit or person',
    measures: 'Measures',
    noMeasures: 'No measures yet',
    addMeasure: 'Add measure',
    editMeasure: 'Edit measure',
    content: 'Measure',
    responsible: 'Responsible unit',
    dueOn: 'Due',
    status: 'Status',
    completed: 'Completion',
    overdue: 'Overdue',
    overdueCount: '{{count}} overdue',
    moveTo: 'Set to',
    markDone: 'Mark done',
    completedOn: 'Completed on',
    note: 'Completion / note',
    noteHelp: 'When done, say what was done; when cancelled, say why',
    required: 'Required',
    saved: 'Saved',
    readOnly:
      'Only the key-project office of the project’s region or its responsible department edits the plan; a measure’s responsible unit changes the status of its own measures.',
    asOf: 'As of {{date}}',
    counts:
      '{{total}} measures: not started {{notStarted}}, in progress {{inProgress}}, done {{done}}, cancelled {{cancelled}}',
    page: {
      project: 'Project',
      region: 'Region',
      projectClass: 'Project class',
      total: 'Measures',
      nextDue: 'Next due',
      allRegions: 'Whole jurisdiction',
      anyOrganisation: 'Any responsible unit',
      anyStatus: 'Any status',
      overdueOnly: 'Overdue only',
      export: 'Export Excel',
      totalRow: 'Total',
      empty: 'No service plans',
      formula:
        'Overdue: a measure neither done nor cancelled whose due date is before today (due today is not overdue)',
    },
  },
};
