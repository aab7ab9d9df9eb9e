import { describe, expect, it } from 'vitest';
import { type ReportCheckInput, runReportChecks } from './checks';

const base: ReportCheckInput = {
  month: 5,
  completedWanYuan: '800',
  statisticsWanYuan: null,
  progress: '主体结构施工至第 5 层',
  actualStartOn: null,
  totalInvestmentWanYuan: '50000',
  priorCompletedWanYuan: '20000',
  approvedMonths: [
    { month: 1, completedWanYuan: '600' },
    { month: 2, completedWanYuan: '500' },
    { month: 3, completedWanYuan: '700' },
    { month: 4, completedWanYuan: '900' },
  ],
  history: ['600', '500', '700', '900'],
  lastMonthProgress: '主体结构施工至第 3 层',
  correctedFromWanYuan: null,
  projectStage: 'underway',
  plannedToStartThisMonth: false,
  earlierActualStartOn: '2025-03-01',
};

const ids = (input: Partial<ReportCheckInput>, blocking?: Parameters<typeof runReportChecks>[1]) =>
  runReportChecks({ ...base, ...input }, blocking).map((f) => `${f.check}:${f.severity}`);

describe('runReportChecks', () => {
  it('finds nothing in an ordinary month', () => {
    expect(ids({})).toEqual([]);
  });

  it.each<[string, Partial<ReportCheckInput>, string[]]>([
    [
      'a negative month blocks and lowers the YTD',
      { completedWanYuan: '-10' },
      ['negativeAmount:block', 'ytdDecrease:warn'],
    ],
    ['a negative statistics amount blocks', { statisticsWanYuan: '-1' }, ['negativeAmount:block']],
    [
      'since-start above total investment blocks',
      { completedWanYuan: '27300.0001' },
      ['sinceStartAboveTotal:block', 'outOfLine:warn'],
    ],
    ['since-start exactly the total passes', { completedWanYuan: '27300', history: [] }, []],
    [
      'no total investment skips that check',
      { completedWanYuan: '99999', totalInvestmentWanYuan: null, history: [] },
      [],
    ],
    [
      'a correction lowering an approved month warns',
      { completedWanYuan: '100', correctedFromWanYuan: '800' },
      ['ytdDecrease:warn'],
    ],
    ['a correction raising it passes', { completedWanYuan: '900', correctedFromWanYuan: '800' }, []],
    [
      'more than 3× the median and above the floor warns',
      { completedWanYuan: '2000.0001' },
      ['outOfLine:warn'],
    ],
    ['exactly 3× the median passes', { completedWanYuan: '1950' }, []],
    [
      'below the floor passes however large the ratio',
      { completedWanYuan: '450', history: ['1', '2', '3'] },
      [],
    ],
    ['too little history passes', { completedWanYuan: '9000', history: ['600', '500'] }, []],
    [
      'progress copied from last month warns',
      { progress: '主体结构施工至第 3 层。' },
      ['progressUnchanged:warn'],
    ],
    ['empty progress is not "copied"', { progress: '', lastMonthProgress: '' }, []],
    ['no last month, no comparison', { lastMonthProgress: null, progress: '主体结构施工至第 3 层' }, []],
    [
      'stage started without any start date warns',
      { earlierActualStartOn: null },
      ['startedWithoutDate:warn'],
    ],
    [
      'a start date in this report satisfies it',
      { earlierActualStartOn: null, actualStartOn: '2026-05-06' },
      [],
    ],
    [
      'planned this month and progress says started warns',
      {
        earlierActualStartOn: null,
        projectStage: 'preparing',
        plannedToStartThisMonth: true,
        progress: '5 月 8 日正式开工',
      },
      ['startedWithoutDate:warn'],
    ],
    [
      'planned this month but progress says not yet passes',
      {
        earlierActualStartOn: null,
        projectStage: 'preparing',
        plannedToStartThisMonth: true,
        progress: '尚未开工，正在办理施工许可',
      },
      [],
    ],
    [
      'not planned this month and not marked started passes',
      { earlierActualStartOn: null, projectStage: 'preparing', progress: '已开工' },
      [],
    ],
  ])('%s', (_, input, expected) => {
    expect(ids(input)).toEqual(expected);
  });

  it('lets the calendar decide what blocks', () => {
    expect(ids({ completedWanYuan: '-10' }, ['ytdDecrease'])).toEqual([
      'negativeAmount:warn',
      'ytdDecrease:block',
    ]);
    expect(ids({ progress: '主体结构施工至第 3 层' }, ['progressUnchanged'])).toEqual([
      'progressUnchanged:block',
    ]);
  });

  it('says what is wrong in both languages with the figures', () => {
    const [finding] = runReportChecks({ ...base, completedWanYuan: '27300.5', history: [] });
    expect(finding).toMatchObject({
      check: 'sinceStartAboveTotal',
      params: { sinceStart: '50000.5', total: '50000' },
      message: '开工以来累计完成 50000.5 万元，超过项目总投资 50000 万元',
    });
    expect(finding?.messageEn).toContain('50000.5');
  });
});
