import { type Actor, addCalendarDays, chinaDate, type MeasureStatus } from '@tuijin/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { createMeasure, moveMeasure, saveServicePlan } from '../modules/service-plans';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** A measure of the demo: text, responsible unit (a key below, `owner` = the project's owner), due in days from today, where it got to. */
interface DemoMeasure {
  content: string;
  unit: 'owner' | 'housing' | 'naturalResources' | 'drc' | 'transport';
  dueInDays: number;
  status: MeasureStatus;
  note?: string;
}

/** The plans of the demo, in Ningde's 一项目一策 terms (返岗住宿, 构件运输, 用工, 青苗赔偿, 用地报批). */
const demoPlans: { summary: string; measures: DemoMeasure[] }[] = [
  {
    summary: '保障项目节后尽快复工：解决返岗人员住宿、省外建筑构件运输和员工招聘',
    measures: [
      {
        content: '协调返岗人员临时住宿',
        unit: 'owner',
        dueInDays: -20,
        status: 'done',
        note: '已安排临时宿舍 120 间',
      },
      { content: '办理省外建筑构件运输通行证', unit: 'transport', dueInDays: -8, status: 'inProgress' },
      { content: '组织专场招聘会补齐用工缺口', unit: 'owner', dueInDays: 20, status: 'notStarted' },
    ],
  },
  {
    summary: '加快用地报批和施工许可，确保按节点开工',
    measures: [
      { content: '完成农转用报批', unit: 'naturalResources', dueInDays: -5, status: 'notStarted' },
      { content: '办理施工许可证', unit: 'housing', dueInDays: 25, status: 'inProgress' },
      { content: '施工现场青苗赔偿', unit: 'owner', dueInDays: -30, status: 'done', note: '赔偿协议已签订' },
    ],
  },
  {
    summary: '争取资金支持，缓解项目建设资金压力',
    measures: [
      { content: '申报专项债券资金', unit: 'drc', dueInDays: 40, status: 'inProgress' },
      {
        content: '对接银行项目贷款',
        unit: 'owner',
        dueInDays: -15,
        status: 'cancelled',
        note: '改为企业自筹',
      },
    ],
  },
  {
    summary: '保障防疫物资和施工用水用电',
    measures: [
      { content: '落实施工临时用电接入', unit: 'owner', dueInDays: -12, status: 'inProgress' },
      { content: '配发防疫物资', unit: 'owner', dueInDays: -25, status: 'done', note: '口罩、测温枪已配发' },
    ],
  },
];

const departmentNames = {
  housing: '宁德市住房和城乡建设局',
  naturalResources: '宁德市自然资源局',
  drc: '宁德市发展和改革委员会',
  transport: '宁德市交通运输局',
} as const;

/**
 * 一项目一策 in the demo, through the service-plan use cases (audit written): two plans on 蕉城's
 * projects kept by the 蕉城 office, two on 福安's and 福鼎's kept by the city office; each measure
 * given to the owner unit or a city department, created 40 days before today and moved on its own
 * date, so on any day some open measures are past their date (overdue) and some are not yet due.
 */
export async function loadDemoServicePlans(ctx: Ctx): Promise<{ plans: number; measures: number }> {
  const today = chinaDate(ctx.clock.now());
  const actors = await actorSource(ctx.db).where(inArray(users.username, ['ningde', 'jiaocheng']));
  const actorOf = (username: string): Actor | null => {
    const row = actors.find((a) => a.username === username);
    return row ? toActor(row) : null;
  };
  const city = actorOf('ningde');
  const county = actorOf('jiaocheng');
  if (!city || !county) return { plans: 0, measures: 0 };
  const orgRows = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.name, Object.values(departmentNames)));
  const departments = new Map(orgRows.map((o) => [o.name, o.id]));
  const pick = (regionCode: string, n: number) =>
    ctx.db
      .select({ id: projects.id, owner: projects.ownerOrganisationId })
      .from(projects)
      .where(and(eq(projects.regionCode, regionCode), ne(projects.stage, 'dropped')))
      .orderBy(asc(projects.name))
      .limit(n);
  const targets = [
    ...(await pick('350902', 2)).map((p) => ({ ...p, actor: county })),
    ...(await pick('350981', 1)).map((p) => ({ ...p, actor: city })),
    ...(await pick('350982', 1)).map((p) => ({ ...p, actor: city })),
  ];
  const created = addCalendarDays(today, -40);
  let plans = 0;
  let measures = 0;
  for (const [i, target] of targets.entries()) {
    const plan = demoPlans[i % demoPlans.length]!;
    const as = (day: string): Ctx => ({ ...ctx, actor: target.actor, clock: demoClock(at(day), ctx.clock) });
    await saveServicePlan(as(created), target.id, {
      version: null,
      summary: plan.summary,
      lead: target.actor === county ? '蕉城区重点项目建设办公室' : '宁德市重点项目建设办公室',
    });
    plans += 1;
    for (const m of plan.measures) {
      const unit = m.unit === 'owner' ? target.owner : departments.get(departmentNames[m.unit]);
      if (!unit) continue;
      const result = await createMeasure(as(created), target.id, {
        content: m.content,
        responsibleOrganisationId: unit,
        dueOn: addCalendarDays(today, m.dueInDays),
      });
      measures += 1;
      const row = result.measures.find((x) => x.content === m.content)!;
      if (m.status === 'notStarted') continue;
      // Moved on its due date when that has passed, else a week after the plan was made.
      const due = addCalendarDays(today, m.dueInDays);
      const day = due < today ? due : addCalendarDays(created, 7);
      await moveMeasure(as(day), row.id, {
        version: row.version,
        status: m.status,
        completedOn: m.status === 'done' ? day : null,
        note: m.note ?? null,
      });
    }
  }
  return { plans, measures };
}
