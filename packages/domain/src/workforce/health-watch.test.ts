import { describe, expect, it } from 'vitest';
import {
  checkTemperature,
  type HealthWatchRule,
  healthRecordsPurgeOn,
  isClearedToWork,
  observationClearedOn,
  observationEnd,
  workerHealthStatus,
} from './health-watch';
import { isOnSite, provinceFromText, provinceOfRegionPath, seesWorkerIdNumbers } from './workforce';

const rule = { originKind: 'outsideProvince', originProvinces: [], observationDays: 14 } as const;

describe('observationEnd / observationClearedOn', () => {
  it.each([
    ['2026-02-01', 14, '2026-02-14', '2026-02-15'],
    ['2026-01-25', 14, '2026-02-07', '2026-02-08'],
    ['2026-02-20', 14, '2026-03-05', '2026-03-06'],
    ['2024-02-20', 14, '2024-03-04', '2024-03-05'],
    ['2024-02-29', 1, '2024-02-29', '2024-03-01'],
    ['2026-12-25', 14, '2027-01-07', '2027-01-08'],
    ['2026-04-30', 7, '2026-05-06', '2026-05-07'],
  ])('arriving %s with %i days: observed to %s, cleared on %s', (arrived, days, end, cleared) => {
    expect(observationEnd(arrived, { observationDays: days })).toBe(end);
    expect(observationClearedOn(arrived, { observationDays: days })).toBe(cleared);
  });
});

describe('workerHealthStatus', () => {
  const watch: HealthWatchRule = { ...rule, fromOn: '2026-01-20', toOn: null, retentionDays: 30 };
  const sichuan = { arrivedOn: '2026-02-01', originProvince: '510000', latestCheck: null };
  it.each([
    ['2026-01-31', 'pending'],
    ['2026-02-01', 'observing'],
    ['2026-02-14', 'observing'],
    ['2026-02-15', 'cleared'],
  ] as const)('a worker from 四川 arriving 1 Feb is %s → %s', (on, status) => {
    expect(workerHealthStatus(sichuan, watch, on, '350000')).toBe(status);
  });

  it('needs no observation without a watch, for the own province, or when observation ended before the watch', () => {
    expect(workerHealthStatus(sichuan, null, '2026-02-03', '350000')).toBe('notRequired');
    expect(workerHealthStatus({ ...sichuan, originProvince: '350000' }, watch, '2026-02-03', '350000')).toBe(
      'notRequired',
    );
    expect(workerHealthStatus({ ...sichuan, arrivedOn: '2026-01-06' }, watch, '2026-02-03', '350000')).toBe(
      'notRequired',
    );
    expect(workerHealthStatus({ ...sichuan, arrivedOn: '2026-01-07' }, watch, '2026-01-20', '350000')).toBe(
      'observing',
    );
    const ended = { ...watch, toOn: '2026-02-10' };
    expect(workerHealthStatus(sichuan, ended, '2026-02-11', '350000')).toBe('notRequired');
  });

  it('observes only the listed provinces under a listed rule', () => {
    const listed: HealthWatchRule = { ...watch, originKind: 'listed', originProvinces: ['420000'] };
    expect(workerHealthStatus(sichuan, listed, '2026-02-03', '350000')).toBe('notRequired');
    expect(workerHealthStatus({ ...sichuan, originProvince: '420000' }, listed, '2026-02-03', '350000')).toBe(
      'observing',
    );
  });

  it('is abnormal on a fever or symptoms until a normal check, whatever the origin', () => {
    const fever = { checkedOn: '2026-02-16', temperature: '37.3', hasSymptoms: false };
    expect(workerHealthStatus({ ...sichuan, latestCheck: fever }, watch, '2026-02-16', '350000')).toBe(
      'abnormal',
    );
    const local = { ...sichuan, originProvince: '350000' };
    expect(
      workerHealthStatus(
        { ...local, latestCheck: { ...fever, temperature: '36.6', hasSymptoms: true } },
        watch,
        '2026-02-16',
        '350000',
      ),
    ).toBe('abnormal');
    expect(
      workerHealthStatus(
        { ...sichuan, latestCheck: { ...fever, temperature: '37.2' } },
        watch,
        '2026-02-16',
        '350000',
      ),
    ).toBe('cleared');
  });

  it('clears to work only 无需观察 and 已解除', () => {
    expect(
      ['pending', 'observing', 'cleared', 'abnormal', 'notRequired'].filter((s) =>
        isClearedToWork(s as never),
      ),
    ).toEqual(['cleared', 'notRequired']);
  });
});

describe('checkTemperature', () => {
  it.each([
    ['36.5', { ok: true, value: '36.5' }],
    ['37', { ok: true, value: '37.0' }],
    ['35.0', { ok: true, value: '35.0' }],
    ['42.0', { ok: true, value: '42.0' }],
    ['３６．５'.replace('．', '.'), { ok: true, value: '36.5' }],
    ['34.9', { ok: false, problem: 'range' }],
    ['42.1', { ok: false, problem: 'range' }],
    ['36.55', { ok: false, problem: 'format' }],
    ['abc', { ok: false, problem: 'format' }],
  ])('reads %j', (text, reading) => {
    expect(checkTemperature(text)).toEqual(reading);
  });
});

describe('retention and the rest of the roster rules', () => {
  it('purges the day after the retention period', () => {
    expect(healthRecordsPurgeOn({ toOn: '2026-03-31', retentionDays: 30 })).toBe('2026-05-01');
    expect(healthRecordsPurgeOn({ toOn: null, retentionDays: 30 })).toBeNull();
  });

  it('reads provinces by name, short name and code, and the own province of a region', () => {
    expect(provinceFromText('四川')).toBe('510000');
    expect(provinceFromText('广西')).toBe('450000');
    expect(provinceFromText('福建省')).toBe('350000');
    expect(provinceFromText('350000')).toBe('350000');
    expect(provinceFromText('火星')).toBeNull();
    expect(provinceOfRegionPath('350000.350900.350902')).toBe('350000');
  });

  it('counts on site from the arrival day until the departure day', () => {
    const w = { arrivedOn: '2026-02-01', departedOn: '2026-02-10' };
    expect([
      isOnSite(w, '2026-01-31'),
      isOnSite(w, '2026-02-01'),
      isOnSite(w, '2026-02-09'),
      isOnSite(w, '2026-02-10'),
    ]).toEqual([false, true, true, false]);
  });

  it('shows whole ID numbers to the owner unit of the project only', () => {
    const base = {
      userId: 'u',
      username: 'u',
      displayName: 'u',
      organisationId: 'org-1',
      organisationKind: 'owner' as const,
      regionCode: '350902',
      regionPath: '350000.350900.350902',
      sector: null,
    };
    expect(seesWorkerIdNumbers({ ...base, roles: ['owner'] }, { ownerOrganisationId: 'org-1' })).toBe(true);
    expect(seesWorkerIdNumbers({ ...base, roles: ['owner'] }, { ownerOrganisationId: 'org-2' })).toBe(false);
    for (const role of [
      'office_staff',
      'department_staff',
      'leader',
      'service_officer',
      'supervisor',
      'system_admin',
      'audit_admin',
    ] as const)
      expect(seesWorkerIdNumbers({ ...base, roles: [role] }, { ownerOrganisationId: 'org-1' })).toBe(false);
  });
});
