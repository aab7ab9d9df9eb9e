import type { CreateFactorDemand } from '@tuijin/contracts';
import {
  type Actor,
  addCalendarDays,
  chinaDate,
  type FactorDemandStatus,
  mayRaiseFactorProblem,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  allocateFactorQuota,
  createFactorDemand,
  moveFactorDemand,
  raiseFactorProblem,
  setFactorQuota,
} from '../modules/factors';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** `n` items spread evenly over a list (all of it when shorter), so the picks cross the counties. */
const spread = <T>(items: readonly T[], n: number): T[] =>
  items.length <= n
    ? [...items]
    : Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]!);

const departmentNames = {
  naturalResources: '宁德市自然资源局',
  drc: '宁德市发展和改革委员会',
  housing: '宁德市住房和城乡建设局',
  transport: '宁德市交通运输局',
  industry: '宁德市工业和信息化局',
  water: '宁德市水利局',
} as const;

/** One demand of the demo: the fields, the department (a key above), due in days from today, where it got to. */
interface DemoDemand {
  fields: Partial<CreateFactorDemand> & Pick<CreateFactorDemand, 'type' | 'quantity'>;
  department: keyof typeof departmentNames;
  dueInDays: number;
  status: FactorDemandStatus;
}

const land = (
  quantity: string,
  metQuantity: string,
  landKind: 'new' | 'existing',
  stage: CreateFactorDemand['landApprovalStage'],
  quota: CreateFactorDemand['landQuotaStatus'],
): DemoDemand['fields'] => ({
  type: 'land',
  quantity,
  metQuantity,
  landKind,
  landApprovalStage: stage,
  landQuotaStatus: quota,
});

/**
 * The demo's demands, two per picked project in order: Ningde's 用地 (农转用 and 征收 of new
 * construction land, 存量 land), 能耗指标, 银企对接 financing, 用工 after Spring Festival, 水电路气
 * and 建材 (钢材, 水泥, 砂石) — with quantities of the size those projects need.
 */
