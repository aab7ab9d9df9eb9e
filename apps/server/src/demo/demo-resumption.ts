import { type Actor, addCalendarDays, chinaDate } from '@tuijin/domain';
import { and, asc, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, projects } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  acceptStoppage,
  createZone,
  fileStoppage,
  includeInWhitelist,
  recordStoppage,
  removeFromWhitelist,
  resumeStoppage,
  saveResumptionSettings,
} from '../modules/resumption';
import { demoClock } from './demo-clock';

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** 春节 (Spring Festival day) by year; the season's stoppages begin a few days before it. */
const springFestival: Record<number, string> = {
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
};

/** Ningde's three zones (宁德 分区推进复工, DOMAIN.md): members and target day (MM-DD). */
export const demoZones = [
  { name: '加速推进区', regionCodes: ['350923', '350924', '350926'], target: '02-28', sortOrder: 1 },
  {
    name: '重点推进区',
    regionCodes: ['350902', '350921', '350981', '350982', '350900-DQ'],
    target: '03-05',
    sortOrder: 2,
  },
  { name: '提速推进区', regionCodes: ['350922', '350925'], target: '03-15', sortOrder: 3 },
] as const;

/** Stoppages recorded per region at most, to keep the demo quick. */
const perRegion = 3;

/**
 * The season the demo's stoppages fall in: this year's Spring Festival once its zones' last target
 * date (mid March) has passed, else last year's (so every zone can be judged against its date).
 */
export function demoSeasonYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today > `${year}-03-20` ? year : year - 1;
}

/**
 * 复工复产 in the demo, through the resumption use cases (audit written), each step as its office on
 * its day: the city office sets Ningde's three zones with this season's target dates; 蕉城 requires
 * an inspection group's acceptance before resuming (as 东辽 did); up to three projects under
 * construction per county stop for the Spring Festival and resume so that 加速推进区 and 提速推进区
 * meet their dates and 重点推进区 does not (one project of 福安 resumes four days late, one of 蕉城
 * is still awaiting acceptance); a dozen projects go on the 省级 and 市级 whitelists, one removed.
 */
