import { describe, expect, it } from 'vitest';
import { checkPromotionStages, moveLeadStage, promotionStagePresets, type StageEntry } from './promotion';
import {
  effectiveLead,
  medianDays,
  overduePromises,
  promotionFunnel,
  promotionPeriod,
  signedToStartedRate,
  stageDwellTimes,
  stageStays,
} from './promotion-figures';

const stages = promotionStagePresets.standard;
const today = '2026-06-30';
const history: StageEntry[] = [
  { key: 'negotiating', enteredOn: '2026-01-10' },
  { key: 'signed', enteredOn: '2026-02-09' },
];

describe('stage lists', () => {
  it('accepts both presets', () => {
    expect(
      checkPromotionStages(promotionStagePresets.standard)
        .map((s) => s.name)
        .join('→'),
    ).toBe('洽谈→签约→注册→开工→投产→达产');
    expect(checkPromotionStages(promotionStagePresets.sevenBatches)).toHaveLength(7);
  });
  it.each([
    [[{ key: 'signed', name: '签约' }], 'stages'],
    [
      [
        { key: 'signed', name: '签约' },
        { key: 'signed', name: '开工' },
      ],
      'stages.1.key',
    ],
    [
      [
        { key: 'started', name: '开工' },
        { key: 'signed', name: '签约' },
      ],
      'stages',
    ],
    [
      [
        { key: 'signed', name: '签约' },
        { key: '1x', name: '开工' },
      ],
      'stages.1.key',
    ],
    [
      [
        { key: 'signed', name: '签约' },
        { key: 'started', name: '签约' },
      ],
      'stages.1.name',
    ],
  ])('refuses a bad list %#, naming %s', (list, path) => {
    expect(() => checkPromotionStages(list)).toThrow(
      expect.objectContaining({ details: expect.arrayContaining([expect.objectContaining({ path })]) }),
    );
  });
});

describe('moveLeadStage', () => {
  const base = { stages, history, current: 'signed', today, isDropped: false };
  it('advances, skipping a stage, dated on the day given', () => {
    expect(moveLeadStage({ ...base, to: 'started', on: '2026-04-01' })).toEqual([
      ...history,
      { key: 'started', enteredOn: '2026-04-01' },
    ]);
  });
  it('refuses a date in the future or before the current stage was entered', () => {
    expect(() => moveLeadStage({ ...base, to: 'registered', on: '2026-07-01' })).toThrow('日期不能晚于今天');
    expect(() => moveLeadStage({ ...base, to: 'registered', on: '2026-02-01' })).toThrow('2026-02-09');
  });
  it('moves back by dropping the later entries and keeping the target date', () => {
    const later = [...history, { key: 'registered', enteredOn: '2026-03-01' }];
    expect(
      moveLeadStage({ ...base, history: later, current: 'registered', to: 'negotiating', on: today }),
    ).toEqual([{ key: 'negotiating', enteredOn: '2026-01-10' }]);
  });
  it('refuses the same stage, an unknown stage and a dropped lead', () => {
    expect(() => moveLeadStage({ ...base, to: 'signed', on: today })).toThrow('已处于「签约」');
    expect(() => moveLeadStage({ ...base, to: 'landed', on: today })).toThrow('landed');
    expect(() => moveLeadStage({ ...base, isDropped: true, to: 'started', on: today })).toThrow('已放弃');
  });
});

describe('dwell time', () => {
  it('counts the days from entering a stage to entering the next one reached', () => {
    const h = [...history, { key: 'started', enteredOn: '2026-04-01' }];
    expect(stageStays(h, stages)).toEqual([
      { key: 'negotiating', days: 30, leftOn: '2026-02-09' },
      { key: 'signed', days: 51, leftOn: '2026-04-01' },
    ]);
  });
  it('gives average and median per stage over stays ended in the period', () => {
    const leads = [
      {
        history: [
          { key: 'negotiating', enteredOn: '2026-01-01' },
          { key: 'signed', enteredOn: '2026-01-11' },
        ],
      },
      {
        history: [
          { key: 'negotiating', enteredOn: '2026-01-01' },
          { key: 'signed', enteredOn: '2026-01-21' },
        ],
      },
      {
        history: [
          { key: 'negotiating', enteredOn: '2026-01-01' },
          { key: 'signed', enteredOn: '2026-03-02' },
        ],
      },
      // Left 洽谈 in Q2: outside a Q1 period.
      {
        history: [
          { key: 'negotiating', enteredOn: '2026-01-01' },
          { key: 'signed', enteredOn: '2026-04-10' },
        ],
      },
    ];
    const [negotiating, signed] = stageDwellTimes(leads, stages, promotionPeriod(2026, 1));
    // 10, 20 and 60 days: average 30.0, median 20.0.
    expect(negotiating).toEqual({ key: 'negotiating', count: 3, averageDays: '30.0', medianDays: '20.0' });
    expect(signed).toEqual({ key: 'signed', count: 0, averageDays: null, medianDays: null });
    expect(medianDays([3, 8, 1, 10])).toBe('5.5');
  });
});