export const demoDemands: DemoDemand[] = [
  {
    fields: land('126.5', '0', 'new', 'conversionFiled', 'applying'),
    department: 'naturalResources',
    dueInDays: -18,
    status: 'inProgress',
  },
  {
    fields: { type: 'energy', quantity: '8600', coalTonnes: '4200' },
    department: 'drc',
    dueInDays: 45,
    status: 'pending',
  },
  {
    fields: land('85', '85', 'new', 'supplied', 'secured'),
    department: 'naturalResources',
    dueInDays: -30,
    status: 'met',
  },
  {
    fields: {
      type: 'finance',
      quantity: '50000',
      metQuantity: '30000',
      financePurpose: '项目贷款',
      banksMatched: '国家开发银行、兴业银行',
      disbursedWanYuan: '12000',
    },
    department: 'drc',
    dueInDays: 20,
    status: 'inProgress',
  },
  {
    fields: { type: 'labour', quantity: '600', metQuantity: '420' },
    department: 'housing',
    dueInDays: -10,
    status: 'inProgress',
  },
  {
    fields: { type: 'utilities', quantity: '10000', unit: '千伏安', utilityKind: 'power' },
    department: 'industry',
    dueInDays: 30,
    status: 'pending',
  },
  {
    fields: land('42.3', '0', 'existing', 'notStarted', 'secured'),
    department: 'naturalResources',
    dueInDays: -5,
    status: 'pending',
  },
  {
    fields: { type: 'materials', quantity: '8000', unit: '吨', materialName: '钢材', metQuantity: '8000' },
    department: 'industry',
    dueInDays: -12,
    status: 'met',
  },
  {
    fields: { type: 'energy', quantity: '12500', metQuantity: '12500', coalTonnes: '6000' },
    department: 'drc',
    dueInDays: -40,
    status: 'met',
  },
  {
    fields: { type: 'utilities', quantity: '2.5', unit: '公里', utilityKind: 'road' },
    department: 'transport',
    dueInDays: -20,
    status: 'unmet',
  },
  {
    fields: land('210', '60', 'new', 'acquisition', 'secured'),
    department: 'naturalResources',
    dueInDays: 60,
    status: 'inProgress',
  },
  {
    fields: { type: 'labour', quantity: '350', metQuantity: '350' },
    department: 'housing',
    dueInDays: -25,
    status: 'met',
  },
  {
    fields: {
      type: 'finance',
      quantity: '18000',
      financePurpose: '流动资金贷款',
      banksMatched: '中国农业银行',
    },
    department: 'drc',
    dueInDays: -8,
    status: 'unmet',
  },
  {
    fields: { type: 'materials', quantity: '20000', unit: '吨', materialName: '水泥' },
    department: 'industry',
    dueInDays: 15,
    status: 'pending',
  },
  {
    fields: land('68', '68', 'existing', 'supplied', 'secured'),
    department: 'naturalResources',
    dueInDays: -50,
    status: 'met',
  },
  {
    fields: { type: 'utilities', quantity: '5000', unit: '立方米/日', utilityKind: 'water' },
    department: 'water',
    dueInDays: -3,
    status: 'inProgress',
  },
  {
    fields: { type: 'energy', quantity: '3200', coalTonnes: '1500' },
    department: 'drc',
    dueInDays: -15,
    status: 'unmet',
  },
  {
    fields: { type: 'labour', quantity: '800', metQuantity: '510' },
    department: 'housing',
    dueInDays: 10,
    status: 'inProgress',
  },
  {
    fields: land('155.8', '0', 'new', 'conversionApproved', 'secured'),
    department: 'naturalResources',
    dueInDays: 25,
    status: 'inProgress',
  },
  {
    fields: {
      type: 'materials',
      quantity: '150000',
      unit: '立方米',
      materialName: '砂石',
      metQuantity: '90000',
    },
    department: 'industry',
    dueInDays: -6,
    status: 'inProgress',
  },
  {
    fields: {
      type: 'finance',
      quantity: '32000',
      metQuantity: '32000',
      financePurpose: '固定资产贷款',
      banksMatched: '中国建设银行、福建海峡银行',
      disbursedWanYuan: '20000',
    },
    department: 'drc',
    dueInDays: -35,
    status: 'met',
  },
  {
    fields: { type: 'utilities', quantity: '300', unit: '万立方米/年', utilityKind: 'gas' },
    department: 'industry',
    dueInDays: 50,
    status: 'pending',
  },
  {
    fields: land('36', '0', 'new', 'notStarted', 'unsecured'),
    department: 'naturalResources',
    dueInDays: 40,
    status: 'pending',
  },
  {
    fields: { type: 'labour', quantity: '220', metQuantity: '220' },
    department: 'housing',
    dueInDays: -14,
    status: 'met',
  },
  {
    fields: { type: 'energy', quantity: '5400', metQuantity: '5400', coalTonnes: '2600' },
    department: 'drc',
    dueInDays: -22,
    status: 'met',
  },
  {
    fields: {
      type: 'utilities',
      quantity: '6300',
      unit: '千伏安',
      utilityKind: 'power',
      metQuantity: '6300',
    },
    department: 'industry',
    dueInDays: -28,
    status: 'met',
  },
  {
    fields: {
      type: 'finance',
      quantity: '25000',
      financePurpose: '项目资本金融资',
      banksMatched: '中国工商银行',
    },
    department: 'drc',
    dueInDays: 35,
    status: 'pending',
  },
  {
    fields: land('95.2', '40', 'new', 'acquisition', 'secured'),
    department: 'naturalResources',
    dueInDays: -2,
    status: 'inProgress',
  },
  {
    fields: { type: 'materials', quantity: '3500', unit: '吨', materialName: '钢材' },
    department: 'industry',
    dueInDays: 12,
    status: 'pending',
  },
  { fields: { type: 'labour', quantity: '450' }, department: 'housing', dueInDays: -1, status: 'pending' },
];

/** 宁德市's quotas for the year: 用地指标 2600 亩, 能耗指标 180000 吨标准煤. */
export const demoQuotas = { land: '2600', energy: '180000' } as const;

/** Allocations of the city's quotas: to started projects (by index) and to projects not started. */
const demoAllocations: {
  kind: 'land' | 'energy';
  started: boolean;
  index: number;
  amount: string;
  daysAgo: number;
}[] = [
  { kind: 'land', started: true, index: 0, amount: '320', daysAgo: 50 },
  { kind: 'land', started: true, index: 1, amount: '185.5', daysAgo: 45 },
  { kind: 'land', started: true, index: 2, amount: '260', daysAgo: 38 },
  { kind: 'land', started: true, index: 3, amount: '96', daysAgo: 30 },
  { kind: 'land', started: false, index: 0, amount: '240', daysAgo: 42 },
  { kind: 'land', started: false, index: 1, amount: '150', daysAgo: 25 },
  { kind: 'land', started: false, index: 2, amount: '88.5', daysAgo: 12 },
  { kind: 'energy', started: true, index: 0, amount: '42000', daysAgo: 48 },
  { kind: 'energy', started: true, index: 4, amount: '26500', daysAgo: 33 },
  { kind: 'energy', started: false, index: 3, amount: '35000', daysAgo: 20 },
  { kind: 'energy', started: false, index: 0, amount: '18000', daysAgo: 9 },
];

