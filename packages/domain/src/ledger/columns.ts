import { cleanText, type LedgerCell, toHalfWidth } from './text';

/** The ledger columns the importer understands, in the order a tie between them is settled. */
export const columnKeys = [
  'seq',
  'name',
  'owner',
  'location',
  'scale',
  'period',
  'totalInvestment',
  'annualPlan',
  'completedToDate',
  'monthCompleted',
  'annualTarget',
  'progress',
  'responsibleUnit',
  'leader',
  'remark',
  'code',
  'category',
  'planShare',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

/** How offices title a column: `synonyms` match the whole header, `fragments` a part of it. */
export interface ColumnVocabulary {
  label: string;
  synonyms: readonly string[];
  fragments: readonly string[];
}

/**
 * The column vocabulary, as data. Headers are compared after `normaliseHeader`, so the words here
 * carry no blanks, brackets or units. A header equal to a synonym is that column; otherwise the
 * longest fragment found inside the header decides (`项目总投资` → totalInvestment).
 */
export const ledgerColumns: Record<ColumnKey, ColumnVocabulary> = {
  seq: { label: '序号', synonyms: ['序号', '序'], fragments: [] },
  name: { label: '项目名称', synonyms: ['项目名称', '名称', '项目'], fragments: ['项目名称', '名称'] },
  owner: {
    label: '建设单位',
    synonyms: ['建设单位', '项目业主', '责任主体', '业主单位', '项目单位', '实施单位', '建设主体'],
    fragments: ['建设单位', '业主', '责任主体', '实施单位', '项目单位'],
  },
  location: {
    label: '建设地点',
    synonyms: ['建设地点', '项目地点', '地点', '建设地址', '项目地址', '项目所在地', '所在地'],
    fragments: ['地点', '地址', '所在地'],
  },
  scale: {
    label: '建设规模及主要建设内容',
    synonyms: ['建设规模及主要建设内容', '建设内容', '建设规模', '主要建设内容', '建设规模及内容'],
    fragments: ['建设内容', '建设规模'],
  },
  period: {
    label: '建设起止年限',
    synonyms: ['建设起止年限', '建设年限', '起止年限', '建设期限', '建设周期', '起止年份', '开竣工时间'],
    fragments: ['年限', '起止', '开竣工'],
  },
  totalInvestment: {
    label: '总投资',
    synonyms: ['总投资', '计划总投资', '项目总投资', '总投资额'],
    fragments: ['总投资'],
  },
  annualPlan: {
    label: '年度计划投资',
    synonyms: [
      '年度计划投资',
      '计划投资',
      '年度投资计划',
      '本年计划投资',
      '年度计划',
      '投资计划',
      '全年计划投资',
    ],
    fragments: ['计划投资', '投资计划', '年度投资'],
  },
  completedToDate: {
    label: '累计完成投资',
    synonyms: ['累计完成投资', '本年完成投资', '完成投资', '本年累计完成投资', '年度完成投资', '已完成投资'],
    fragments: ['累计完成', '完成投资'],
  },
  monthCompleted: {
    label: '本月完成投资',
    synonyms: ['本月完成', '本月完成投资', '当月完成', '当月完成投资', '本月完成额'],
    fragments: ['本月完成', '当月完成'],
  },
  annualTarget: {
    label: '形象进度目标',
    synonyms: [
      '形象进度目标',
      '年度建设目标',
      '年度目标',
      '年度形象进度目标',
      '年度形象进度',
      '计划形象进度',
    ],
    fragments: ['形象进度目标', '目标'],
  },
  progress: {
    label: '形象进度',
    synonyms: ['形象进度', '目前进展', '工程进展', '项目进展', '进展情况', '建设进展', '目前形象进度'],
    fragments: ['形象进度', '进展', '进度'],
  },
  responsibleUnit: {
    label: '责任单位',
    synonyms: ['责任单位', '牵头单位', '责任部门', '牵头责任单位', '主管部门'],
    fragments: ['责任单位', '责任部门', '牵头单位', '牵头部门', '主管部门'],
  },
  leader: {
    label: '挂钩领导',
    synonyms: ['挂钩领导', '包保领导', '挂钩市领导', '挂钩县领导', '责任领导', '分管领导'],
    fragments: ['领导'],
  },
  remark: { label: '备注', synonyms: ['备注'], fragments: ['备注'] },
  code: {
    label: '项目代码',
    synonyms: ['项目代码', '统一代码', '投资项目统一代码', '项目统一代码', '项目编码'],
    fragments: ['代码'],
  },
  category: {
    label: '项目类别',
    synonyms: ['项目类别', '类别', '项目类型', '项目分类'],
    fragments: ['类别'],
  },
  /** A progress sheet's share of the annual plan: read only to check it (see `checkPlanShare`). */
  planShare: {
    label: '占年度计划%',
    synonyms: ['占年度计划%', '占年度计划', '占年度计划比例', '占年度计划比重', '占全年计划%', '占年计划%'],
    fragments: [],
  },
};

const bySynonym = new Map<string, ColumnKey>(
  columnKeys.flatMap((key) => ledgerColumns[key].synonyms.map((word) => [word, key] as const)),
);

/**
 * A header cell reduced to its words: blanks and line breaks gone, full-width forms half-width,
 * brackets and what they hold gone (`（万元）`, `（年.月）`; kept only if nothing else is left), a
 * `/万元` suffix, a leading year (`2025年度`), marks (`*`, `★`) and a trailing colon gone, and every
 * dash or `至` between month numbers written `-` (`1～5月` → `1-5月`).
 */
export function normaliseHeader(text: LedgerCell | undefined): string {
  const compact = toHalfWidth(cleanText(text) ?? '')
    .replace(/\s+/g, '')
    .replace(/[–—―〜~]/g, '-')
    .replace(/(\d)[至到](\d)/g, '$1-$2')
    .replace(/[*★☆]/g, '')
    .replace(/[:]$/, '');
  const unbracketed = compact
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, '')
    .replace(/\/(亿元|万元|元)$/, '');
  const words = unbracketed === '' ? compact.replace(/[()[\]【】]/g, '') : unbracketed;
  return words.replace(/^\d{4}年度?/, '');
}