export async function loadDemoResumption(ctx: Ctx) {
  const today = chinaDate(ctx.clock.now());
  const year = demoSeasonYear(today);
  const festival = `${year}-${springFestival[year] ?? '02-01'}`;
  const accounts = new Map(
    (await actorSource(ctx.db).where(eq(organisations.kind, 'office'))).map((row) => [
      row.username,
      toActor(row),
    ]),
  );
  const city = accounts.get('ningde');
  if (!city) return { zones: 0, stoppages: 0, whitelisted: 0 };
  const officeFor = (regionCode: string): Actor =>
    (regionCode === '350902' && accounts.get('jiaocheng')) ||
    (regionCode === '350981' && accounts.get('fuan')) ||
    city;
  const as = (actor: Actor, day: string, hour = 10): Ctx => ({
    ...ctx,
    actor,
    clock: demoClock(at(day, hour), ctx.clock),
  });

  const zoneDay = `${year}-01-06`;
  for (const zone of demoZones)
    await createZone(as(city, zoneDay), {
      name: zone.name,
      goal: '全面复工',
      targetOn: `${year}-${zone.target}`,
      regionCodes: [...zone.regionCodes],
      sortOrder: zone.sortOrder,
    });
  const jiaocheng = accounts.get('jiaocheng');
  if (jiaocheng)
    await saveResumptionSettings(as(jiaocheng, zoneDay), {
      acceptanceRequired: true,
      inspectionGroup: '蕉城区复工复产验收检查组（应急、住建、卫健、市场监管）',
      version: 0,
    });

  const stopBy = addCalendarDays(festival, -6);
  const candidates = await ctx.db
    .select({ id: projects.id, regionCode: projects.regionCode, name: projects.name })
    .from(projects)
    .where(
      and(
        isNotNull(projects.actualStartOn),
        lt(projects.actualStartOn, stopBy),
        isNull(projects.actualCompletionOn),
      ),
    )
    .orderBy(asc(projects.regionCode), desc(projects.totalInvestmentWanYuan), asc(projects.name));
  let stoppages = 0;
  for (const [z, zone] of demoZones.entries()) {
    const target = `${year}-${zone.target}`;
    let late = z === 1;
    let awaiting = z === 1;
    for (const regionCode of zone.regionCodes) {
      const mine = candidates.filter((p) => p.regionCode === regionCode).slice(0, perRegion);
      for (const [i, project] of mine.entries()) {
        const office = officeFor(regionCode);
        const stoppedOn = addCalendarDays(festival, -2 - ((i + stoppages) % 5));
        const stoppage = await recordStoppage(as(office, stoppedOn, 17), project.id, {
          stoppedOn,
          reasonCategory: 'springFestival',
          reason: '春节假期停工，工人返乡过年',
          expectedResumeOn: addCalendarDays(target, -3),
        });
        stoppages += 1;
        let version = stoppage.version;
        if (z === 0 || i === 0) {
          const filed = await fileStoppage(as(office, addCalendarDays(stoppedOn, 1)), stoppage.id, {
            version,
            filedOn: addCalendarDays(stoppedOn, 1),
          });
          version = filed.version;
        }
        // 重点推进区: 福安's first project resumes four days after the zone's date.
        let resumedOn = addCalendarDays(festival, 7 + ((i * 3 + stoppages) % 6));
        if (resumedOn >= target) resumedOn = addCalendarDays(target, -1);
        if (late && regionCode === '350981') {
          resumedOn = addCalendarDays(target, 4);
          late = false;
        }
        const resumed = await resumeStoppage(as(office, resumedOn, 9), stoppage.id, { version, resumedOn });
        if (resumed.status !== 'awaitingAcceptance') continue;
        // 蕉城's first resumption still waits for the inspection group.
        if (awaiting) {
          awaiting = false;
          continue;
        }
        const acceptedOn = addCalendarDays(resumedOn, 1);
        await acceptStoppage(as(office, acceptedOn, 15), stoppage.id, {
          version: resumed.version,
          acceptedOn,
          inspectionGroup: '蕉城区复工复产验收检查组',
        });
      }
    }
  }

  // 白名单: the six largest projects under construction on the 省级 list, the next six on the 市级.
  const listed = await ctx.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(isNotNull(projects.actualStartOn), isNull(projects.actualCompletionOn)))
    .orderBy(desc(projects.totalInvestmentWanYuan), asc(projects.name))
    .limit(12);
  const entries: { id: string; version: number }[] = [];
  for (const [i, project] of listed.entries()) {
    const provincial = i < 6;
    const includedOn = `${year}-01-${provincial ? '10' : '15'}`;
    const entry = await includeInWhitelist(as(city, includedOn), {
      projectId: project.id,
      level: provincial ? 'provincial' : 'city',
      includedOn,
      criteria: provincial
        ? ['keyProject', 'supplyChain']
        : ['keyProject', i % 2 ? 'livelihood' : 'infrastructure'],
      reason: provincial
        ? '省重点项目，产业链供应链关键环节，纳入省“四保”白名单'
        : '市重点项目，春节期间连续施工，纳入市级白名单保障',
      guarantees: provincial ? ['labour', 'logistics', 'materials', 'funds'] : ['labour', 'materials'],
    });
    entries.push(entry);
  }
  const removed = entries.at(-1);
  if (removed) {
    const removedOn = `${year}-03-10`;
    await removeFromWhitelist(as(city, removedOn), removed.id, {
      version: removed.version,
      removedOn,
      reason: '项目主体工程已完工，不再需要保障，移出白名单',
    });
  }
  return { zones: demoZones.length, stoppages, whitelisted: entries.length };
}
