import type { CreateProject } from '@tuijin/contracts';
import type { ProjectLevel, ProjectStage } from '@tuijin/domain';

/** A small deterministic generator, so every demo load makes the same library. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

interface Template {
  name: string;
  domain: string;
  industry: string;
  sector: CreateProject['sector'];
  scale: string;
  min: number;
  max: number;
  tags?: string[];
}

/** Project kinds in the style of the seed articles' lists; `{r}` is the county's short name. */
export const projectTemplates: Template[] = [
  {
    name: '时代新能源锂电池扩产项目',
    domain: '现代产业',
    industry: '锂电池',
    sector: '工信',
    scale: '新建锂电池电芯及模组生产线，年产动力电池 30GWh',
    min: 300_000,
    max: 1_200_000,
    tags: ['招商引资'],
  },
  {
    name: '新能源汽车零部件产业园',
    domain: '现代产业',
    industry: '汽车',
    sector: '工信',
    scale: '建设标准厂房 20 万平方米及配套设施',
    min: 80_000,
    max: 300_000,
    tags: ['招商引资'],
  },
  {
    name: '不锈钢精深加工项目',
    domain: '现代产业',
    industry: '不锈钢',
    sector: '工信',
    scale: '新建冷轧不锈钢生产线，年产 60 万吨',
    min: 100_000,
    max: 600_000,
  },
  {
    name: '铜材料精深加工项目',
    domain: '现代产业',
    industry: '铜材料',
    sector: '工信',
    scale: '年产铜箔 5 万吨，配套研发中心',
    min: 60_000,
    max: 250_000,
    tags: ['招商引资'],
  },
  {
    name: '新材料产业园基础设施',
    domain: '重大平台',
    industry: '新材料',
    sector: '发改',
    scale: '园区道路 12 公里、污水处理厂及供水管网',
    min: 30_000,
    max: 150_000,
    tags: ['专项债'],
  },
  {
    name: '食品加工产业园',
    domain: '现代产业',
    industry: '食品加工',
    sector: '工信',
    scale: '建设冷链仓储及食品加工厂房 8 万平方米',
    min: 15_000,
    max: 80_000,
  },
  {
    name: '白茶产业园',
    domain: '现代产业',
    industry: '农业',
    sector: '农业农村',
    scale: '茶叶精制加工、仓储及茶旅融合设施',
    min: 10_000,
    max: 60_000,
  },
  {
    name: '城区道路提升改造工程',
    domain: '基础设施',
    industry: '市政',
    sector: '住建',
    scale: '改造城区主次干道 18 公里，同步实施雨污分流',
    min: 20_000,
    max: 90_000,
    tags: ['专项债'],
  },
  {
    name: '国道改线工程',
    domain: '基础设施',
    industry: '交通',
    sector: '交通',
    scale: '新建一级公路 25 公里，桥梁 6 座',
    min: 80_000,
    max: 400_000,
    tags: ['中央预算内'],
  },
  {
    name: '港区作业区码头工程',
    domain: '基础设施',
    industry: '交通',
    sector: '交通',
    scale: '新建 5 万吨级泊位 2 个及后方堆场',
    min: 100_000,
    max: 500_000,
  },
  {
    name: '城乡供水一体化工程',
    domain: '基础设施',
    industry: '水利',
    sector: '水利',
    scale: '新建水厂 1 座，日供水 10 万吨，铺设管网 120 公里',
    min: 30_000,
    max: 120_000,
    tags: ['专项债', '中央预算内'],
  },
  {
    name: '水库除险加固及灌区改造',
    domain: '基础设施',
    industry: '水利',
    sector: '水利',
    scale: '大坝加固、溢洪道改造及灌区渠系配套',
    min: 8_000,
    max: 40_000,
    tags: ['中央预算内'],
  },
  {
    name: '海上风电场项目',
    domain: '现代产业',
    industry: '能源',
    sector: '能源',
    scale: '装机容量 40 万千瓦，配套海上升压站',
    min: 400_000,
    max: 800_000,
  },
  {
    name: '抽水蓄能电站',
    domain: '基础设施',
    industry: '能源',
    sector: '能源',
    scale: '装机容量 120 万千瓦',
    min: 600_000,
    max: 900_000,
  },
  {
    name: '220千伏输变电工程',
    domain: '基础设施',
    industry: '能源',
    sector: '能源',
    scale: '新建变电站 1 座，线路 40 公里',
    min: 15_000,
    max: 50_000,
  },
  {
    name: '人民医院迁建项目',
    domain: '社会民生',
    industry: '医疗卫生',
    sector: '卫健',
    scale: '床位 800 张，总建筑面积 15 万平方米',
    min: 80_000,
    max: 200_000,
    tags: ['白名单（四保）', '专项债'],
  },
  {
    name: '中医院综合楼',
    domain: '社会民生',
    industry: '医疗卫生',
    sector: '卫健',
    scale: '新建门急诊及住院综合楼 4 万平方米',
    min: 20_000,
    max: 60_000,
    tags: ['白名单（四保）'],
  },
  {
    name: '第二实验小学',
    domain: '社会民生',
    industry: '教育',
    sector: '教育',
    scale: '48 个班，建筑面积 3.2 万平方米',
    min: 12_000,
    max: 30_000,
    tags: ['白名单（四保）'],
  },
  {
    name: '职业技术学校新校区',
    domain: '社会民生',
    industry: '教育',
    sector: '教育',
    scale: '在校生规模 6000 人',
    min: 40_000,
    max: 120_000,
  },
  {
    name: '保障性租赁住房项目',
    domain: '社会民生',
    industry: '保障性住房',
    sector: '住建',
    scale: '建设保障性租赁住房 1800 套',
    min: 30_000,
    max: 100_000,
    tags: ['白名单（四保）', '中央预算内'],
  },
  {
    name: '老旧小区改造工程',
    domain: '社会民生',
    industry: '市政',
    sector: '住建',
    scale: '改造老旧小区 36 个，惠及 8000 户',
    min: 8_000,
    max: 35_000,
    tags: ['中央预算内'],
  },
  {
    name: '全域旅游集散中心',
    domain: '社会民生',
    industry: '文化旅游',
    sector: '文旅',
    scale: '游客服务中心、停车场及旅游公路',
    min: 10_000,
    max: 50_000,
  },
  {
    name: '冷链物流园',
    domain: '现代产业',
    industry: '现代物流',
    sector: '商务',
    scale: '冷库 10 万吨及交易中心',
    min: 20_000,
    max: 90_000,
    tags: ['招商引资'],
  },
  {
    name: '生态环境综合治理工程',
    domain: '生态环保',
    industry: '市政',
    sector: '生态环境',
    scale: '流域综合治理 30 公里，污水管网 60 公里',
    min: 15_000,
    max: 70_000,
    tags: ['专项债'],
  },
  {
    name: '垃圾焚烧发电项目',
    domain: '生态环保',
    industry: '能源',
    sector: '生态环境',
    scale: '日处理生活垃圾 1200 吨',
    min: 40_000,
    max: 90_000,
  },
];