/**
 * 要素保障 in the demo, through the factors use cases (audit written), as the city office: 30 demands
 * over 15 projects spread across the counties (two each, in `demoDemands` order), created 60 days
 * before today and moved on their own dates — so some are met, some 无法保障, some open and past their
 * date — the first overdue 用地 demand raised as a problem; and 宁德市's land and energy quotas for
 * the year with allocations to projects that started and to projects that have not (要素跟着项目走).
 */
export async function loadDemoFactors(ctx: Ctx): Promise<{ demands: number; allocations: number }> {
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const [cityRow] = await actorSource(ctx.db).where(eq(users.username, 'ningde'));
  const city: Actor | null = cityRow ? toActor(cityRow) : null;
  if (!city) return { demands: 0, allocations: 0 };
  const as = (day: string): Ctx => ({ ...ctx, actor: city, clock: demoClock(at(day), ctx.clock) });
  const orgRows = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.name, Object.values(departmentNames)));
  const departments = new Map(orgRows.map((o) => [o.name, o.id]));
  const live = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(ne(projects.stage, 'dropped'))
    .orderBy(asc(projects.name));
  const targets = spread(live, demoDemands.length / 2);
  const created = addCalendarDays(today, -60);
  let demands = 0;
  let raised = false;
  const known = new Set<string>();
  for (const [i, demand] of demoDemands.entries()) {
    const project = targets[Math.floor(i / 2)];
    const department = departments.get(departmentNames[demand.department]);
    if (!project || !department) continue;
    const neededBy = addCalendarDays(today, demand.dueInDays);
    const result = await createFactorDemand(as(created), project.id, {
      metQuantity: '0',
      unit: null,
      note: null,
      landKind: null,
      landQuotaStatus: null,
      landApprovalStage: null,
      landDeliveryOn: null,
      coalTonnes: null,
      financePurpose: null,
      banksMatched: null,
      disbursedWanYuan: null,
      utilityKind: null,
      materialName: null,
      ...demand.fields,
      responsibleOrganisationId: department,
      neededBy,
    });
    demands += 1;
    let row = result.demands.find((d) => !known.has(d.id))!;
    known.add(row.id);
    const moves: FactorDemandStatus[] =
      demand.status === 'pending'
        ? []
        : demand.status === 'inProgress'
          ? ['inProgress']
          : ['inProgress', demand.status];
    for (const [k, status] of moves.entries()) {
      // Taken up a week after it was stated; settled on its date when that has passed, else a month in.
      const settled = neededBy < today ? neededBy : addCalendarDays(created, 30);
      const day = k === 0 ? addCalendarDays(created, 7) : settled;
      const moved = await moveFactorDemand(as(day), row.id, {
        version: row.version,
        status,
        note: status === 'unmet' ? '指标（资源）暂无法落实，需上级协调' : null,
      });
      row = moved.demands.find((d) => d.id === row.id)!;
    }
    const unmet = { status: row.status, neededBy, problemId: row.problem?.id ?? null };
    if (!raised && row.type === 'land' && mayRaiseFactorProblem(unmet, today)) {
      await raiseFactorProblem(as(today), row.id, { version: row.version, description: null, request: null });
      raised = true;
    }
  }

  const started = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNotNull(projects.actualStartOn), ne(projects.stage, 'dropped')))
    .orderBy(asc(projects.name));
  const unstarted = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNull(projects.actualStartOn), ne(projects.stage, 'dropped')))
    .orderBy(asc(projects.name));
  const startedPicks = spread(started, 6);
  const unstartedPicks = spread(unstarted, 5);
  const firstDay = `${year}-01-01`;
  const dayOf = (daysAgo: number) => {
    const day = addCalendarDays(today, -daysAgo);
    return day < firstDay ? firstDay : day;
  };
  let view = await setFactorQuota(as(firstDay), {
    regionCode: '350900',
    year,
    kind: 'land',
    amount: demoQuotas.land,
    note: '省下达年度新增建设用地计划指标',
    version: null,
  });
  view = await setFactorQuota(as(firstDay), {
    regionCode: '350900',
    year,
    kind: 'energy',
    amount: demoQuotas.energy,
    note: '年度能耗增量指标',
    version: null,
  });
  let allocations = 0;
  for (const a of demoAllocations) {
    const project = (a.started ? startedPicks : unstartedPicks)[a.index];
    const quotaId = view.kinds.find((k) => k.kind === a.kind)?.quotaId;
    if (!project || !quotaId) continue;
    const day = dayOf(a.daysAgo);
    view = await allocateFactorQuota(as(day), quotaId, {
      projectId: project.id,
      amount: a.amount,
      allocatedOn: day,
      note: a.started ? '按实际开工安排指标' : '预安排指标，待项目开工',
    });
    allocations += 1;
  }
  return { demands, allocations };
}