/** Rates and shares (`完成率`, `占年度计划%`) are never the amount columns their words contain. */
const ratio = /率|比例|比重|%|占/;
const monthsToDate = /^1-\d{1,2}月份?/;
const monthsOnly = /^1-\d{1,2}月份?$/;
/** `11月完成`, `10月份完成投资`: the month's own completed investment (a progress sheet). */
const oneMonth = /^\d{1,2}月份?(?:完成|完成投资|完成额|投资完成)$/;
const completedWords = /^(累计|实际|已)?完成(投资额?|额|情况)?$|^投资完成(额|情况)?$/;
const totalWords = new Set(['合计', '小计', '总计', '金额', '投资', '投资额', '合计数']);
const targetWords = /形象进度|进度|进展|目标|任务/;
const planGroup = /计划|目标|任务/;
const doneGroup = /完成|进展|累计|截至|截止/;

function matchWords(words: string): ColumnKey | null {
  if (words === '') return null;
  const exact = bySynonym.get(words);
  if (exact) return exact;
  const toDate = monthsToDate.exec(words);
  if (toDate) {
    const rest = words.slice(toDate[0].length);
    if (rest === '' || completedWords.test(rest)) return 'completedToDate';
    const named = bySynonym.get(rest);
    return named === 'progress' || named === 'planShare' ? named : null;
  }
  if (ratio.test(words)) return null;
  if (oneMonth.test(words)) return 'monthCompleted';
  let best: { key: ColumnKey; length: number } | null = null;
  for (const key of columnKeys)
    for (const fragment of ledgerColumns[key].fragments)
      if (words.includes(fragment) && (!best || fragment.length > best.length))
        best = { key, length: fragment.length };
  return best?.key ?? null;
}

/**
 * Which column a header cell names, or null. Exact synonyms beat fragments, and the longest
 * fragment wins (`总投资` never matches `年度计划投资`; `年度形象进度目标` is a target, not progress).
 * `1-N月…` headers are only ever completedToDate (`1-5月完成投资`, `1～5月`), progress
 * (`1-5月形象进度`) or planShare (`1-5月占年度计划%`); other rates (`完成率`) match nothing.
 *
 * With a two-row header, `groupText` is the merged cell above. Under a bare `1-N月` group the two
 * are read as one header (`1-5月` over `完成投资`). Under a plan group (`年度计划`, `2025年计划`) an
 * amount word (`计划投资`, `投资`, `合计`) is annualPlan and a progress word (`形象进度`,
 * `形象进度目标`) is annualTarget; under a done group (`1-5月完成情况`, `累计完成`) they are
 * completedToDate and progress. Under any other group that names a column, a bare `合计`/`金额`
 * takes the group's column (`总投资` over `合计`). An empty header under a group is the group.
 */
export function matchColumn(headerText: LedgerCell | undefined, groupText?: LedgerCell): ColumnKey | null {
  const header = normaliseHeader(headerText);
  const group = normaliseHeader(groupText);
  if (group === '' || group === header) return matchWords(header);
  if (header === '') return matchWords(group);
  if (monthsOnly.test(group)) return matchWords(`${group}${header}`);

  const own = matchWords(header);
  const isAmount = totalWords.has(header);
  const isProgress = targetWords.test(header) && !ratio.test(header);
  if (doneGroup.test(group)) {
    if (isAmount || own === 'completedToDate' || completedWords.test(header)) return 'completedToDate';
    if (isProgress && own !== 'annualTarget') return 'progress';
  } else if (planGroup.test(group)) {
    if (isAmount || own === 'annualPlan' || header === '计划') return 'annualPlan';
    if (isProgress) return 'annualTarget';
  }
  if (totalWords.has(header)) return matchWords(group);
  return own;
}

/**
 * Column positions from a header row (and, for a two-row header, the group row above it), by
 * `matchColumn` cell by cell. When two cells name the same column the leftmost is kept.
 */
export function mapColumns(
  headerCells: readonly (LedgerCell | undefined)[],
  groupCells?: readonly (LedgerCell | undefined)[],
): Partial<Record<ColumnKey, number>> {
  const columns: Partial<Record<ColumnKey, number>> = {};
  headerCells.forEach((cell, index) => {
    const key = matchColumn(cell, groupCells?.[index]);
    if (key && columns[key] === undefined) columns[key] = index;
  });
  return columns;
}
