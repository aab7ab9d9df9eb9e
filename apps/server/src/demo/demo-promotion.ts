import { type Actor, addCalendarDays, chinaDate, daysFrom, defaultPromotionStages } from '@tuijin/domain';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  createPromotionLead,
  dropPromotionLead,
  linkPromotionLead,
  movePromotionLead,
} from '../modules/promotion';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** A lead of the demo: what it is, where, how much (万元), how many stages it reached, why dropped. */
interface DemoLead {
  name: string;
  investor: string;
  origin: string;
  industry: string | null;
  region: string;
  amount: string;
  reached: number;
  dropReason?: string;
}

/** 宁德's 2026 pipeline: lithium batteries, stainless steel, copper, cars, the sea, tea, energy, tourism. */
const demoLeads: DemoLead[] = [
  {
    name: '动力电池结构件生产基地',
    investor: '深圳瑞丰精密科技有限公司',
    origin: '广东深圳',
    industry: '锂电池',
    region: '350902',
    amount: '150000',
    reached: 6,
  },
  {
    name: '锂电池隔膜材料项目',
    investor: '上海恩达新材料股份有限公司',
    origin: '上海',
    industry: '锂电池',
    region: '350902',
    amount: '220000',
    reached: 5,
  },
  {
    name: '正极材料前驱体项目',
    investor: '湖南中伟新能源材料有限公司',
    origin: '湖南长沙',
    industry: '新材料',
    region: '350981',
    amount: '300000',
    reached: 4,
  },
  {
    name: '高端不锈钢精密带钢项目',
    investor: '浙江甬金精密金属有限公司',
    origin: '浙江宁波',
    industry: '不锈钢',
    region: '350981',
    amount: '86000',
    reached: 4,
  },
  {
    name: '不锈钢厨具制品产业园',
    investor: '广东潮州金鼎实业有限公司',
    origin: '广东潮州',
    industry: '不锈钢',
    region: '350981',
    amount: '32000',
    reached: 3,
  },
  {
    name: '铜箔新材料项目',
    investor: '江西铜盛新材料有限公司',
    origin: '江西鹰潭',
    industry: '铜材料',
    region: '350902',
    amount: '120000',
    reached: 3,
  },
  {
    name: '新能源汽车电机壳体项目',
    investor: '宁波华腾压铸有限公司',
    origin: '浙江宁波',
    industry: '汽车',
    region: '350900-DQ',
    amount: '45000',
    reached: 4,
  },
  {
    name: '储能系统集成项目',
    investor: '北京睿能储能科技有限公司',
    origin: '北京',
    industry: '锂电池',
    region: '350900-DQ',
    amount: '80000',
    reached: 2,
  },
  {
    name: '大黄鱼精深加工项目',
    investor: '福州海之鲜食品有限公司',
    origin: '福建福州',
    industry: '食品加工',
    region: '350921',
    amount: '18000',
    reached: 5,
  },
  {
    name: '海带海藻生物制品项目',
    investor: '青岛蓝海生物科技有限公司',
    origin: '山东青岛',
    industry: '海洋生物',
    region: '350921',
    amount: '25000',
    reached: 2,
  },
  {
    name: '滨海康养旅游度假区',
    investor: '香港嘉和置业有限公司',
    origin: '香港',
    industry: '文旅',
    region: '350921',
    amount: '60000',
    reached: 1,
  },
  {
    name: '食用菌精深加工项目',
    investor: '上海丰谷食品有限公司',
    origin: '上海',
    industry: '食品加工',
    region: '350922',
    amount: '15000',
    reached: 4,
  },
  {
    name: '银耳产业园',
    investor: '福建古田菌业集团有限公司',
    origin: '福建福州',
    industry: '农业',
    region: '350922',
    amount: '22000',
    reached: 3,
  },
  {
    name: '水电站增效扩容项目',
    investor: '浙江华源能源有限公司',
    origin: '浙江杭州',
    industry: '能源',
    region: '350923',
    amount: '12000',
    reached: 2,
  },
  {
    name: '高山茶旅融合项目',
    investor: '台湾茗香茶业股份有限公司',
    origin: '台湾',
    industry: '文旅',
    region: '350923',
    amount: '8000',
    reached: 1,
  },
  {
    name: '抽水蓄能电站配套产业园',
    investor: '中电建华东投资有限公司',
    origin: '浙江杭州',
    industry: '能源',
    region: '350924',
    amount: '90000',
    reached: 1,
  },
  {
    name: '廊桥文旅综合体',
    investor: '江苏文投旅游发展有限公司',
    origin: '江苏南京',
    industry: '文旅',
    region: '350924',
    amount: '16000',
    reached: 2,
  },
  {
    name: '电机电器产业园',
    investor: '浙江卧龙电气集团有限公司',
    origin: '浙江绍兴',
    industry: '电机电器',
    region: '350925',
    amount: '40000',
    reached: 3,
  },
  {
    name: '中药材种植加工项目',
    investor: '广州康力药业有限公司',
    origin: '广东广州',
    industry: '医药',
    region: '350926',
    amount: '12000',
    reached: 2,
  },
  {
    name: '太子参饮片生产线',
    investor: '安徽亳州本草堂药业有限公司',
    origin: '安徽亳州',
    industry: '医药',
    region: '350926',
    amount: '6000',
    reached: 6,
  },
  {
    name: '福鼎白茶精深加工园',
    investor: '厦门茶源投资有限公司',
    origin: '福建厦门',
    industry: '茶产业',
    region: '350982',
    amount: '28000',
    reached: 5,
  },
  {
    name: '海上风电运维基地',
    investor: '上海东海风电发展有限公司',
    origin: '上海',
    industry: '能源',
    region: '350982',
    amount: '75000',
    reached: 3,
  },
  {
    name: '临港LNG冷能利用项目',
    investor: '新加坡立源能源私人有限公司',
    origin: '新加坡',
    industry: '能源',
    region: '350982',
    amount: '110000',
    reached: 1,
  },
  {
    name: '锂电池回收利用项目',
    investor: '广东邦泰循环科技有限公司',
    origin: '广东佛山',
    industry: '锂电池',
    region: '350902',
    amount: '65000',
    reached: 2,
  },
  {
    name: '汽车内饰件项目',
    investor: '德国博瑞汽车部件有限公司',
    origin: '德国',
    industry: '汽车',
    region: '350900-DQ',
    amount: '35000',
    reached: 2,
    dropReason: '投资方全球战略调整，暂缓在华新增产能',
  },
  {
    name: '海参养殖加工项目',
    investor: '大连海宝水产有限公司',
    origin: '辽宁大连',
    industry: '海洋生物',
    region: '350921',
    amount: '9000',
    reached: 1,
    dropReason: '用海指标未落实，投资方撤回意向',
  },
];

