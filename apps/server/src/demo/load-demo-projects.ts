import { batchSchemePresets, type ProjectStage } from '@tuijin/domain';
import type { Ctx } from '../context';
import { createBatchScheme, setProjectBatches } from '../modules/batches';
import { createOrganisation } from '../modules/organisations';
import { changeProjectStage, createProject } from '../modules/projects';
import { levelsFor, projectTemplates, seededRandom, stagePlan, stageReasons } from './demo-projects';

/** 项目分类 of the demo by domain (Ningde's 分类: 产业链类, 基础设施类, 急需民生类); others stay unclassed. */
const demoProjectClass: Record<string, string> = {
  现代产业: '产业链类',
  基础设施: '基础设施类',
  社会民生: '急需民生类',
};
/** Counties of the demo with their short names and how many projects each gets (150 in all). */
const demoCounties = [
  { code: '350902', short: '蕉城', count: 25 },
  { code: '350981', short: '福安', count: 22 },
  { code: '350982', short: '福鼎', count: 20 },
  { code: '350921', short: '霞浦', count: 16 },
  { code: '350922', short: '古田', count: 14 },
  { code: '350900-DQ', short: '东侨', count: 14 },
  { code: '350923', short: '屏南', count: 10 },
  { code: '350924', short: '寿宁', count: 10 },
  { code: '350925', short: '周宁', count: 9 },
  { code: '350926', short: '柘荣', count: 10 },
];

