/** en-US texts of provisional deadlines, reference lookup, hotline checks, routing and job failures (merged into en-US.ts). */
export const problemDeadlinesEnUS = {
  problemDeadlines: {
    meetingNote: 'To be taken up at the {{series}} on {{month}}/{{day}}',
    provisionalTag: 'Provisional',
    provisionalHint:
      'This deadline reaches into a year whose public holidays are not entered yet, so it counts only weekends, New Year (1 Jan), Labour Day (1 May) and National Day (1–3 Oct); the lunar holidays and make-up workdays cannot be known. It is recomputed once the system admin enters that year.',
    findReference: 'Find by reference (new or old number)',
    legacyReference: 'formerly {{number}}',
    phoneInvalid:
      'Invalid phone number: a mobile has 11 digits starting with 1; a landline needs its area code, e.g. 0593-2876543 or 0593-2876543-801',
    phoneHelp: 'A mobile number, or a landline with area code (extension optional)',
    descriptionTooShort: 'Describe the problem in at least {{min}} characters',
    handlerPlaceholder: 'Choose a department or office of the jurisdiction',
    handlerKinds: { department: 'Department', office: 'Office' },
    failures: {
      title: 'Problems the escalation job could not process',
      intro:
        'The scheduled escalation job handles each problem on its own; one failure never stops the others. Failures are listed with their reason, retried on every run and removed once they go through.',
      empty: 'No failed problems',
      reference: 'Reference',
      reason: 'Reason',
      attempts: 'Failed runs',
      lastFailedAt: 'Last failure',
    },
    calendar: {
      unknownYear:
        'The {{year}} holidays are not entered: working-day deadlines reaching into that year count only weekends, New Year, Labour Day and National Day, and are marked provisional',
      lunarUnknown:
        'The lunar holidays (Spring Festival, Qingming, Dragon Boat, Mid-Autumn) and make-up workdays cannot be known; provisional deadlines are recomputed once the year is entered.',
      nextYearMissing: 'Please enter the {{year}} public holidays',
      nextYearMissingHint:
        'The State Council usually publishes next year’s arrangement in November. Until it is entered, deadlines reaching into {{year}} are provisional.',
      enterNextYear: 'Enter {{year}}',
    },
  },
};