/** How many library projects tagged 招商引资 the demo links to a signed lead (关联已有项目). */
const linkedProjects = 5;

/**
 * 招商引资 in the demo, through the promotion use cases (audit written), as the city office on the
 * days things happened in the year of the clock given: 26 leads across the counties on the standard
 * ladder 洽谈 → 签约 → 注册 → 开工 → 投产 → 达产, every stage occupied (two dropped with their reason),
 * dated at even steps of the year so far; promised dates set from the signing (注册 +30 days, 开工
 * +90, 投产 +300), so some are overdue; and 5 signed leads linked to library projects tagged
 * 招商引资 — those whose project really started count as 开工 from its actual start. No new library
 * project is created here (转入项目库 is tested on its own), so the demo's 150 projects stay.
 */
export async function loadDemoPromotion(ctx: Ctx): Promise<{ leads: number; linked: number }> {
  const today = chinaDate(ctx.clock.now());
  const jan1 = `${today.slice(0, 4)}-01-01`;
  const span = Math.max(daysFrom(jan1, today), 0);
  const [cityRow] = await actorSource(ctx.db).where(eq(users.username, 'ningde'));
  if (!cityRow) return { leads: 0, linked: 0 };
  const city: Actor = toActor(cityRow);
  const as = (day: string): Ctx => ({ ...ctx, actor: city, clock: demoClock(at(day), ctx.clock) });
  const [commerce] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '宁德市商务局'));
  const stages = defaultPromotionStages;
  /** The day at a share of the year so far, never after today. */
  const dayAt = (share: number) => addCalendarDays(jan1, Math.min(span, Math.floor(share * span)));

  async function build(
    lead: Omit<DemoLead, 'dropReason'>,
    i: number,
    entries: string[],
  ): Promise<{ id: string; version: number }> {
    const signedOn = entries[1];
    const promise = (days: number) => (signedOn ? addCalendarDays(signedOn, days) : null);
    let view = await createPromotionLead(as(entries[0]!), {
      name: lead.name,
      investorName: lead.investor,
      investorOrigin: lead.origin,
      industry: lead.industry,
      regionCode: lead.region,
      contractWanYuan: lead.amount,
      promisedRegistrationOn: promise(30),
      promisedStartOn: promise(90 + (i % 3) * 15),
      promisedProductionOn: promise(300),
      responsibleOrganisationId: commerce?.id ?? null,
      note: null,
      stage: stages[0]!.key,
      stageOn: entries[0]!,
    });
    for (const [k, on] of entries.entries()) {
      if (k === 0) continue;
      view = await movePromotionLead(as(on), view.id, { version: view.version, stage: stages[k]!.key, on });
    }
    return view;
  }

  /** Entry days of `reached` stages for lead `i`: starting early in the year, even steps to ~92 %. */
  const entriesOf = (i: number, reached: number) => {
    const start = 0.02 + (i % 6) * 0.03;
    const step = ((0.92 - start) / 5) * (0.85 + (i % 3) * 0.075);
    return Array.from({ length: reached }, (_, k) => dayAt(start + step * k));
  };

  let leads = 0;
  for (const [i, lead] of demoLeads.entries()) {
    const entries = entriesOf(i, lead.reached);
    const view = await build(lead, i, entries);
    leads += 1;
    if (lead.dropReason) {
      const on = [addCalendarDays(entries.at(-1)!, 12), today].sort()[0]!;
      await dropPromotionLead(as(on), view.id, { version: view.version, reason: lead.dropReason, on });
    }
  }

  // Library projects that came from promotion (tag 招商引资), one per county where there are several.
  const tagged = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      total: projects.totalInvestmentWanYuan,
      actualStartOn: projects.actualStartOn,
      owner: organisations.name,
      industry: projects.industry,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(
      and(
        sql`${'招商引资'} = any(${projects.tags})`,
        ne(projects.stage, 'dropped'),
        sql`(${projects.actualStartOn} is null or ${projects.actualStartOn} >= ${jan1})`,
      ),
    )
    .orderBy(asc(projects.regionCode), asc(projects.name));
  const picked: typeof tagged = [];
  for (const project of tagged) {
    if (picked.length >= linkedProjects) break;
    if (!picked.some((p) => p.regionCode === project.regionCode)) picked.push(project);
  }
  let linked = 0;
  for (const [j, project] of picked.entries()) {
    const i = demoLeads.length + j;
    // Signed before the project started (it was signed to be built), registered when it can be.
    const signed = dayAt(0.05 + 0.04 * j);
    const startBound =
      project.actualStartOn && project.actualStartOn < signed ? project.actualStartOn : signed;
    const entries = [
      addCalendarDays(startBound, -20) < jan1 ? jan1 : addCalendarDays(startBound, -20),
      startBound,
    ];
    const view = await build(
      {
        name: project.name,
        investor: project.owner,
        origin: '福建宁德',
        industry: project.industry,
        region: project.regionCode,
        amount: project.total,
        reached: 2,
      },
      i,
      entries,
    );
    await linkPromotionLead(as(startBound), view.id, { version: view.version, projectId: project.id });
    linked += 1;
  }
  return { leads: leads + linked, linked };
}
