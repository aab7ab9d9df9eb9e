/**
 * The province data set of issue 18, generated deterministically from a seed (no Math.random, no
 * clock): 1 fictitious province, 10 cities × 10 counties of uneven (Zipf-like) size, and at scale
 * S = 10,000·S projects, 12 monthly reports each for the year (month-major), an annual plan each,
 * 2·S × 10,000 problems with due dates (some overdue on the as-of day), one office per region and
 * the owner units with one account each. Pure: the loader (`load-province.ts`) writes it.
 */
import { openProblemStatuses } from '@tuijin/domain';

/** mulberry32: a small, fast, seeded 32-bit PRNG answering floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float in [0, 1) from a few integers, for choices that must not depend on generation order. */
export function hashUnit(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 0x01000193);
    h = Math.imul(h ^ (part >>> 16), 0x01000193);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export const provinceCode = '390000';
export const provinceName = '闽海省';
const cityNames = [
  '榕江市',
  '鹭屿市',
  '泉溪市',
  '漳南市',
  '莆阳市',
  '三峰市',
  '岩龙市',
  '建平市',
  '宁海市',
  '武夷市',
];
const countySuffixes = [
  '东城区',
  '西城区',
  '南安县',
  '北山县',
  '中和县',
  '新港区',
  '安溪县',
  '平潭县',
  '永宁县',
  '华阳县',
];
const stages = [
  'preparing',
  'started',
  'underway',
  'underway',
  'underway',
  'completed',
  'operating',
] as const;
const domains = ['现代产业', '基础设施', '社会民生', '重大平台'] as const;
const problemCategories = ['用地', '审批', '资金', '拆迁', '用工', '其他'] as const;

export type ProjectStageName = (typeof stages)[number];
export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export type ProblemState =
  | 'raised'
  | 'accepted'
  | 'in_progress'
  | 'answered'
  | 'confirmed'
  | 'written_off'
  | 'rejected';

