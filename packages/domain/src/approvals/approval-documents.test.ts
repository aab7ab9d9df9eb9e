import { describe, expect, it } from 'vitest';
import type { Actor } from '../policies/actor';
import type { Role } from '../policies/permissions';
import { mayFileApprovalDocuments, mayRemoveApprovalDocument } from './approval-documents';
import type { ApprovalRelation } from './approval-policy';

const actor = (role: Role): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  roles: [role],
  organisationId: 'org',
  organisationKind: 'other',
  regionCode: '350902',
  regionPath: '350000.350900.350902',
  sector: null,
});
const none: ApprovalRelation = {
  isOffice: false,
  isApprovingDepartment: false,
  isAgent: false,
  isOwner: false,
};

describe('approval item documents', () => {
  it.each([
    ['office_staff', { ...none, isOffice: true }, true, true, true],
    ['office_staff', none, false, false, false],
    ['department_staff', { ...none, isApprovingDepartment: true }, true, true, false],
    ['department_staff', none, false, false, false],
    ['service_officer', { ...none, isAgent: true }, true, true, false],
    ['owner', { ...none, isOwner: true }, true, true, false],
    ['leader', { ...none, isOwner: true }, false, false, false],
    ['supervisor', none, false, false, false],
  ] as const)(
    '%s %j: files %s, removes its own %s, removes another’s %s',
    (role, relation, files, own, others) => {
      const who = actor(role);
      expect(mayFileApprovalDocuments(who, relation)).toBe(files);
      expect(mayRemoveApprovalDocument(who, relation, 'org')).toBe(own);
      expect(mayRemoveApprovalDocument(who, relation, 'another')).toBe(others);
    },
  );
});
