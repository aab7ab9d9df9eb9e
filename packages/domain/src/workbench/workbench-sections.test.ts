import { describe, expect, it } from 'vitest';
import type { Actor } from '../policies/actor';
import type { Role } from '../policies/permissions';
import { daysLeft, workbenchSectionsFor } from './workbench-sections';

const actor = (...roles: Role[]): Actor => ({
  userId: 'u1',
  username: 'someone',
  displayName: '某人',
  roles,
  organisationId: 'o1',
  organisationKind: 'office',
  regionCode: '350902',
  regionPath: '350000.350900.350902',
  sector: null,
});

describe('workbenchSectionsFor', () => {
  it.each<[Role[], string[]]>([
    [
      ['owner'],
      [
        'reportsToFill',
        'problemsToConfirm',
        'lettersToReply',
        'tasksToHandle',
        'findingsToRectify',
        'warnings',
        'notifications',
      ],
    ],
    [
      ['department_staff'],
      [
        'reportsToReview',
        'problemsToConfirm',
        'problemsToHandle',
        'lettersToReply',
        'tasksToHandle',
        'warnings',
        'notifications',
      ],
    ],
    [
      ['office_staff'],
      [
        'statusBoard',
        'reportsToReview',
        'problemsToHandle',
        'lettersToReply',
        'tasksToHandle',
        'problemsAwaitingOffice',
        'problemsOverdue',
        'redProjects',
        'notifications',
      ],
    ],
    [
      ['leader'],
      [
        'problemsToHandle',
        'lettersToReply',
        'tasksToHandle',
        'problemsOnMyProjects',
        'warnings',
        'notifications',
      ],
    ],
    [['system_admin'], ['holidayCalendar', 'lockedUsers', 'notifications']],
    [['security_admin'], ['lockedUsers', 'notifications']],
    [['audit_admin'], ['auditChain', 'auditEvents', 'notifications']],
    [['supervisor'], ['problemsOverdue', 'redProjects', 'auditEvents', 'notifications']],
  ])('gives %j the sections %j', (roles, sections) => {
    expect(workbenchSectionsFor(actor(...roles))).toEqual(sections);
  });

  it('takes the union of several roles, each section once and in page order', () => {
    expect(workbenchSectionsFor(actor('owner', 'leader'))).toEqual([
      'reportsToFill',
      'problemsToConfirm',
      'problemsToHandle',
      'lettersToReply',
      'tasksToHandle',
      'findingsToRectify',
      'problemsOnMyProjects',
      'warnings',
      'notifications',
    ]);
  });
});

describe('daysLeft', () => {
  it.each([
    ['2026-12-06', '2026-12-25', 19],
    ['2026-12-06', '2026-12-06', 0],
    ['2026-12-06', '2026-12-04', -2],
    ['2026-12-30', '2027-01-04', 5],
    ['2024-02-28', '2024-03-01', 2],
  ])('from %s to %s is %i', (today, dueOn, expected) => {
    expect(daysLeft(today, dueOn)).toBe(expected);
  });
});
