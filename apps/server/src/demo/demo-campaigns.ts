import {
  type Actor,
  campaignPresets,
  chinaDate,
  compareDecimals,
  type EventKind,
  type EventLevel,
  lastDayOfMonth,
} from '@tuijin/domain';
import { and, asc, eq, gte, isNotNull, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { createCampaign, createCampaignEvent } from '../modules/campaigns';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T09:30:00+08:00`);
const pad = (n: number) => String(n).padStart(2, '0');

/** The demo's campaigns, one a quarter (Hui'an's 一季一攻坚), with their targets. */
const quarters = campaignPresets.map((name, i) => ({
  name,
  firstMonth: 1 + 3 * i,
  targetCompletionProjects: [2, 2, 3, 3][i]!,
}));

/**
 * The targets an office sets a campaign at its start, as the demo gives them: a little above what
 * the quarter's ceremony then brings (two more starts, the investment one tenth higher, in whole 亿元),
 * so the bars read 80–95 % as real ones do — not far above or below.
 */
function startTargets(projects: readonly { total: string }[]) {
  const investment = projects.reduce((sum, p) => sum + Number(p.total), 0);
  return {
    targetStartProjects: projects.length + 2,
    targetStartInvestmentWanYuan: String(Math.max(1, Math.ceil((investment * 1.1) / 10_000)) * 10_000),
  };
}

const venues: Record<number, { main: string; sub: string[] }> = {
  0: { main: '宁德时代新能源科技园区', sub: ['福安市湾坞工贸集中区', '福鼎市文渡工业园区'] },
  1: { main: '三都澳临港经济区', sub: ['古田县城东工业园区'] },
  2: { main: '东侨经济技术开发区', sub: ['霞浦县溪南工业区', '寿宁县南阳工业园区'] },
  3: { main: '蕉城区七都工业园区', sub: ['周宁县狮城工业园区'] },
};

async function actorOf(ctx: Ctx, username: string): Promise<Actor | null> {
  const [row] = await actorSource(ctx.db).where(eq(users.username, username));
  return row ? toActor(row) : null;
}

/**
 * 攻坚行动与集中开竣工 in the demo, through the campaigns use cases (audit written) as the city
 * office on the days they happened: a campaign per quarter of the year begun by today (开门红, 服务季,
 * 落地大比拼, 五赛五拼冬季攻坚, targets set), and in each the ceremony on the day most of the quarter's
 * projects really started (the demo's projects start on the 8th): those projects as 开工 with their
 * total investment. The first is a provincial 集中开竣工 that also has two projects under
 * construction since before this year and due to complete in it as 竣工, and one planned start
 * that has not happened (shown 未开工); 蕉城 holds a county ceremony of its own outside any campaign
 * (one project counting its first phase only). Nothing dated after today.
 */
export async function loadDemoCampaigns(ctx: Ctx): Promise<{ campaigns: number; events: number }> {
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const city = await actorOf(ctx, 'ningde');
  const county = await actorOf(ctx, 'jiaocheng');
  if (!city || !county) return { campaigns: 0, events: 0 };
  const as = (actor: Actor, day: string): Ctx => ({ ...ctx, actor, clock: demoClock(at(day), ctx.clock) });
  const started = await ctx.db
    .select({
      id: projects.id,
      regionCode: projects.regionCode,
      startOn: projects.actualStartOn,
      total: projects.totalInvestmentWanYuan,
    })
    .from(projects)
    .where(
      and(
        isNotNull(projects.actualStartOn),
        gte(projects.actualStartOn, `${year}-01-01`),
        lte(projects.actualStartOn, today),
        ne(projects.stage, 'dropped'),
      ),
    )
    .orderBy(asc(projects.actualStartOn), asc(projects.name));
  const completing = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        lt(projects.actualStartOn, `${year}-01-01`),
        isNull(projects.actualCompletionOn),
        eq(projects.endYear, year),
        ne(projects.stage, 'dropped'),
      ),
    )
    .orderBy(asc(projects.name))
    .limit(2);
  const [notYet] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNull(projects.actualStartOn), eq(projects.stage, 'preparing'), eq(projects.startYear, year)))
    .orderBy(asc(projects.name))
    .limit(1);

  /** The day of the quarter (≤ today) on which most of its projects started, and those projects. */
  const ceremonyOf = (rows: typeof started, firstMonth: number) => {
    const from = `${year}-${pad(firstMonth)}-01`;
    const to = lastDayOfMonth(year, firstMonth + 2);
    const inQuarter = rows.filter((p) => p.startOn! >= from && p.startOn! <= to);
    const byDay = new Map<string, typeof started>();
    for (const p of inQuarter) byDay.set(p.startOn!, [...(byDay.get(p.startOn!) ?? []), p]);
    const best = [...byDay.entries()].sort(
      (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
    )[0];
    return best ? { day: best[0], projects: best[1].slice(0, 8) } : null;
  };

  let campaigns = 0;
  let events = 0;
  for (const [i, q] of quarters.entries()) {
    const startsOn = `${year}-${pad(q.firstMonth)}-01`;
    if (startsOn > today) break;
    const ceremony = ceremonyOf(started, q.firstMonth);
    const first = i === 0;
    const campaign = await createCampaign(as(city, startsOn), {
      name: q.name,
      startsOn,
      endsOn: lastDayOfMonth(year, q.firstMonth + 2),
      ...startTargets(ceremony?.projects ?? []),
      targetCompletionProjects: q.targetCompletionProjects,
      note: '一季一攻坚，以月保季、以季保年',
    });
    campaigns += 1;
    if (!ceremony) continue;
    const kind: EventKind = first ? 'startAndCompletion' : 'start';
    const level: EventLevel = first ? 'provincial' : 'city';
    const starts = ceremony.projects.map((p) => ({
      projectId: p.id,
      role: 'start' as const,
      investmentWanYuan: null,
    }));
    const extra = first
      ? [
          ...(notYet ? [{ projectId: notYet.id, role: 'start' as const, investmentWanYuan: null }] : []),
          ...completing.map((p) => ({
            projectId: p.id,
            role: 'completion' as const,
            investmentWanYuan: null,
          })),
        ]
      : [];
    await createCampaignEvent(as(city, ceremony.day), {
      campaignId: campaign.id,
      name: `宁德市${year}年${q.name}重点项目${first ? '集中开竣工' : '集中开工'}活动`,
      heldOn: ceremony.day,
      kind,
      level,
      mainVenue: venues[i]!.main,
      subVenues: venues[i]!.sub,
      note: null,
      participants: [...starts, ...extra],
    });
    events += 1;
  }

  // 蕉城's own county ceremony, outside any campaign, on the latest day its projects started.
  const jiaocheng = started.filter((p) => p.regionCode === '350902');
  const lastDay = jiaocheng.at(-1)?.startOn;
  if (lastDay) {
    const own = jiaocheng.filter((p) => p.startOn === lastDay);
    await createCampaignEvent(as(county, lastDay), {
      campaignId: null,
      name: `蕉城区${Number(lastDay.slice(5, 7))}月重点项目集中开工仪式`,
      heldOn: lastDay,
      kind: 'start',
      level: 'county',
      mainVenue: '蕉城区漳湾镇',
      subVenues: [],
      note: null,
      participants: own.map((p, k) => ({
        projectId: p.id,
        role: 'start' as const,
        // The first one counts its first phase only (20000 万元), when its total is larger.
        investmentWanYuan: k === 0 && compareDecimals(p.total, '20000') > 0 ? '20000' : null,
      })),
    });
    events += 1;
  }
  return { campaigns, events };
}
