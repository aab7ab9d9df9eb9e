import { defaultProblemCategories } from '../problems/routing';
import { defaultProjectClasses } from '../service-plans/service-plans';

/** Project levels (a project may be on several lists, e.g. 县管市级 = county-managed, city list). */
export const projectLevels = ['provincial', 'city', 'county'] as const;
export type ProjectLevel = (typeof projectLevels)[number];
export const projectLevelNames: Record<ProjectLevel, string> = {
  provincial: '省重点',
  city: '市重点',
  county: '县重点',
};

/** 新建 (new this plan) or 续建 (continuing from earlier years). */
export const constructionTypes = ['new', 'continuing'] as const;
export type ConstructionType = (typeof constructionTypes)[number];
export const constructionTypeNames: Record<ConstructionType, string> = { new: '新建', continuing: '续建' };

/** Dictionaries an office manages; each comes with defaults. */
export const dictionaryKinds = [
  'domain',
  'industry',
  'tag',
  'fundingSource',
  'problemCategory',
  'projectClass',
] as const;
export type DictionaryKind = (typeof dictionaryKinds)[number];

export const defaultDictionaries: Record<DictionaryKind, string[]> = {
  domain: ['基础设施', '现代产业', '社会民生', '重大平台', '生态环保'],
  industry: [
    '新能源',
    '新材料',
    '锂电池',
    '不锈钢',
    '汽车',
    '铜材料',
    '食品加工',
    '文化旅游',
    '现代物流',
    '交通',
    '水利',
    '能源',
    '市政',
    '教育',
    '医疗卫生',
    '保障性住房',
    '农业',
  ],
  tag: ['白名单（四保）', '专项债', '中央预算内', '招商引资'],
  fundingSource: [
    '企业自筹',
    '银行贷款',
    '政府专项债券',
    '中央预算内投资',
    '省级补助',
    '市县财政',
    '社会资本',
  ],
  problemCategory: [...defaultProblemCategories],
  projectClass: [...defaultProjectClasses],
};

/**
 * The fields a project owner unit may change on its own projects: where and what it builds and who
 * works on it. Level, stage, region, investment, responsibilities and tags are the office's.
 */
export const ownerEditableProjectFields = [
  'address',
  'longitude',
  'latitude',
  'scaleContent',
  'workingTeam',
  'contactPerson',
  'contactPhone',
] as const;

/** Campaign scheme presets (批次方案): configuration, not code — an office may define its own. */
export const batchSchemePresets: Record<string, { name: string; batches: string[]; source: string }> = {
  fourBatches: {
    name: '四个一批',
    batches: ['开工一批', '竣工一批', '储备一批', '谋划一批'],
    source: '山东',
  },
  fiveBatches: {
    name: '五个一批',
    batches: ['策划生成一批', '签约一批', '开工一批', '竣工一批', '投产一批'],
    source: '福建',
  },
  threeBatches: { name: '三个一批', batches: ['签约一批', '开工一批', '投产一批'], source: '河南' },
};
