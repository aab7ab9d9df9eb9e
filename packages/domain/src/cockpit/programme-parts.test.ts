import { describe, expect, it } from 'vitest';
import { systemActor } from '../policies/actor';
import { type Permission, permissionsOf } from '../policies/permissions';
import {
  cockpitProgrammeAsOf,
  cockpitProgrammePartsFor,
  cockpitProgrammePartsGranted,
} from './programme-parts';

const without = (role: Parameters<typeof permissionsOf>[0][number], missing: Permission) => {
  const granted = permissionsOf([role]);
  return (permission: Permission) => permission !== missing && granted.has(permission);
};

describe('the parts of the cockpit’s 专项工作 panel', () => {
  it('gives an office every part, in panel order', () => {
    const office = permissionsOf(['office_staff']);
    expect(cockpitProgrammePartsGranted((p) => office.has(p))).toEqual([
      'whitelist',
      'resumption',
      'workforce',
      'funds',
      'factors',
      'promotion',
      'bankMatchmaking',
      'campaigns',
    ]);
  });

  it('leaves out the part whose module the reader may not read', () => {
    expect(cockpitProgrammePartsGranted(without('leader', 'fund.read'))).toEqual([
      'whitelist',
      'resumption',
      'workforce',
      'factors',
      'promotion',
      'bankMatchmaking',
      'campaigns',
    ]);
    const officer = permissionsOf(['service_officer']);
    expect(cockpitProgrammePartsGranted((p) => officer.has(p))).not.toContain('promotion');
    expect(cockpitProgrammePartsGranted(() => false)).toEqual([]);
  });

  it('gives the system actor every part', () => {
    expect(cockpitProgrammePartsFor(systemActor)).toHaveLength(8);
  });

  it.each([
    [2025, '2026-03-02', '2025-12-31'],
    [2026, '2026-03-02', '2026-03-02'],
    [2027, '2026-03-02', '2026-03-02'],
    [2026, '2026-12-31', '2026-12-31'],
  ])('counts year %i, on %s, up to %s', (year, today, asOf) => {
    expect(cockpitProgrammeAsOf(year, today)).toBe(asOf);
  });
});
