import {
  type AccommodationKind,
  type Actor,
  addCalendarDays,
  type ContractorRole,
  chinaDate,
  composeCreditCode,
  composeIdNumber,
  type ProvinceCode,
} from '@tuijin/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { createContractor, createWorker, departWorker } from '../modules/workforce';
import { demoClock } from './demo-clock';

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

const surnames = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '周', '谢', '何', '罗'];
const givenNames = [
  '建国',
  '志强',
  '伟',
  '明辉',
  '海生',
  '永福',
  '春花',
  '国庆',
  '秀英',
  '德胜',
  '文斌',
  '小龙',
  '金水',
  '桂兰',
  '家豪',
  '立新',
  '振华',
  '玉梅',
];
const trades = [
  ['钢筋工', '钢筋班'],
  ['木工', '木工班'],
  ['混凝土工', '混凝土班'],
  ['架子工', '架子班'],
  ['电工', '水电班'],
  ['焊工', '钢结构班'],
] as const;

/** Where the demo's workers come from: mostly 福建 (宁德 and around), many from 四川, 江西, 贵州, 湖南. */
const origins: { province: ProvinceCode; city: string; county: string; addressCode: string }[] = [
  { province: '350000', city: '宁德市', county: '蕉城区', addressCode: '350902' },
  { province: '350000', city: '宁德市', county: '福安市', addressCode: '350981' },
  { province: '350000', city: '南平市', county: '建瓯市', addressCode: '350783' },
  { province: '510000', city: '南充市', county: '阆中市', addressCode: '511381' },
  { province: '360000', city: '赣州市', county: '于都县', addressCode: '360731' },
  { province: '520000', city: '毕节市', county: '威宁县', addressCode: '520526' },
  { province: '430000', city: '邵阳市', county: '隆回县', addressCode: '430524' },
  { province: '350000', city: '宁德市', county: '霞浦县', addressCode: '350921' },
];

const accommodations: AccommodationKind[] = ['onSite', 'onSite', 'onSite', 'village', 'government'];

/** The demo's contractors: a general contractor on each project and, on the larger, a labour subcontractor. */
const contractorNames: { name: string; role: ContractorRole; code: string }[] = [
  { name: '中建海峡建设发展有限公司', role: 'general', code: '91350100MA31XY5K0' },
  { name: '宁德市闽东劳务有限公司', role: 'labour', code: '91350900MA2Y8QW6C' },
  { name: '福建省五建建设集团有限公司', role: 'general', code: '91350000158143322' },
  { name: '福安市安达建筑劳务有限公司', role: 'labour', code: '91350981MA2XR7T3H' },
];

/**
 * 实名制花名册 in the demo, through the workforce use cases (audited, ID numbers encrypted): owner1's
 * two 蕉城 projects kept by owner1 (24 and 16 workers), a 福安 project kept by the 福安 office (14),
 * each with a general contractor and, on the first of a county, a labour subcontractor. Arrivals are
 * spread over the 40 days before the clock, a few workers have left; ID numbers are valid and
 * deterministic but fake (birth dates and sequences from the worker's index). No health watch is
 * switched on: the office switches one on when an emergency demands it.
 */
export async function loadDemoWorkforce(ctx: Ctx): Promise<{ contractors: number; workers: number }> {
  const today = chinaDate(ctx.clock.now());
  const actors = await actorSource(ctx.db).where(inArray(users.username, ['owner1', 'fuan']));
  const actorOf = (username: string): Actor | null => {
    const row = actors.find((a) => a.username === username);
    return row ? toActor(row) : null;
  };
  const owner = actorOf('owner1');
  const fuan = actorOf('fuan');
  if (!owner || !fuan) return { contractors: 0, workers: 0 };
  const pick = (where: ReturnType<typeof and>, n: number) =>
    ctx.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(where, ne(projects.stage, 'dropped')))
      .orderBy(asc(projects.name))
      .limit(n);
  const owned = await pick(eq(projects.ownerOrganisationId, owner.organisationId), 2);
  const fuanProjects = await pick(eq(projects.regionCode, '350981'), 1);
  const targets = [
    ...owned.map((p, i) => ({
      id: p.id,
      actor: owner,
      size: i === 0 ? 24 : 16,
      firms: i === 0 ? [0, 1] : [0],
    })),
    ...fuanProjects.map((p) => ({ id: p.id, actor: fuan, size: 14, firms: [2, 3] })),
  ];
  let contractors = 0;
  let workers = 0;
  let serial = 0;
  const registeredOn = addCalendarDays(today, -45);
  for (const target of targets) {
    const as = (day: string): Ctx => ({ ...ctx, actor: target.actor, clock: demoClock(at(day), ctx.clock) });
    let roster = null;
    for (const firm of target.firms) {
      const c = contractorNames[firm]!;
      roster = await createContractor(as(registeredOn), target.id, {
        name: c.name,
        creditCode: composeCreditCode(c.code),
        role: c.role,
      });
      contractors += 1;
    }
    const firms = roster!.contractors;
    for (let i = 0; i < target.size; i += 1) {
      serial += 1;
      const origin = origins[(serial * 5) % origins.length]!;
      const [trade, team] = trades[serial % trades.length]!;
      const arrivedOn = addCalendarDays(today, -((serial * 7) % 40) - 1);
      const birth = `${1968 + (serial % 30)}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}`;
      const worker = await createWorker(as(arrivedOn), target.id, {
        contractorId: firms[i % firms.length]!.id,
        name: `${surnames[serial % surnames.length]}${givenNames[(serial * 7) % givenNames.length]}`,
        idNumber: composeIdNumber(origin.addressCode, birth, 100 + serial),
        phone: `139${String(5000_0000 + serial * 7919).slice(0, 8)}`,
        trade,
        team,
        originProvince: origin.province,
        originCity: origin.city,
        originCounty: origin.county,
        arrivedOn,
        departedOn: null,
        accommodation: accommodations[serial % accommodations.length]!,
        passNumber: `NDTX-${String(serial).padStart(5, '0')}`,
      });
      workers += 1;
      // One in nine has left five days after arriving (or today, when that comes first).
      if (serial % 9 === 0) {
        const left = [addCalendarDays(arrivedOn, 5), today].sort()[0]!;
        await departWorker(as(left), worker.id, { version: worker.version, departedOn: left });
      }
    }
  }
  return { contractors, workers };
}
