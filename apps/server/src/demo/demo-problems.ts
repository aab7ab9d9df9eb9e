import type { RaiseProblem } from '@tuijin/contracts';
import { type Actor, addCalendarDays, chinaDate, systemActor } from '@tuijin/domain';
import { asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, problems, projects } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { issueProblemLetter, markProblemLetterSent, replyProblemLetter } from '../modules/problem-letters';
import {
  answerProblem,
  applyEscalationPreset,
  confirmProblem,
  createProblemClass,
  createRoutingRule,
  raiseProblem,
  rejectProblem,
  runEscalations,
  sendBackProblem,
  startProblem,
  writeOffProblem,
} from '../modules/problems';
import { demoClock } from './demo-clock';

/** What becomes of a demo problem: left open, started, answered, sent back, confirmed, written off, rejected. */
type Fate = 'open' | 'started' | 'answered' | 'sentBack' | 'confirmed' | 'writtenOff' | 'rejected';

interface DemoProblem {
  /** The county (or the city itself) and which of its projects (by name order); `owner1` takes owner1's. */
  region: string;
  pick: number | 'owner1';
  category: string;
  description: string;
  request: string;
  channel: RaiseProblem['channel'];
  daysAgo: number;
  fate: Fate;
  /** When the fate happened, days ago (default: half-way between raising and today). */
  fateDaysAgo?: number;
}

const p = (
  region: string,
  pick: number | 'owner1',
  category: string,
  description: string,
  request: string,
  channel: RaiseProblem['channel'],
  daysAgo: number,
  fate: Fate,
  fateDaysAgo?: number,
): DemoProblem => ({ region, pick, category, description, request, channel, daysAgo, fate, fateDaysAgo });

/**
 * Forty problems across 蕉城 (no ladder: the county office handles them), 福安 (Luohe's five levels,
 * 审批 routed to 住建局), 福鼎 (Hui'an "321"), 古田 (审批 routed to 住建局, where the letters go) and
 * 屏南 and 霞浦. Older open ones in the laddered counties climb as the job runs.
 */
