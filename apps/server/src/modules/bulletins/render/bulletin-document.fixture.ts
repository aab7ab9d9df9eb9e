import type { BulletinOverdueLine, BulletinProjectLine, BulletinSnapshot } from '@tuijin/contracts';
import type { BulletinDocument } from './bulletin-document';

/**
 * A realistic monthly bulletin of 宁德市 for 2026-10 (nine counties, red and yellow projects, a snail,
 * overdue problems, tasks and approvals): what the renderers' test draws and a reader can look at.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const counties: [
  code: string,
  name: string,
  count: number,
  plan: string,
  done: string,
  rate: string,
  gap: string,
  start: string,
][] = [
  ['350981', '福安市', 62, '1285000.00', '1166950.00', '90.8', '7.5', '96.8'],
  ['350902', '蕉城区', 78, '1563000.00', '1380110.00', '88.3', '5.0', '94.9'],
  ['350982', '福鼎市', 55, '986000.00', '846930.00', '85.9', '2.6', '92.7'],
  ['350921', '霞浦县', 41, '642000.00', '528360.00', '82.3', '-1.0', '90.2'],
  ['350922', '古田县', 36, '518000.00', '415440.00', '80.2', '-3.1', '88.9'],
  ['350923', '屏南县', 24, '312000.00', '243050.00', '77.9', '-5.4', '87.5'],
  ['350926', '柘荣县', 19, '226000.00', '170180.00', '75.3', '-8.0', '84.2'],
  ['350924', '寿宁县', 22, '268000.00', '193230.00', '72.1', '-11.2', '81.8'],
  ['350925', '周宁县', 18, '204000.00', '138310.00', '67.8', '-15.5', '77.8'],
];

const project = (
  n: number,
  name: string,
  regionName: string,
  ownerName: string,
  detail: string,
): BulletinProjectLine => ({
  id: id(n),
  name,
  regionName,
  ownerName,
  detail,
  href: `/projects/${id(n)}`,
});

const overdue = (
  n: number,
  reference: string,
  title: string,
  projectName: string | null,
  responsible: string,
  dueOn: string | null,
  daysOverdue: number,
  path: string,
): BulletinOverdueLine => ({
  id: id(n),
  reference,
  title,
  projectName,
  responsible,
  dueOn,
  daysOverdue,
  href: `/${path}/${id(n)}`,
});

const figure = (
  key: string,
  label: string,
  value: string,
  unit: BulletinSnapshot['headline'][number]['unit'],
  lastYear: string | null,
  yearOnYear: string | null,
) => ({
  key,
  label,
  value,
  unit,
  lastYear,
  yearOnYear,
  provenance: { formula: key, href: `/cockpit?formula=${key}` },
});

export const bulletinSnapshotFixture: BulletinSnapshot = {
  regionCode: '350900',
  regionName: '宁德市',
  kind: 'monthly',
  period: '2026-10',
  periodLabel: '1—10月',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  figureMonth: '2026-10',
  figureMonthLabel: '1—10月',
  takenAt: '2026-11-08T02:00:00.000Z',
  headline: [
    figure('projectCount', '重点项目', '355', '个', '338', '+17'),
    figure('plannedInvestment', '年度计划投资', '6004000.00', '万元', '5620000.00', '+6.8%'),
    figure('completedYtd', '完成投资', '5082550.00', '万元', '4571300.00', '+11.2%'),
    figure('completionRate', '年度投资完成率', '84.7', '%', '81.3', '+3.4 个百分点'),
    figure('progressGap', '较序时进度', '1.4', '百分点', '-2.0', null),
    figure('startRate', '开工率', '91.5', '%', null, null),
  ],
  regions: counties.map(
    (
      [code, name, projectCount, plannedInvestment, completedYtd, completionRate, progressGap, startRate],
      i,
    ) => ({
      code,
      name,
      projectCount,
      plannedInvestment,
      completedYtd,
      completionRate,
      progressGap,
      startRate,
      rank: i + 1,
      provenance: { formula: 'completionRate', href: `/cockpit?region=${code}` },
    }),
  ),
  redBlack: {
    quarter: '2026-Q3',
    red: [
      { rank: 1, name: '福安市', score: '96.5' },
      { rank: 2, name: '蕉城区', score: '94.0' },
    ],
    black: [{ rank: 1, name: '周宁县', score: '61.5' }],
    href: '/assessments/2026-Q3',
  },
  warnings: {
    red: [
      project(
        101,
        '周宁县城区污水处理厂提标改造工程',
        '周宁县',
        '周宁县水务投资有限公司',
        '完成率 32.0%，低于序时进度 51.3 个百分点',
      ),
      project(102, '寿宁县下党乡旅游公路', '寿宁县', '寿宁县交通运输局', '连续三个月未报月报'),
    ],
    yellow: [
      project(
        103,
        '宁德锂电新能源产业园配套道路',
        '蕉城区',
        '宁德市城建集团',
        '完成率 61.2%，低于序时进度 22.1 个百分点',
      ),
      project(104, '屏南县古厝保护利用一期', '屏南县', '屏南县文旅集团', '用地报批逾期 18 天'),
      project(
        105,
        '柘荣县太子参产业园标准厂房',
        '柘荣县',
        '柘荣县国有资产投资有限公司',
        '完成率 58.0%，低于序时进度 25.3 个百分点',
      ),
    ],
  },
  snails: [
    project(
      101,
      '周宁县城区污水处理厂提标改造工程',
      '周宁县',
      '周宁县水务投资有限公司',
      '完成率 32.0%，低于序时进度 51.3 个百分点',
    ),
  ],
  overdueProblems: [
    overdue(
      201,
      'WT-2026-0412',
      '施工许可证办理受阻，消防设计审查意见迟迟未出',
      '宁德锂电新能源产业园配套道路',
      '宁德市住房和城乡建设局',
      '2026-10-12',
      27,
      'problems',
    ),
    overdue(
      202,
      'WT-2026-0398',
      '=林地占用指标不足',
      '屏南县古厝保护利用一期',
      '屏南县林业局',
      '2026-10-20',
      19,
      'problems',
    ),
  ],
  overdueTasks: [
    overdue(
      301,
      'JB-2026-0077',
      '协调解决污水管网穿越省道施工许可',
      '周宁县城区污水处理厂提标改造工程',
      '周宁县交通运输局',
      '2026-10-25',
      14,
      'dispatch/tasks',
    ),
  ],
  overdueApprovals: [
    overdue(
      401,
      '建设用地规划许可',
      '建设用地规划许可证核发',
      '柘荣县太子参产业园标准厂房',
      '柘荣县自然资源局',
      '2026-10-15',
      24,
      'approvals',
    ),
  ],
  activity: { problemsRaised: 46, problemsSolved: 39, tasksDone: 27, visits: 112, projectsStarted: 9 },
  values: { 地区: '宁德市', 期间: '1—10月', 完成投资: '5082550.00' },
};

export const bulletinDocumentFixture: BulletinDocument = {
  title: '关于1—10月全宁德市重点项目建设进展情况的通报',
  serial: '宁重点办通报〔2026〕10号',
  issuer: '宁德市重点项目建设领导小组办公室',
  addressee: '各县（市、区）重点项目建设办公室，市直有关单位',
  dated: '2026-11-09',
  sections: [
    {
      key: 'headline',
      heading: '一、总体情况',
      lead:
        '1—10月，宁德市355个重点项目完成投资5082550.00万元，占年度计划6004000.00万元的84.7%，' +
        '快于序时进度1.4个百分点；开工率91.5%，入统率88.2%；同比增长11.2%。',
    },
    {
      key: 'regions',
      heading: '二、各地进展及排名',
      lead: '各县（市、区）完成情况及排名如下（按年度投资完成率排序）。',
    },
    { key: 'redBlack', heading: '三、红黑榜', lead: '根据最近一期考评结果，现将红黑榜通报如下。' },
    {
      key: 'warnings',
      heading: '四、红黄灯项目',
      lead: '截至本月，红灯项目2个、黄灯项目3个，请各地对照整改。',
    },
    { key: 'snails', heading: '五、蜗牛榜', lead: '以下项目投资完成率低于序时进度较多，列入蜗牛榜。' },
    { key: 'overdueProblems', heading: '六、逾期未解决问题', lead: '2个问题超过办理时限仍未解决。' },
    { key: 'overdueTasks', heading: '七、逾期交办事项', lead: '调度会议交办事项中，1项逾期未办结。' },
    { key: 'overdueApprovals', heading: '八、超期前期手续', lead: '1项前期手续超过承诺时限仍未办结。' },
    { key: 'activity', heading: '九、本期动态', lead: '本期新增问题46个、解决39个，办结交办事项27项。' },
  ],
  closing: '请各地各部门对照通报，落实项目包挂责任，对红灯项目和逾期问题逐一销号，确保完成年度投资目标。',
  snapshot: bulletinSnapshotFixture,
};
