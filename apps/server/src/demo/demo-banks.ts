import { type Actor, addCalendarDays, chinaDate, compareDecimals } from '@tuijin/domain';
import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { bankFollowUps, projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { createBank, createBankEvent, updateBankFollowUp } from '../modules/bank-matchmaking';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** 宁德市's bank list: the policy banks first, then the big four, then the joint-stock and local banks. */
const bankList = [
  { key: 'adbc', name: '中国农业发展银行宁德市分行', shortName: '农发行', level: 'city' as const },
  { key: 'cdb', name: '国家开发银行福建省分行', shortName: '国开行', level: 'provincial' as const },
  { key: 'ccb', name: '中国建设银行宁德分行', shortName: '建设银行', level: 'city' as const },
  { key: 'abc', name: '中国农业银行宁德分行', shortName: '农业银行', level: 'city' as const },
  { key: 'cib', name: '兴业银行宁德分行', shortName: '兴业银行', level: 'city' as const },
  { key: 'rcb', name: '福建宁德农村商业银行', shortName: '宁德农商行', level: 'local' as const },
];
type BankKey = (typeof bankList)[number]['key'];

/**
 * The year's 政银企对接会: the city's, with the banks invited and who each pushed project goes to,
 * and one of 蕉城区 for its own projects. Days are the year's; none after today is held.
 */
const events: { monthDay: string; title: string; venue: string; county?: boolean; banks: BankKey[] }[] = [
  {
    monthDay: '02-26',
    title: '一季度重点项目政银企对接会',
    venue: '宁德市行政服务中心',
    banks: ['adbc', 'cdb', 'ccb', 'abc', 'cib', 'rcb'],
  },
  {
    monthDay: '04-17',
    title: '基础设施项目政策性金融对接会',
    venue: '宁德市发展和改革委员会',
    banks: ['adbc', 'cdb', 'ccb'],
  },
  {
    monthDay: '06-19',
    title: '蕉城区重点项目银企对接会',
    venue: '蕉城区政务服务中心',
    county: true,
    banks: ['abc', 'cib', 'rcb'],
  },
  {
    monthDay: '09-11',
    title: '新能源新材料产业链银企对接会',
    venue: '宁德时代新能源科技园区',
    banks: ['cdb', 'ccb', 'abc', 'cib'],
  },
  {
    monthDay: '11-20',
    title: '五赛五拼冬季攻坚政银企对接会',
    venue: '宁德市行政服务中心',
    banks: ['adbc', 'cdb', 'ccb', 'abc', 'cib', 'rcb'],
  },
];

const purposes = ['项目建设贷款', '固定资产贷款', '设备购置', '流动资金', '银团贷款'];

/** 万元 rounded down to a hundred: a financing need or a credit line as offices write them. */
const hundreds = (wan: number) => String(Math.max(100, Math.floor(wan / 100) * 100));

async function actorOf(ctx: Ctx, username: string): Promise<Actor | null> {
  const [row] = await actorSource(ctx.db).where(eq(users.username, username));
  return row ? toActor(row) : null;
}

/**
 * 政银企对接 in the demo, through the use cases (audit written) on the days they happened: the
 * city's bank list; the year's meetings held by today (four of the city, one of 蕉城区 for its own
 * projects), each pushing four to five projects — about twenty in all, a few pushed twice — to one
 * to three of the attending banks, with credit signed on the spot for most pairs; then, a month
 * after each meeting (if that day has come), every pair moved on by a fixed pattern: disbursed (60%
 * of the credit, some rolled over after two months), credit granted, in talks, not successful
 * (资本金未到位), or left pushed.
 */
export async function loadDemoBanks(ctx: Ctx): Promise<{ banks: number; events: number }> {
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const city = await actorOf(ctx, 'ningde');
  const county = await actorOf(ctx, 'jiaocheng');
  if (!city || !county) return { banks: 0, events: 0 };
  const as = (actor: Actor, day: string): Ctx => ({ ...ctx, actor, clock: demoClock(at(day), ctx.clock) });
  const listDay = `${year}-02-20`;
  if (listDay > today) return { banks: 0, events: 0 };

  const bankIds = new Map<BankKey, string>();
  for (const [sortOrder, b] of bankList.entries()) {
    const created = await createBank(as(city, listDay), {
      name: b.name,
      shortName: b.shortName,
      level: b.level,
      sortOrder,
    });
    bankIds.set(b.key, created.id);
  }

  const candidates = await ctx.db
    .select({
      id: projects.id,
      regionCode: projects.regionCode,
      total: projects.totalInvestmentWanYuan,
    })
    .from(projects)
    .where(and(ne(projects.stage, 'dropped'), gte(projects.totalInvestmentWanYuan, '5000')))
    .orderBy(asc(projects.name));
  const own = candidates.filter((p) => p.regionCode === '350902');
  // The city's meetings take projects from every county in turn, not one county's list first.
  const byRegion = new Map<string, typeof candidates>();
  for (const p of candidates)
    if (p.regionCode !== '350902') byRegion.set(p.regionCode, [...(byRegion.get(p.regionCode) ?? []), p]);
  const queues = [...byRegion.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, list]) => list);
  const others: typeof candidates = [];
  for (let round = 0; queues.some((q) => q.length > round); round += 1)
    for (const q of queues) if (q[round]) others.push(q[round]!);

  let held = 0;
  let next = 0;
  let pairIndex = 0;
  for (const [i, e] of events.entries()) {
    const heldOn = `${year}-${e.monthDay}`;
    if (heldOn > today) break;
    const pool = e.county ? own.slice(0, 4) : others.slice(next, next + 4);
    if (!e.county) next += 4;
    // Each city meeting also takes up again one project of the meeting before (a second round).
    const again = !e.county && i > 0 && next > 8 ? [others[next - 8]!] : [];
    const pushed = [...pool, ...again];
    if (pushed.length === 0) continue;
    const pushes = pushed.map((p, k) => {
      const need = Math.min(Number(p.total) * 0.4, 200000);
      const count = 1 + ((i + k) % 3);
      const chosen = [...e.banks.slice((k + i) % e.banks.length), ...e.banks].slice(
        0,
        Math.min(count, e.banks.length),
      );
      return {
        projectId: p.id,
        financingNeedWanYuan: hundreds(need),
        purpose: purposes[(i + k) % purposes.length]!,
        banks: chosen.map((key, j) => ({
          bankId: bankIds.get(key)!,
          // Credit signed on the spot for most pairs: the need shared among its banks.
          signedWanYuan: (k + j) % 4 === 3 ? null : hundreds((need * 0.8) / chosen.length),
        })),
      };
    });
    const actor = e.county ? county : city;
    await createBankEvent(as(actor, heldOn), {
      title: `宁德市${year}年${e.title}`.replace(`宁德市${year}年蕉城区`, `蕉城区${year}年`),
      heldOn,
      venue: e.venue,
      organiser: e.county
        ? '蕉城区发展和改革局、人民银行蕉城支行'
        : '宁德市发展和改革委员会、中国人民银行宁德市分行',
      note: null,
      bankIds: e.banks.map((key) => bankIds.get(key)!),
      pushes,
    });
    held += 1;

    const followDay = addCalendarDays(heldOn, 30);
    if (followDay > today) continue;
    const rows = await ctx.db
      .select()
      .from(bankFollowUps)
      .where(
        and(
          inArray(
            bankFollowUps.projectId,
            pushes.map((p) => p.projectId),
          ),
          eq(bankFollowUps.status, 'pushed'),
        ),
      )
      .orderBy(asc(bankFollowUps.createdAt), asc(bankFollowUps.id));
    for (const row of rows) {
      const push = pushes.find((p) => p.projectId === row.projectId);
      const pair = push?.banks.find((b) => b.bankId === row.bankId);
      if (!push || !pair) continue;
      const credit = pair.signedWanYuan ?? hundreds(Number(push.financingNeedWanYuan) / push.banks.length);
      const pattern = pairIndex % 5;
      pairIndex += 1;
      const office = own.some((p) => p.id === row.projectId) ? county : city;
      const move = async (version: number, body: Record<string, unknown>, day = followDay) =>
        updateBankFollowUp(as(office, day), row.id, {
          status: 'pushed',
          version,
          followedUpOn: day,
          ...body,
        } as Parameters<typeof updateBankFollowUp>[2]);
      if (pattern === 4) continue;
      if (pattern === 3) {
        await move(row.version, {
          status: 'failed',
          failureReason: '项目资本金未到位，银行暂缓授信',
          nextStep: '资本金到位后重新对接',
        });
        continue;
      }
      const talks = await move(
        row.version,
        { status: 'negotiating', nextStep: '银行开展贷前调查' },
        addCalendarDays(heldOn, 10),
      );
      if (pattern === 2) continue;
      const granted = await move(talks.version, {
        status: 'credited',
        creditGrantedWanYuan: credit,
        nextStep: '办理抵押及放款手续',
      });
      if (pattern === 1) continue;
      const loan = hundreds(Number(credit) * 0.6);
      const paid = await move(granted.version, {
        status: 'disbursed',
        creditGrantedWanYuan: credit,
        disbursedWanYuan: loan,
        disbursedOn: followDay,
        nextStep: '按工程进度分批放款',
      });
      const rollDay = addCalendarDays(heldOn, 90);
      if (rollDay <= today && compareDecimals(loan, '1000') > 0 && pairIndex % 2 === 1)
        await move(
          paid.version,
          {
            status: 'disbursed',
            creditGrantedWanYuan: credit,
            disbursedWanYuan: loan,
            disbursedOn: followDay,
            rolledOverWanYuan: hundreds(Number(loan) * 0.5),
            rolledOverOn: rollDay,
            nextStep: '到期贷款已续贷',
          },
          rollDay,
        );
    }
  }
  return { banks: bankIds.size, events: held };
}
