/**
 * 通报 (bulletins): the monthly bulletin (月度通报) an office issues from the month's figures, and the
 * weekly and daily variants (周通报, 一日一通报 during a campaign). Source: DOMAIN.md "Bulletins" and
 * Shandong's 五个一 (一月一通报). A template is the office's wording: the title, the 文号 prefix, the
 * issuing office, which sections in which order, each with a lead sentence that names figures by
 * placeholder ({完成投资}), and the closing. The figures themselves come from the data, never typed.
 */

export const bulletinKinds = ['monthly', 'weekly', 'daily'] as const;
export type BulletinKind = (typeof bulletinKinds)[number];

export const bulletinKindNames: Record<BulletinKind, string> = {
  monthly: '月度通报',
  weekly: '周通报',
  daily: '日通报',
};

/** The sections a bulletin can hold, each filled from one source (see the snapshot builder). */
export const bulletinSectionKeys = [
  'headline',
  'regions',
  'redBlack',
  'warnings',
  'snails',
  'overdueProblems',
  'overdueTasks',
  'overdueApprovals',
  'activity',
  'siteDay',
  'stoppedProjects',
] as const;
export type BulletinSectionKey = (typeof bulletinSectionKeys)[number];

/** The sections a bulletin may show on the public screen (晾晒): aggregates only, never a project list. */
export const publicBulletinSectionKeys = ['headline', 'regions', 'redBlack'] as const;
export type PublicBulletinSectionKey = (typeof publicBulletinSectionKeys)[number];
export const isPublicBulletinSection = (key: string): key is PublicBulletinSectionKey =>
  (publicBulletinSectionKeys as readonly string[]).includes(key);

export const bulletinSectionNames: Record<BulletinSectionKey, string> = {
  headline: '总体情况',
  regions: '各地进展及排名',
  redBlack: '红黑榜',
  warnings: '红黄灯项目',
  snails: '蜗牛榜',
  overdueProblems: '逾期未解决问题',
  overdueTasks: '逾期交办事项',
  overdueApprovals: '超期前期手续',
  activity: '本期动态',
  siteDay: '现场用工与督查',
  stoppedProjects: '停工项目',
};

export interface BulletinSection {
  key: BulletinSectionKey;
  title: string;
  enabled: boolean;
  /** The lead sentence, with placeholders such as {完成投资} filled from the snapshot. */
  lead: string;
}

export interface BulletinTemplate {
  kind: BulletinKind;
  /** 标题, e.g. {地区}重点项目建设{期间}通报. */
  title: string;
  /** 文号前缀: 宁重点办通报 → 宁重点办通报〔2026〕3号. */
  numberPrefix: string;
  /** 发文机关 (落款). */
  issuer: string;
  /** 主送: to whom it goes (各县（市、区）重点项目办，市直有关部门). */
  addressee: string;
  sections: BulletinSection[];
  /** 结尾: the closing paragraph (要求). */
  closing: string;
  /** The role that signs off (审核) before issue: the office itself, or a leader. */
  signoffRole: 'office' | 'leader';
}

/**
 * The placeholders a lead sentence may use, by name as the office writes them. Each names one
 * figure of the snapshot; the template editor refuses any other {…}.
 */
export const bulletinPlaceholders = [
  '地区',
  '期间',
  '项目个数',
  '年度计划',
  '完成投资',
  '完成率',
  '序时进度',
  '进度差',
  '快慢',
  '开工率',
  '入统率',
  '双过半',
  '同比',
  '红灯数',
  '黄灯数',
  '逾期问题数',
  '逾期事项数',
  '超期手续数',
  '新增问题数',
  '解决问题数',
  '办结事项数',
  '走访次数',
  '新开工数',
  '在岗人数',
  '到岗人数',
  '离岗人数',
  '观察人数',
  '异常人数',
  '督查次数',
  '督查项目数',
  '发现问题数',
  '整改销号数',
  '待整改数',
  '逾期整改数',
  '停工项目数',
] as const;
export type BulletinPlaceholder = (typeof bulletinPlaceholders)[number];

const placeholderPattern = /\{([^{}]*)\}/g;

/** The placeholders of a text that are not known (to refuse a template naming them). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(bulletinPlaceholders);
  return [...text.matchAll(placeholderPattern)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

/** Fills every {placeholder} from the values; a value missing from the snapshot reads "—". */
export function fillPlaceholders(text: string, values: Partial<Record<BulletinPlaceholder, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) =>
    (bulletinPlaceholders as readonly string[]).includes(name)
      ? (values[name as BulletinPlaceholder] ?? '—')
      : whole,
  );
}

/** 现场用工与督查: the roster's and the inspections' figures of the day (一日一通报) or the period's end. */
const siteDayLead = (when: string) =>
  `${when}在岗{在岗人数}人，到岗{到岗人数}人、离岗{离岗人数}人，健康观察{观察人数}人、异常{异常人数}人；` +
  '开展督查{督查次数}次、覆盖项目{督查项目数}个，发现问题{发现问题数}个、整改销号{整改销号数}个，' +
  '尚有{待整改数}个待整改（其中逾期{逾期整改数}个）。各地情况如下。';
const stoppedLead = '停工项目{停工项目数}个，名单如下，请属地和行业部门督促复工。';

const section = (key: BulletinSectionKey, lead: string, enabled = true): BulletinSection => ({
  key,
  title: bulletinSectionNames[key],
  enabled,
  lead,
});