export interface DemoPeople {
  organisations: Map<string, string>;
  departmentsBySector: Map<string, string>;
  leaders: string[];
  serviceOfficers: string[];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dayOf = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const daysBefore = (date: string, days: number) => isoDate(new Date(Date.parse(date) - days * 86_400_000));

/**
 * A project's construction period and dated stage moves, coherent with the demo day `now`: a 新开工
 * project started on the 8th of an earlier month of this year (its planned start month); an 在建 one
 * started in an earlier year and ends this year or later; 竣工/投产 ones finished last year or before
 * (投产 a few months after completion); 前期 ones start this year after the demo month or next year;
 * 谋划/储备 later. Every move is on or before the demo day, in order; the move to 新开工/竣工/投产
 * carries the actual date (the stage change records it), and 在建 is what an earlier start implies.
 */
function demoTimeline(stage: ProjectStage, now: Date, random: ReturnType<typeof seededRandom>) {
  const today = isoDate(now);
  const year = now.getUTCFullYear();
  const nowMonth = now.getUTCMonth() + 1;
  const clamp = (date: string) => (date < today ? date : today);
  const steps: [ProjectStage, string][] = [];
  const before = (date: string, ...stages: ProjectStage[]) => {
    let on = date;
    const dated = stages.map((s) => {
      on = daysBefore(on, random.int(60, 200));
      return [s, on] as [ProjectStage, string];
    });
    steps.push(...dated.reverse());
  };
  if (stage === 'conceived') {
    const startYear = year + random.int(1, 2);
    return {
      startYear,
      startMonth: random.int(1, 12),
      endYear: startYear + random.int(1, 4),
      endMonth: random.int(1, 12),
      steps,
    };
  }
  if (stage === 'reserve' || stage === 'preparing' || stage === 'dropped') {
    const startYear = stage === 'preparing' ? year + random.int(0, 1) : year + 1;
    // One starting this year starts after the demo month (its planned start is later this year).
    const startMonth = startYear === year ? Math.min(12, nowMonth + random.int(1, 4)) : random.int(1, 12);
    const moves: ProjectStage[] =
      stage === 'dropped' ? ['dropped'] : stage === 'reserve' ? ['reserve'] : ['reserve', 'preparing'];
    before(daysBefore(today, random.int(5, 40)), ...[...moves].reverse());
    return {
      startYear,
      startMonth,
      endYear: startYear + random.int(1, 4),
      endMonth: random.int(1, 12),
      steps: ordered(steps),
    };
  }
  if (stage === 'started') {
    const startMonth = random.int(1, Math.max(1, nowMonth - 1));
    const start = clamp(dayOf(year, startMonth, 8));
    before(start, 'preparing', 'reserve');
    steps.push(['started', start]);
    return {
      startYear: year,
      startMonth,
      endYear: year + random.int(1, 3),
      endMonth: random.int(1, 12),
      steps: ordered(steps),
    };
  }
  const startYear = stage === 'underway' ? year - random.int(1, 3) : year - random.int(3, 5);
  const startMonth = random.int(1, 12);
  const start = dayOf(startYear, startMonth, 8);
  before(start, 'preparing', 'reserve');
  steps.push(['started', start]);
  if (stage === 'underway')
    return {
      startYear,
      startMonth,
      endYear: year + random.int(0, 3),
      endMonth: random.int(1, 12),
      steps: ordered(steps),
    };
  const endYear = year - random.int(1, 2);
  const endMonth = random.int(1, 12);
  const completion = dayOf(endYear, endMonth, 20);
  steps.push(['completed', completion]);
  if (stage === 'operating') steps.push(['operating', clamp(daysBefore(completion, -random.int(60, 150)))]);
  return { startYear, startMonth, endYear, endMonth, steps: ordered(steps) };
}

/** Moves sorted by date (a stable sort keeps same-day moves in lifecycle order). */
const ordered = (steps: [ProjectStage, string][]) => [...steps].sort((a, b) => a[1].localeCompare(b[1]));

/**
 * Loads ~150 projects across the demo counties, with owners, leaders, departments, stages walked
 * through the transition table with dated history, and the year's 五个一批 batches.
 */
export async function loadDemoProjects(ctx: Ctx, people: DemoPeople) {
  const random = seededRandom(20_260_301);
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  const stages = stagePlan.flatMap(([stage, n]) => Array.from({ length: n }, () => stage));
  // Shuffle stages deterministically so every county has a mix.
  for (let i = stages.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [stages[i], stages[j]] = [stages[j]!, stages[i]!];
  }

  const scheme = await createBatchScheme(ctx, {
    regionCode: '350900',
    year,
    name: batchSchemePresets.fiveBatches!.name,
    batches: batchSchemePresets.fiveBatches!.batches,
  });
  const batchByName = new Map(scheme.batches.map((b) => [b.name, b.id]));
  const batchForStage: Partial<Record<ProjectStage, string>> = {
    conceived: '策划生成一批',
    started: '开工一批',
    completed: '竣工一批',
    operating: '投产一批',
  };

  let serial = 1;
  let stageIndex = 0;
  for (const county of demoCounties) {
    const cityInvest = await createOrganisation(ctx, {
      name: `${county.short}城市建设投资集团有限公司`,
      kind: 'owner',
      regionCode: county.code,
      sector: null,
      contactPerson: null,
      contactPhone: null,
    });
    const industrial = await createOrganisation(ctx, {
      name: `${county.short}产业投资发展有限公司`,
      kind: 'owner',
      regionCode: county.code,
      sector: null,
      contactPerson: null,
      contactPhone: null,
    });
    const used = new Map<string, number>();
    for (let k = 0; k < county.count; k++) {
      const template =
        county.code === '350902' && k === 0 ? projectTemplates[0]! : random.pick(projectTemplates);
      const seen = used.get(template.name) ?? 0;
      used.set(template.name, seen + 1);
      const name = `${county.short}${template.name}${seen ? `（${['二', '三', '四', '五'][seen - 1] ?? seen + 1}期）` : ''}`;
      const stage = stages[stageIndex++ % stages.length]!;
      const investment = random.int(template.min, template.max) + random.int(0, 99) / 100;
      const timeline = demoTimeline(stage, now, random);
      const { startYear, endYear } = timeline;
      const owner = (() => {
        if (county.code === '350902' && template.industry === '锂电池')
          return people.organisations.get('newEnergy')!;
        if (county.code === '350902' && template.domain !== '现代产业')
          return people.organisations.get('jiaochengInvest')!;
        if (county.code === '350981' && template.industry === '不锈钢')
          return people.organisations.get('fuanSteel')!;
        if (county.code === '350982' && template.name.includes('港区'))
          return people.organisations.get('fudingPort')!;
        return template.domain === '现代产业' ? industrial.id : cityInvest.id;
      })();
      const regionPart = county.code.slice(0, 6);
      const hasCode = !['conceived', 'dropped'].includes(stage);
      const code = hasCode
        ? `${Math.min(startYear, year)}-${regionPart}-${String(random.int(10, 78))}-0${random.int(1, 3)}-${String(serial++).padStart(6, '0')}`
        : null;
      const levels = levelsFor(random, investment);
      let project = await createProject(ctx, {
        code,
        name,
        ownerOrganisationId: owner,
        regionCode: county.code,
        address: `宁德市${county.short}${random.pick(['工业园区', '城区', '滨海片区', '高新区', '新城'])}`,
        longitude: Number((119.2 + random.next() * 1.0).toFixed(6)),
        latitude: Number((26.5 + random.next() * 0.9).toFixed(6)),
        levels,
        domain: template.domain,
        industry: template.industry,
        sector: template.sector,
        scaleContent: template.scale,
        totalInvestmentWanYuan: investment.toFixed(2),
        startYear,
        startMonth: timeline.startMonth,
        endYear,
        endMonth: timeline.endMonth,
        constructionType: startYear >= year ? 'new' : 'continuing',
        fundingSources:
          template.domain === '现代产业' ? ['企业自筹', '银行贷款'] : ['政府专项债券', '市县财政'],
        tags: template.tags ?? [],
        projectClass: demoProjectClass[template.domain] ?? null,
        leaderUserId: random.next() < 0.85 ? random.pick(people.leaders) : null,
        responsibleDepartmentId: template.sector
          ? (people.departmentsBySector.get(template.sector) ?? null)
          : null,
        serviceOfficerUserId: random.next() < 0.5 ? random.pick(people.serviceOfficers) : null,
        workingTeam: `${template.name.replace(/项目|工程/g, '')}工作专班`,
        contactPerson: null,
        contactPhone: null,
        stage: 'conceived',
      });
      for (const [next, on] of timeline.steps) {
        project = await changeProjectStage(ctx, project.id, {
          to: next,
          on,
          reason: stageReasons[next],
          version: project.version,
        });
      }
      const batchName =
        batchForStage[stage] ??
        (template.tags?.includes('招商引资') && stage === 'preparing' ? '签约一批' : undefined);
      if (batchName)
        await setProjectBatches(ctx, project.id, {
          batchIds: [batchByName.get(batchName)!],
          version: project.version,
        });
    }
  }
}