describe('签约转开工', () => {
  const lead = (signedOn: string | null, startedOn: string | null) => ({
    history: [
      ...(signedOn ? [{ key: 'signed', enteredOn: signedOn }] : []),
      ...(startedOn ? [{ key: 'started', enteredOn: startedOn }] : []),
    ],
  });
  it('divides the leads signed in the period that started by the day by those signed', () => {
    const leads = [
      lead('2026-01-05', '2026-03-01'),
      lead('2026-02-05', '2026-07-01'), // started after the as-of day
      lead('2026-03-05', null),
      lead('2026-03-31', '2026-04-02'),
      lead('2025-12-20', '2026-01-20'), // signed last year
      lead(null, null),
    ];
    const rate = signedToStartedRate(leads, promotionPeriod(2026, 1), '2026-06-30');
    expect(rate).toMatchObject({ signed: 4, started: 2, percent: '50.0' });
    expect(signedToStartedRate([], promotionPeriod(2026), '2026-06-30').percent).toBeNull();
  });
  it("counts a converted lead as started from its project's actual start", () => {
    const facts = { stage: 'signed', history, contractWanYuan: '1000', isDropped: false };
    const started = effectiveLead({ ...facts, projectStartOn: '2026-05-20' }, stages, today);
    expect(started.stage).toBe('started');
    expect(started.history.at(-1)).toEqual({ key: 'started', enteredOn: '2026-05-20' });
    expect(effectiveLead({ ...facts, projectStartOn: '2026-07-20' }, stages, today).stage).toBe('signed');
    expect(effectiveLead({ ...facts, projectStartOn: null }, stages, today).stage).toBe('signed');
  });
});

describe('funnel and promises', () => {
  it('counts leads now in and having reached each stage, with their amounts', () => {
    const leads = [
      { stage: 'negotiating', contractWanYuan: null, isDropped: false },
      { stage: 'signed', contractWanYuan: '12000.5', isDropped: false },
      { stage: 'started', contractWanYuan: '30000', isDropped: false },
      { stage: 'started', contractWanYuan: '500', isDropped: true },
    ];
    const funnel = promotionFunnel(leads, stages);
    expect(funnel[0]).toMatchObject({ currentCount: 1, reachedCount: 3, reachedWanYuan: '42000.5' });
    expect(funnel[1]).toMatchObject({ currentCount: 1, currentWanYuan: '12000.5', reachedCount: 2 });
    expect(funnel[3]).toMatchObject({ currentCount: 1, reachedCount: 1, reachedWanYuan: '30000' });
    expect(funnel[5]).toMatchObject({ reachedCount: 0, reachedWanYuan: '0' });
  });
  it('lists the promises whose date passed before the stage was reached', () => {
    const promised = {
      promisedRegistrationOn: '2026-03-01',
      promisedStartOn: '2026-06-01',
      promisedProductionOn: '2026-12-01',
      isDropped: false,
    };
    expect(overduePromises({ ...promised, stage: 'signed' }, stages, today)).toEqual([
      'registration',
      'start',
    ]);
    expect(overduePromises({ ...promised, stage: 'registered' }, stages, today)).toEqual(['start']);
    expect(overduePromises({ ...promised, stage: 'started' }, stages, today)).toEqual([]);
    expect(overduePromises({ ...promised, stage: 'signed', isDropped: true }, stages, today)).toEqual([]);
  });
  it('resolves a quarter to its days', () => {
    expect(promotionPeriod(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(promotionPeriod(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });
});