const demoProblems: DemoProblem[] = [
  p(
    '350902',
    'owner1',
    '水电路气',
    '施工用电 10kV 临时线路接入未批复，塔吊无法启用',
    '请协调供电公司加快临电接入',
    'app',
    4,
    'open',
  ),
  p(
    '350902',
    'owner1',
    '审批',
    '消防设计审查意见未出具，影响施工许可办理',
    '请协调加快消防设计审查',
    'app',
    26,
    'writtenOff',
    10,
  ),
  p(
    '350902',
    0,
    '用地',
    '项目红线内 12 亩林地使用手续未办结',
    '请协调林业部门加快林地报批',
    'meeting',
    30,
    'open',
  ),
  p(
    '350902',
    1,
    '征迁',
    '3 户未签订征迁协议，影响场地平整',
    '请属地乡镇加快征迁谈判',
    'meeting',
    22,
    'answered',
    6,
  ),
  p(
    '350902',
    2,
    '资金',
    '专项债资金拨付滞后，进度款无法支付',
    '请财政部门加快拨付',
    'serviceOfficer',
    18,
    'started',
    12,
  ),
  p('350902', 3, '用工', '钢筋工、木工缺口约 60 人', '请人社部门组织用工对接', 'hotline', 9, 'open'),
  p('350902', 4, '建材', '砂石料价格上涨且供应不足', '请协调本地砂石供应', 'meeting', 40, 'writtenOff', 20),
  p(
    '350902',
    5,
    '环保',
    '环评批复前置条件与规划调整冲突',
    '请生态环境部门明确办理路径',
    'app',
    14,
    'rejected',
    12,
  ),
  p(
    '350981',
    0,
    '审批',
    '施工图审查多次退回，审图意见前后不一致',
    '请住建部门统一审图口径',
    'meeting',
    34,
    'open',
  ),
  p('350981', 1, '审批', '规划许可证变更受理后超期未办', '请加快规划许可变更', 'serviceOfficer', 27, 'open'),
  p('350981', 2, '用地', '用地预审与选址意见书办理缓慢', '请自然资源部门加快预审', 'meeting', 21, 'open'),
  p(
    '350981',
    3,
    '能耗指标',
    '能评所需能耗指标缺口 2 万吨标准煤',
    '请发改部门统筹能耗指标',
    'meeting',
    15,
    'open',
  ),
  p(
    '350981',
    4,
    '水电路气',
    '进场道路未硬化，雨天材料无法运输',
    '请交通部门协调进场道路',
    'hotline',
    8,
    'open',
  ),
  p('350981', 5, '征迁', '坟墓迁移 5 座未完成', '请属地镇政府加快迁坟', 'meeting', 36, 'writtenOff', 14),
  p(
    '350981',
    6,
    '资金',
    '银行授信审批周期长，配套资金未到位',
    '请金融办协调银行加快授信',
    'serviceOfficer',
    24,
    'answered',
    3,
  ),
  p(
    '350981',
    7,
    '审批',
    '施工许可证并联审批中人防意见未出',
    '请协调人防部门出具意见',
    'meeting',
    19,
    'confirmed',
    5,
  ),
  p(
    '350981',
    8,
    '其他',
    '周边村民阻工，要求优先安排本地用工',
    '请属地镇村做好群众工作',
    'hotline',
    12,
    'sentBack',
    4,
  ),
  p('350982', 0, '用地', '围填海项目用海手续未获批', '请协调省级部门加快用海审批', 'meeting', 45, 'open'),
  p('350982', 1, '征迁', '渔排清退补偿标准未明确', '请明确补偿标准并加快清退', 'meeting', 32, 'open'),
  p(
    '350982',
    2,
    '水电路气',
    '码头施工用水管网未接通',
    '请水务公司加快接通管网',
    'serviceOfficer',
    20,
    'open',
  ),
  p('350982', 3, '环保', '海洋环评公示期延长', '请协助加快公示后审批', 'app', 11, 'open'),
  p(
    '350982',
    4,
    '资金',
    '中央预算内资金下达后未拨付到项目',
    '请加快资金拨付',
    'meeting',
    38,
    'writtenOff',
    16,
  ),
  p('350982', 5, '用工', '焊工紧缺，招聘困难', '请协调职业院校定向输送', 'hotline', 6, 'answered', 2),
  p('350982', 6, '建材', '钢材到货延迟两周', '请协调重点物资保供', 'meeting', 16, 'writtenOff', 7),
  p('350922', 0, '审批', '不动产权证办理超期，影响项目融资', '请住建部门加快办理', 'meeting', 24, 'open'),
  p('350922', 1, '审批', '竣工验收备案材料多次补正', '请一次性告知补正材料', 'serviceOfficer', 21, 'open'),
  p('350922', 2, '用地', '土地出让金分期缴纳申请未批复', '请自然资源部门明确分期方案', 'meeting', 17, 'open'),
  p('350922', 3, '水电路气', '天然气管道接入方案未确定', '请燃气公司明确接入方案', 'hotline', 5, 'open'),
  p(
    '350922',
    4,
    '审批',
    '施工许可办理中质量监督手续未完成',
    '请住建部门加快质监手续',
    'meeting',
    28,
    'writtenOff',
    12,
  ),
  p(
    '350922',
    5,
    '资金',
    '专项债项目收益平衡方案需调整',
    '请发改、财政部门指导调整',
    'meeting',
    13,
    'answered',
    4,
  ),
  p('350922', 6, '其他', '项目名称与备案不一致需变更', '请协助办理备案变更', 'app', 10, 'confirmed', 3),
  p('350923', 0, '用地', '跨县区用地指标调剂未落实', '请市自然资源局统筹调剂', 'meeting', 29, 'open'),
  p('350923', 1, '审批', '市级立项核准材料要件不齐', '请明确容缺受理事项', 'meeting', 12, 'started', 8),
  p('350923', 2, '能耗指标', '新增能耗指标未纳入市级统筹', '请市发改委纳入统筹', 'serviceOfficer', 7, 'open'),
  p('350923', 3, '征迁', '安置房建设滞后影响征迁进度', '请加快安置房建设', 'meeting', 35, 'writtenOff', 15),
  p('350923', 4, '水电路气', '园区污水管网未配套', '请加快配套管网建设', 'hotline', 23, 'answered', 9),
  p('350923', 5, '资金', '政府投资项目进度款拨付比例低', '请提高拨付比例', 'meeting', 3, 'open'),
  p('350921', 0, '用地', '海域使用权证与土地证衔接问题', '请明确衔接办理路径', 'meeting', 19, 'open'),
  p(
    '350921',
    1,
    '环保',
    '排污许可证申领条件不明确',
    '请生态环境部门明确条件',
    'meeting',
    25,
    'writtenOff',
    11,
  ),
  p('350921', 2, '用工', '高峰期用工缺口 120 人', '请协调劳务输入', 'hotline', 10, 'open'),
];

