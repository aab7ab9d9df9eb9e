import { batchSchemePresets, type ProjectStage } from '@tuijin/domain';
import type { Ctx } from '../context';
import { createBatchScheme, setProjectBatches } from '../modules/batches/batches';
import { createOrganisation } from '../modules/organisations/save-organisation';
import { changeProjectStage } from '../modules/projects/change-project-stage';
import { createProject } from '../modules/projects/save-project';
import { levelsFor, pathTo, projectTemplates, seededRandom, stagePlan, stageReasons } from './demo-projects';

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
      const startYear = ['conceived', 'reserve', 'preparing'].includes(stage)
        ? year + random.int(0, 1)
        : year - random.int(0, 3);
      const endYear = startYear + random.int(1, 4);
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
        startMonth: random.int(1, 12),
        endYear,
        endMonth: random.int(1, 12),
        constructionType: startYear >= year ? 'new' : 'continuing',
        fundingSources:
          template.domain === '现代产业' ? ['企业自筹', '银行贷款'] : ['政府专项债券', '市县财政'],
        tags: template.tags ?? [],
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
      const steps = pathTo[stage];
      let day = new Date(Date.UTC(year - 3, random.int(0, 11), random.int(1, 28)));
      for (const next of steps) {
        day = new Date(Math.min(day.getTime() + random.int(60, 200) * 86_400_000, now.getTime()));
        project = await changeProjectStage(ctx, project.id, {
          to: next,
          on: isoDate(day),
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