export interface RegionSpec {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export interface OwnerSpec {
  /** Index over the whole province, also the account's number. */
  index: number;
  countyCode: string;
  name: string;
  username: string;
}

export interface ProjectSpec {
  index: number;
  countyCode: string;
  ownerIndex: number;
  name: string;
  stage: ProjectStageName;
  domain: string;
  levels: ('provincial' | 'city' | 'county')[];
  /** 万元, integral, as a decimal string. */
  totalInvestmentWanYuan: string;
  plannedInvestmentWanYuan: string;
  startYear: number;
  endYear: number;
  constructionType: 'new' | 'continuing';
}

export interface ReportSpec {
  projectIndex: number;
  month: number;
  /** 万元 with up to 4 places, as a decimal string. */
  completedWanYuan: string;
  status: ReportState;
  late: boolean;
}

export interface ProblemSpec {
  index: number;
  projectIndex: number;
  category: string;
  status: ProblemState;
  /** YYYY-MM-DD. */
  raisedOn: string;
  dueOn: string;
}

export interface ProvinceShape {
  scale: number;
  seed: number;
  year: number;
  /** The day the data set describes (YYYY-MM-DD): December's reports are still coming in. */
  asOf: string;
  regions: RegionSpec[];
  /** Projects per county code, in region order. */
  countySizes: Map<string, number>;
  owners: OwnerSpec[];
  projects: ProjectSpec[];
  problems: ProblemSpec[];
}

export const projectsPerScale = 10_000;
export const problemsPerScale = 20_000;

/**
 * Splits `total` over `n` parts with Zipf weights 1/rank^s (ranks shuffled by `random`), every part
 * at least 1 when total ≥ n: largest remainders settle the rounding so the parts add up exactly.
 */
export function zipfSizes(total: number, n: number, s: number, random: () => number): number[] {
  const ranks = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  const weights = ranks.map((rank) => 1 / rank ** s);
  const sum = weights.reduce((a, b) => a + b, 0);
  const floor = total >= n ? 1 : 0;
  const spare = total - floor * n;
  const exact = weights.map((w) => (w / sum) * spare);
  const sizes = exact.map((x) => floor + Math.floor(x));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) sizes[order[k]!.i]! += 1;
  return sizes;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** Projects an owner unit holds on average: a county's units are its projects ÷ this, rounded up. */
const projectsPerOwner = 25;

/** The whole province but its reports (those are generated a month at a time, see {@link monthReports}). */
export function generateProvince(options: { scale: number; year: number; seed?: number }): ProvinceShape {
  const seed = options.seed ?? 18;
  const { scale, year } = options;
  const random = seededRandom(seed);
  const regions: RegionSpec[] = [
    { code: provinceCode, name: provinceName, level: 'province', parentCode: null },
  ];
  const counties: RegionSpec[] = [];
  cityNames.forEach((cityName, c) => {
    const cityCode = `39${pad(c + 1, 2)}00`;
    regions.push({ code: cityCode, name: cityName, level: 'city', parentCode: provinceCode });
    countySuffixes.forEach((suffix, k) => {
      const county: RegionSpec = {
        code: `39${pad(c + 1, 2)}${pad(k + 1, 2)}`,
        name: `${cityName.slice(0, 2)}${suffix}`,
        level: 'county',
        parentCode: cityCode,
      };
      regions.push(county);
      counties.push(county);
    });
  });
  const projectCount = Math.round(projectsPerScale * scale);
  const sizes = zipfSizes(projectCount, counties.length, 0.9, random);
  const countySizes = new Map(counties.map((county, i) => [county.code, sizes[i]!]));

  const owners: OwnerSpec[] = [];
  const projects: ProjectSpec[] = [];
  counties.forEach((county) => {
    const size = countySizes.get(county.code)!;
    const ownerCount = Math.ceil(size / projectsPerOwner);
    const firstOwner = owners.length;
    for (let k = 0; k < ownerCount; k++) {
      const index = owners.length;
      owners.push({
        index,
        countyCode: county.code,
        name: `${county.name}${k === 0 ? '城市建设投资集团有限公司' : `第${k}建设发展有限公司`}`,
        username: `owner${pad(index, 5)}`,
      });
    }
    for (let k = 0; k < size; k++) {
      const index = projects.length;
      // The county's investment group holds about a third of its projects; the rest spread evenly.
      const ownerIndex =
        random() < 0.3 || ownerCount === 1
          ? firstOwner
          : firstOwner + 1 + Math.floor(random() * (ownerCount - 1));
      const total = Math.round(
        Math.min(2_000_000, Math.max(1_000, Math.exp(Math.log(30_000) + gaussian(random)))),
      );
      const planned = Math.max(100, Math.round(total * (0.1 + 0.3 * random())));
      const stage = stages[Math.floor(random() * stages.length)]!;
      const startYear = year - Math.floor(random() * 3);
      projects.push({
        index,
        countyCode: county.code,
        ownerIndex,
        name: `${county.name}重点项目${pad(index + 1, 6)}`,
        stage,
        domain: domains[Math.floor(random() * domains.length)]!,
        levels: random() < 0.1 ? ['provincial', 'county'] : random() < 0.3 ? ['city', 'county'] : ['county'],
        totalInvestmentWanYuan: String(total),
        plannedInvestmentWanYuan: String(planned),
        startYear,
        endYear: startYear + 1 + Math.floor(random() * 3),
        constructionType: startYear < year ? 'continuing' : 'new',
      });
    }
  });

  const asOf = `${year}-12-20`;
  const problems: ProblemSpec[] = [];
  const problemCount = Math.round(problemsPerScale * scale);
  const dayOfYear = (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  for (let index = 0; index < problemCount; index++) {
    const raisedOn = addDays(`${year}-01-01`, Math.floor(random() * dayOfYear));
    const u = random();
    const status: ProblemState =
      u < 0.1
        ? 'raised'
        : u < 0.25
          ? 'accepted'
          : u < 0.55
            ? 'in_progress'
            : u < 0.65
              ? 'answered'
              : u < 0.7
                ? 'confirmed'
                : u < 0.95
                  ? 'written_off'
                  : 'rejected';
    problems.push({
      index,
      projectIndex: Math.floor(random() * projects.length),
      category: problemCategories[Math.floor(random() * problemCategories.length)]!,
      status,
      raisedOn,
      dueOn: addDays(raisedOn, 14 + Math.floor(random() * 40)),
    });
  }
  return { scale, seed, year, asOf, regions, countySizes, owners, projects, problems };
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Every project's report for one month, in project order. Months before December are mostly
 * approved (some submitted, returned or still draft); December is the month being reported on the
 * as-of day, so most of its reports are drafts or waiting for review. The amount is the plan's
 * twelfth times 0.5–1.5. Each choice hashes (seed, project, month): any month can be generated alone.
 */
export function monthReports(shape: ProvinceShape, month: number): ReportSpec[] {
  return shape.projects.map((project) => {
    const u = hashUnit(shape.seed, project.index, month, 1);
    const status: ReportState =
      month < 12
        ? u < 0.02
          ? 'draft'
          : u < 0.04
            ? 'returned'
            : u < 0.07
              ? 'submitted'
              : 'approved'
        : u < 0.4
          ? 'draft'
          : u < 0.45
            ? 'returned'
            : u < 0.8
              ? 'submitted'
              : 'approved';
    const share = 0.5 + hashUnit(shape.seed, project.index, month, 2);
    const tenThousandths = Math.round((Number(project.plannedInvestmentWanYuan) / 12) * share * 10_000);
    return {
      projectIndex: project.index,
      month,
      completedWanYuan: (tenThousandths / 10_000).toFixed(4),
      status,
      late: status !== 'draft' && hashUnit(shape.seed, project.index, month, 3) < 0.08,
    };
  });
}

/** Whether a problem is still open (the domain's rule: raised, accepted or in progress). */
export const isOpenProblem = (status: ProblemState) =>
  (openProblemStatuses as readonly string[]).includes(status);