/** 09:00 (or another hour) Beijing time on a China date. */
const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * Loads the demo problems through the problem use cases with the clock set to when each step
 * happened: ladders (福安 Luohe, 福鼎 Hui'an "321") and routing rules first; then, in time order,
 * each raise, its fate (start, answer, send back, confirm, write off, reject) and the escalation job
 * every other morning, so older open problems climb their ladders as they would have; one class of
 * linked 用地 problems; two supervision letters on overdue problems in 古田, one replied.
 */
export async function loadDemoProblems(ctx: Ctx): Promise<{ problems: number; letters: number }> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const dayOf = (daysAgo: number) => addCalendarDays(today, -daysAgo);
  const accounts = new Map(
    (await actorSource(ctx.db).where(inArray(organisations.kind, ['office', 'department', 'owner']))).map(
      (row) => [row.username, toActor(row)],
    ),
  );
  const person = (username: string): Actor => accounts.get(username) ?? systemActor;
  const city = person('ningde');
  const handlerActors = new Map<string, Actor>();
  for (const username of ['jiaocheng', 'fuan', 'ningde', 'zhujian']) {
    const actor = accounts.get(username);
    if (actor) handlerActors.set(actor.organisationId, actor);
  }
  const as = (actor: Actor, when: Date): Ctx => ({ ...ctx, actor, clock: demoClock(when, ctx.clock) });

  const [housing] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '宁德市住房和城乡建设局'));
  const start = at(dayOf(Math.max(...demoProblems.map((d) => d.daysAgo)) + 1), 8);
  const setup = as(city, start);
  await applyEscalationPreset(setup, '350981', { preset: 'luohe', version: null });
  await applyEscalationPreset(setup, '350982', { preset: 'huian321', version: null });
  if (housing)
    for (const regionCode of ['350981', '350922'])
      await createRoutingRule(setup, {
        regionCode,
        category: '审批',
        departmentId: housing.id,
        limitWorkingDays: 5,
      });

  const library = await ctx.db
    .select({
      id: projects.id,
      regionCode: projects.regionCode,
      ownerOrganisationId: projects.ownerOrganisationId,
    })
    .from(projects)
    .where(ne(projects.stage, 'dropped'))
    .orderBy(asc(projects.regionCode), asc(projects.name));
  const owner1 = accounts.get('owner1');
  const projectFor = (d: DemoProblem) => {
    if (d.pick === 'owner1') {
      const own = library.filter((row) => row.ownerOrganisationId === owner1?.organisationId);
      return own[demoProblems.filter((x) => x.pick === 'owner1').indexOf(d) % Math.max(1, own.length)];
    }
    const inRegion = library.filter((row) => row.regionCode === d.region);
    return inRegion.length > 0 ? inRegion[d.pick % inRegion.length] : undefined;
  };

  const steps: { at: Date; order: number; run: () => Promise<void> }[] = [];
  const ids = new Map<DemoProblem, string>();
  const versionOf = async (id: string) => {
    const [row] = await ctx.db
      .select({ version: problems.version, handler: problems.handlerOrganisationId })
      .from(problems)
      .where(eq(problems.id, id));
    return row!;
  };
  for (const d of demoProblems) {
    const project = projectFor(d);
    if (!project) continue;
    const raiser = d.pick === 'owner1' && owner1 ? owner1 : city;
    steps.push({
      at: at(dayOf(d.daysAgo)),
      order: 0,
      run: async () => {
        const id = await raiseProblem(as(raiser, at(dayOf(d.daysAgo))), {
          projectId: project.id,
          category: d.category,
          description: d.description,
          request: d.request,
          channel: d.pick === 'owner1' ? 'app' : d.channel === 'app' ? 'meeting' : d.channel,
          callerName: d.channel === 'hotline' ? '项目现场负责人' : null,
          callerPhone: d.channel === 'hotline' ? '0593-2863456' : null,
        });
        ids.set(d, id);
      },
    });
    if (d.fate === 'open') continue;
    const fateDay = dayOf(d.fateDaysAgo ?? Math.max(1, Math.floor(d.daysAgo / 2)));
    steps.push({
      at: at(fateDay, 15),
      order: 1,
      run: async () => {
        const id = ids.get(d)!;
        const step = async (
          hour: number,
          move: (c: Ctx, version: number) => Promise<unknown>,
          who?: Actor,
        ) => {
          const current = await versionOf(id);
          const actor = who ?? handlerActors.get(current.handler ?? '') ?? systemActor;
          await move(as(actor, at(fateDay, hour)), current.version);
        };
        if (d.fate === 'rejected') {
          await step(
            15,
            (c, version) => rejectProblem(c, id, { version, reason: '属于项目单位自身事项，不作为问题受理' }),
            city,
          );
          return;
        }
        await step(14, (c, version) => startProblem(c, id, { version, note: null }));
        if (d.fate === 'started') return;
        await step(15, (c, version) =>
          answerProblem(c, id, { version, answer: `已协调解决：${d.request.replace(/^请/, '')}` }),
        );
        if (d.fate === 'answered') return;
        if (d.fate === 'sentBack') {
          await step(
            16,
            (c, version) => sendBackProblem(c, id, { version, reason: '问题仍未解决，现场仍在阻工' }),
            raiser,
          );
          return;
        }
        await step(16, (c, version) => confirmProblem(c, id, { version, note: '满意' }), raiser);
        if (d.fate === 'writtenOff')
          await step(17, (c, version) => writeOffProblem(c, id, { version, note: null }), city);
      },
    });
  }
  const oldest = Math.max(...demoProblems.map((d) => d.daysAgo));
  for (let daysAgo = oldest - 1; daysAgo >= 0; daysAgo -= 2) {
    const when = at(dayOf(daysAgo), 8);
    if (when > now) continue;
    steps.push({ at: when, order: 2, run: async () => void (await runEscalations(ctx, when)) });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const step of steps) await step.run();

  // 解决一个、打通一类: the open 用地 problems of three counties, linked by the city office.
  const landIds = demoProblems
    .filter((d) => d.category === '用地' && d.fate === 'open' && d.region !== '350923')
    .map((d) => ids.get(d))
    .filter((id): id is string => id !== undefined)
    .slice(0, 3);
  if (landIds.length >= 2)
    await createProblemClass(as(city, at(dayOf(2), 10)), {
      name: '跨部门用地报批类问题',
      problemIds: landIds,
    });

  // Two letters on overdue 审批 problems in 古田, routed to 住建局: one replied, one waiting.
  let letters = 0;
  const zhujian = accounts.get('zhujian');
  const overdue = demoProblems
    .filter((d) => d.region === '350922' && d.category === '审批' && d.fate === 'open')
    .map((d) => ids.get(d))
    .filter((id): id is string => id !== undefined);
  for (const [index, problemId] of overdue.slice(0, 2).entries()) {
    const issuedOn = dayOf(3 - index);
    const letter = await issueProblemLetter(as(city, at(issuedOn, 10)), problemId, {
      kind: index === 0 ? 'supervision' : 'reminder',
      demandedAction:
        index === 0 ? '请即刻组织专题会研究，明确办理时限并书面回复' : '请加快办理并将进展书面回复市重点办',
      replyWorkingDays: 5,
    });
    await markProblemLetterSent(as(city, at(issuedOn, 11)), problemId, letter.id, { version: 0 });
    if (index === 0 && zhujian)
      await replyProblemLetter(as(zhujian, at(dayOf(1), 16)), problemId, letter.id, {
        version: 1,
        reply: '已召开专题会，明确于 5 个工作日内办结，办理进展每周报送市重点办',
      });
    letters += 1;
  }
  return { problems: ids.size, letters };
}