const monthlySections: BulletinSection[] = [
  section(
    'headline',
    '{期间}，{地区}{项目个数}个重点项目完成投资{完成投资}万元，占年度计划{年度计划}万元的{完成率}，' +
      '{快慢}序时进度{进度差}个百分点；开工率{开工率}，入统率{入统率}；{同比}。',
  ),
  section('regions', '各县（市、区）完成情况及排名如下（按年度投资完成率排序）。'),
  section('redBlack', '根据最近一期考评结果，现将红黑榜通报如下。'),
  section('warnings', '截至本月，红灯项目{红灯数}个、黄灯项目{黄灯数}个，请各地对照整改。'),
  section('snails', '以下项目投资完成率低于序时进度较多，列入蜗牛榜。'),
  section('overdueProblems', '{逾期问题数}个问题超过办理时限仍未解决。'),
  section('overdueTasks', '调度会议交办事项中，{逾期事项数}项逾期未办结。'),
  section('overdueApprovals', '{超期手续数}项前期手续超过承诺时限仍未办结。'),
  section('activity', '本期新增问题{新增问题数}个、解决{解决问题数}个，办结交办事项{办结事项数}项。', false),
  section('siteDay', siteDayLead('期末'), false),
  section('stoppedProjects', stoppedLead, false),
];

const shortSections = (lead: string, siteFirst = false): BulletinSection[] => [
  ...(siteFirst ? [section('siteDay', siteDayLead('当日')), section('stoppedProjects', stoppedLead)] : []),
  section('activity', lead),
  section(
    'headline',
    '截至{期间}，{地区}重点项目完成投资{完成投资}万元，完成率{完成率}，{快慢}序时进度{进度差}个百分点。',
  ),
  section('warnings', '红灯项目{红灯数}个、黄灯项目{黄灯数}个。'),
  section('overdueProblems', '{逾期问题数}个问题逾期未解决。'),
  section('overdueTasks', '{逾期事项数}项交办事项逾期未办结。'),
  section('regions', '各县（市、区）完成情况如下。', false),
  section('redBlack', '红黑榜。', false),
  section('snails', '蜗牛榜。', false),
  section('overdueApprovals', '{超期手续数}项前期手续超期。', false),
  ...(siteFirst
    ? []
    : [section('siteDay', siteDayLead('期末'), false), section('stoppedProjects', stoppedLead, false)]),
];

/** The built-in template of a kind, for a jurisdiction that has not written its own. */
export function defaultBulletinTemplate(
  kind: BulletinKind,
  office: { issuer: string; prefix: string },
): BulletinTemplate {
  const common = {
    kind,
    numberPrefix: office.prefix,
    issuer: office.issuer,
    addressee: '各县（市、区）重点项目建设办公室，市直有关单位',
    signoffRole: 'office' as const,
  };
  if (kind === 'monthly')
    return {
      ...common,
      title: '关于{期间}全{地区}重点项目建设进展情况的通报',
      sections: monthlySections,
      closing: '请各地各部门对照通报，落实项目包挂责任，对红灯项目和逾期问题逐一销号，确保完成年度投资目标。',
    };
  if (kind === 'weekly')
    return {
      ...common,
      title: '{地区}重点项目建设周通报（{期间}）',
      sections: shortSections(
        '本周新增问题{新增问题数}个、解决{解决问题数}个，办结交办事项{办结事项数}项，一线走访{走访次数}次，新开工项目{新开工数}个。',
      ),
      closing: '请各地紧盯逾期问题和交办事项，下周例会逐项销号。',
    };
  return {
    ...common,
    title: '{地区}重点项目建设一日一通报（{期间}）',
    sections: shortSections(
      '当日新增问题{新增问题数}个、解决{解决问题数}个，办结交办事项{办结事项数}项，一线走访{走访次数}次，新开工项目{新开工数}个。',
      true,
    ),
    closing: '请各责任单位当日事当日毕。',
  };
}

/**
 * A template's problems, in the order the form shows them: an empty title, prefix or issuer; a
 * section missing, repeated or unknown; a placeholder no figure answers. Empty = valid.
 */
export function bulletinTemplateProblems(template: BulletinTemplate): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const required: [keyof BulletinTemplate, string][] = [
    ['title', '标题'],
    ['numberPrefix', '文号前缀'],
    ['issuer', '发文机关'],
  ];
  for (const [field, name] of required)
    if (!String(template[field]).trim()) problems.push({ field, message: `请填写${name}` });
  const texts: [string, string][] = [
    ['title', template.title],
    ['closing', template.closing],
    ...template.sections.map((s, i): [string, string] => [`sections.${i}.lead`, s.lead]),
  ];
  for (const [field, text] of texts) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0)
      problems.push({ field, message: `不认识的占位符：${unknown.map((n) => `{${n}}`).join('、')}` });
  }
  const seen = new Set<string>();
  template.sections.forEach((s, i) => {
    if (!(bulletinSectionKeys as readonly string[]).includes(s.key))
      problems.push({ field: `sections.${i}.key`, message: `没有这一节：${s.key}` });
    else if (seen.has(s.key))
      problems.push({ field: `sections.${i}.key`, message: `重复的一节：${bulletinSectionNames[s.key]}` });
    seen.add(s.key);
    if (!s.title.trim()) problems.push({ field: `sections.${i}.title`, message: '请填写本节标题' });
  });
  if (!template.sections.some((s) => s.enabled))
    problems.push({ field: 'sections', message: '至少启用一节' });
  return problems;
}

/** 文号: 宁重点办通报〔2026〕3号. */
export const bulletinSerial = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕${n}号`;

/** Numbers of the sections in Chinese (一、二、…) as official documents head them. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${digits[n % 10]}`;
}