/** How many demo projects each stage gets (150 in all), so every page has a real picture. */
export const stagePlan: [ProjectStage, number][] = [
  ['conceived', 14],
  ['reserve', 18],
  ['preparing', 20],
  ['started', 30],
  ['underway', 45],
  ['completed', 12],
  ['operating', 7],
  ['dropped', 4],
];

/** The path from 谋划 to each stage, so the demo's stage history is a real one. */
export const pathTo: Record<ProjectStage, ProjectStage[]> = {
  conceived: [],
  reserve: ['reserve'],
  preparing: ['reserve', 'preparing'],
  started: ['reserve', 'preparing', 'started'],
  underway: ['reserve', 'preparing', 'started', 'underway'],
  completed: ['reserve', 'preparing', 'started', 'underway', 'completed'],
  operating: ['reserve', 'preparing', 'started', 'underway', 'completed', 'operating'],
  dropped: ['dropped'],
};

export const stageReasons: Record<ProjectStage, string> = {
  conceived: '入库',
  reserve: '完成项目策划，纳入储备库',
  preparing: '启动前期工作，办理立项及用地手续',
  started: '取得施工许可，举行开工仪式',
  underway: '转入续建，主体工程施工',
  completed: '通过竣工验收',
  operating: '投产运营',
  dropped: '经论证不具备实施条件，予以淘汰',
};

/** Levels by chance: mostly county lists, a good share on the city list, some provincial. */
export function levelsFor(random: ReturnType<typeof seededRandom>, investment: number): ProjectLevel[] {
  if (investment >= 300_000 || random.next() < 0.08)
    return random.next() < 0.5 ? ['provincial', 'city'] : ['provincial'];
  if (investment >= 50_000 || random.next() < 0.3) return random.next() < 0.3 ? ['city', 'county'] : ['city'];
  return ['county'];
}
