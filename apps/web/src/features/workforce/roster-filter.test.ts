import type { Worker } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { filterRoster, needsCheckToday, rosterTeams } from './roster-filter';

const worker = (over: Partial<Worker>): Worker => ({
  id: '00000000-0000-4000-8000-000000000001',
  projectId: '00000000-0000-4000-8000-000000000002',
  projectName: '项目',
  contractorId: 'c1',
  contractorName: '总包',
  name: '陈建国',
  idNumber: '511***********1234',
  idNumberIsMasked: true,
  phone: null,
  trade: '钢筋工',
  team: '钢筋班',
  originProvince: '510000',
  originCity: null,
  originCounty: null,
  arrivedOn: '2026-02-01',
  departedOn: null,
  isOnSite: true,
  accommodation: null,
  passNumber: 'TX-1',
  health: null,
  canEdit: true,
  version: 0,
  ...over,
});

const roster = [
  worker({ name: '陈建国' }),
  worker({ name: '林志强', contractorId: 'c2', team: '木工班', isOnSite: false, departedOn: '2026-02-10' }),
  worker({
    name: '黄伟',
    health: {
      status: 'abnormal',
      isClearedToWork: false,
      observationEndOn: null,
      latestCheck: null,
      checkedToday: true,
    },
  }),
];

describe('filterRoster', () => {
  it('keeps by contractor, team, presence, health status and text', () => {
    expect(filterRoster(roster, { presence: 'all' })).toHaveLength(3);
    expect(filterRoster(roster, { presence: 'onSite' }).map((w) => w.name)).toEqual(['陈建国', '黄伟']);
    expect(filterRoster(roster, { presence: 'departed' }).map((w) => w.name)).toEqual(['林志强']);
    expect(filterRoster(roster, { presence: 'all', contractorId: 'c2' }).map((w) => w.name)).toEqual([
      '林志强',
    ]);
    expect(filterRoster(roster, { presence: 'all', team: '钢筋班' })).toHaveLength(2);
    expect(filterRoster(roster, { presence: 'all', health: 'abnormal' }).map((w) => w.name)).toEqual([
      '黄伟',
    ]);
    expect(filterRoster(roster, { presence: 'all', text: '志强' }).map((w) => w.name)).toEqual(['林志强']);
    expect(filterRoster(roster, { presence: 'all', text: 'tx-1' })).toHaveLength(3);
  });

  it('lists the teams once each and asks for a check only of on-site workers under a watch not checked today', () => {
    expect(rosterTeams(roster)).toEqual(['钢筋班', '木工班']);
    expect(roster.map(needsCheckToday)).toEqual([false, false, false]);
    const observed = worker({
      health: {
        status: 'observing',
        isClearedToWork: false,
        observationEndOn: '2026-02-14',
        latestCheck: null,
        checkedToday: false,
      },
    });
    expect(needsCheckToday(observed)).toBe(true);
    expect(needsCheckToday({ ...observed, isOnSite: false })).toBe(false);
  });
});
