import { addDecimals } from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports, projects, regions } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { learnActualDatesFromReports } from '../projects';

let t: TestApp;

interface ProjectSpec {
  name: string;
  region: string;
  total: string;
  planned: string;
  tags?: string[];
  constructionType?: 'new' | 'continuing';
  plansStart?: boolean;
  /** Approved reports of 2026: month → amount (万元); `startedIn` puts the actual start on that month's report. */
  reports?: Record<number, string>;
  startedIn?: number;
}

/**
 * Factory: one project with its 2026 plan and approved reports, owned by a unit of its region.
 * Parents (region, owner unit) are the demo's; the project, plan and reports are new.
 */
async function makeProjects(specs: ProjectSpec[]) {
  const owners = new Map<string, { owner: string; path: string }>();
  for (const code of new Set(specs.map((s) => s.region))) {
    const [region] = await t.db.select().from(regions).where(eq(regions.code, code));
    const [any] = await t.db
      .select({ owner: projects.ownerOrganisationId })
      .from(projects)
      .where(eq(projects.regionCode, code))
      .orderBy(asc(projects.name))
      .limit(1);
    owners.set(code, { owner: any!.owner, path: region!.path });
  }
  const created = await t.db
    .insert(projects)
    .values(
      specs.map((s) => ({
        name: s.name,
        nameInitials: 'xm',
        ownerOrganisationId: owners.get(s.region)!.owner,
        regionCode: s.region,
        regionPath: owners.get(s.region)!.path,
        levels: ['county'],
        domain: '基础设施',
        totalInvestmentWanYuan: s.total,
        startYear: s.constructionType === 'continuing' ? 2025 : 2026,
        endYear: 2028,
        constructionType: s.constructionType ?? 'new',
        tags: s.tags ?? [],
        stage: 'underway' as const,
      })),
    )
    .returning({ id: projects.id, name: projects.name });
  const idOf = new Map(created.map((p) => [p.name, p.id]));
  await t.db.insert(annualPlans).values(
    specs.map((s) => ({
      projectId: idOf.get(s.name)!,
      year: 2026,
      plannedInvestmentWanYuan: s.planned,
      plansStart: s.plansStart ?? false,
    })),
  );
  const reports = specs.flatMap((s) =>
    Object.entries(s.reports ?? {}).map(([m, completed]) => {
      const month = Number(m);
      const mm = String(month).padStart(2, '0');
      return {
        projectId: idOf.get(s.name)!,
        year: 2026,
        month,
        completedWanYuan: completed,
        status: 'approved' as const,
        dueOn: `2026-${mm}-25`,
        submittedAt: new Date(`2026-${mm}-20T02:00:00Z`),
        actualStartOn: s.startedIn !== undefined && month >= s.startedIn ? `2026-${mm}-05` : null,
      };
    }),
  );
  for (let i = 0; i < reports.length; i += 500)
    await t.db.insert(monthlyReports).values(reports.slice(i, i + 500));
  // Seeds written around the use cases: the projects learn their actual dates as approval would.
  await learnActualDatesFromReports(t.db);
}

/**
 * The seed figures, built by the factory (2026, as of November):
 * - 福安市 like Shandong: 397 special-bond (专项债) projects planned to start, 391 of them started
 *   (98.5%), next to 20 other projects (3 of them started too, which the tag's rate must not count);
 *   all new and below 5000 万元.
 * - 蕉城区 like Dongfeng: 80 projects, 55 new and 25 continuing, total 95.94 亿元, plan 47.51 亿元;
 *   34 of them ≥ 5000 万元 (one at exactly 5000) with total 86.96 亿元 and plan 39.63 亿元, and one
 *   just below (4999.9999). Every project reports 60% of its plan in May: 双过半 one month early.
 * Both counties are in 宁德市, so the city's 分类汇总 holds both figures in one view.
 */
async function seedFigures() {
  await clearPlansAndReports(t.db);
  const shandong: ProjectSpec[] = Array.from({ length: 417 }, (_, i) => ({
    name: `专项债测试项目${i + 1}`,
    region: '350981',
    // Below 5000 万元, so the city's 5000 万元以上 row holds Dongfeng's 34 only.
    total: i % 3 === 0 ? '3000' : '4500',
    planned: '1000',
    tags: i < 397 ? (i % 2 === 0 ? ['专项债', '中央预算内'] : ['专项债']) : [],
    plansStart: true,
    reports: i < 391 || i >= 414 ? { 3: '100' } : { 3: '0' },
    startedIn: i < 391 || i >= 414 ? 3 : undefined,
  }));
  const big = Array.from({ length: 34 }, (_, i) => ({
    total: i === 0 ? '5000' : i === 33 ? '32600' : '26000',
    planned: i === 33 ? '11850' : '11650',
  }));
  const small = Array.from({ length: 46 }, (_, i) => ({
    total: i === 0 ? '4999.9999' : i === 45 ? '1200.0001' : '1900',
    planned: i === 45 ? '50' : '1750',
  }));
  const dongfeng: ProjectSpec[] = [...big, ...small].map((p, i) => ({
    name: `东丰测试项目${i + 1}`,
    region: '350902',
    ...p,
    // 17 of the big ones and 38 of the small ones are new: 55 new, 25 continuing.
    constructionType: (i < 34 ? i < 17 : i < 72) ? 'new' : 'continuing',
    reports: { 5: String((Number(p.planned) * 6) / 10) },
  }));
  await makeProjects([...shandong, ...dongfeng]);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-06T02:00:00Z'));
  await seedFigures();
});
afterAll(async () => t.close());

type Figures = Record<
  string,
  { value?: string; numerator?: string; denominator?: string; percent?: string | null }
>;
interface Row {
  key: string;
  kind: string;
  figures: Figures;
}
const rollup = (params: string) => `/api/cockpit/rollup?year=2026&month=11&${params}`;

describe('cockpit filters and groupings (tag, 新建/续建, 投资规模)', () => {
  it('reads the special-bond start rate from one request grouped by tag (391 of 397 = 98.5%)', async () => {
    const city = await t.as('ningde');
    const { status, body } = await city.get(rollup('region=350981&dimension=tag'));
    expect(status).toBe(200);
    expect(body.isAdditive).toBe(false);
    const rows = body.rows as Row[];
    const bond = rows.find((r) => r.key === '专项债')!;
    expect(bond.figures.projectCount!.value).toBe('397');
    expect(bond.figures.startRate).toMatchObject({ numerator: '391', denominator: '397', percent: '98.5' });
    expect(rows.find((r) => r.key === '中央预算内')!.figures.projectCount!.value).toBe('199');
    expect(rows.at(-1)).toMatchObject({ key: '', kind: 'none' });
    expect(rows.at(-1)!.figures.projectCount!.value).toBe('20');
    expect(body.total.projectCount.value).toBe('417');
    expect(body.total.startRate).toMatchObject({ numerator: '394', denominator: '417' });
  });

  it('reads the ≥ 5000 万元 count and plan total from one request filtered by size band (34, 39.63 亿元)', async () => {
    const city = await t.as('ningde');
    const { status, body } = await city.get(rollup('region=350902&size=ge5000&dimension=constructionType'));
    expect(status).toBe(200);
    expect(body.total.projectCount.value).toBe('34');
    expect(body.total.plannedInvestment.value).toBe('396300');
    const rows = body.rows as Row[];
    expect(rows.map((r) => r.key)).toEqual(['new', 'continuing']);
    expect(rows.map((r) => r.figures.projectCount!.value)).toEqual(['17', '17']);
    expect(body.isAdditive).toBe(true);
    const everything = (await city.get(rollup('region=350902&dimension=constructionType'))).body;
    expect(everything.total.plannedInvestment.value).toBe('475100');
    expect((everything.rows as Row[]).map((r) => r.figures.projectCount!.value)).toEqual(['55', '25']);
  });

  it('groups by size band in fixed order, the bands adding up to the total', async () => {
    const county = await t.as('jiaocheng');
    const { body } = await county.get(rollup('dimension=sizeBand'));
    const rows = body.rows as Row[];
    expect(rows.map((r) => [r.key, r.figures.projectCount!.value])).toEqual([
      ['lt5000', '46'],
      ['5000to10000', '1'],
      ['10000to100000', '33'],
    ]);
    expect(body.isAdditive).toBe(true);
    expect(addDecimals(rows.map((r) => r.figures.plannedInvestment!.value!))).toBe('475100');
  });

  it('groups by 项目分类 by priority, unclassified last, the rows adding up and drilling to their projects', async () => {
    const classOf = (i: number) =>
      i <= 10 ? '产业链类' : i <= 15 ? '急需民生类' : i <= 17 ? '招商重点类' : i <= 20 ? '基础设施类' : null;
    for (let i = 1; i <= 20; i++)
      await t.db
        .update(projects)
        .set({ projectClass: classOf(i) })
        .where(eq(projects.name, `东丰测试项目${i}`));
    const county = await t.as('jiaocheng');
    const { status, body } = await county.get(rollup('dimension=projectClass'));
    expect(status).toBe(200);
    const rows = body.rows as Row[];
    expect(rows.map((r) => [r.key, r.kind, r.figures.projectCount!.value])).toEqual([
      ['产业链类', 'value', '10'],
      ['基础设施类', 'value', '3'],
      ['急需民生类', 'value', '5'],
      ['招商重点类', 'value', '2'],
      ['', 'none', '60'],
    ]);
    expect(body.isAdditive).toBe(true);
    expect(body.total.projectCount.value).toBe('80');
    const chain = await county.get(
      '/api/cockpit/projects?year=2026&month=11&dimension=projectClass&key=产业链类&measure=all&pageSize=50',
    );
    expect(chain.status).toBe(200);
    expect(chain.body.page.total).toBe(10);
    const filtered = (await county.get(rollup('dimension=constructionType&projectClass=急需民生类'))).body;
    expect(filtered.total.projectCount.value).toBe('5');
  });

  it('filters the drill-down and the monthly curve the same way', async () => {
    const city = await t.as('ningde');
    const notStarted = (
      await city.get(
        '/api/cockpit/projects?year=2026&month=11&region=350981&dimension=tag&key=专项债&measure=notStarted',
      )
    ).body;
    expect(notStarted.page.total).toBe(6);
    const filtered = (
      await city.get('/api/cockpit/projects?year=2026&month=11&region=350981&tag=专项债&measure=started')
    ).body;
    expect(filtered.page.total).toBe(391);
    const series = (await city.get('/api/cockpit/series?year=2026&month=11&region=350902&size=ge5000')).body;
    expect(series.months[11].adjustedCumulativeWanYuan).toBe('396300');
    expect(series.months[4].actualYtdWanYuan).toBe('237780');
  });

  it('gives the project list the same size filter, so the list shows the cockpit’s 34', async () => {
    const city = await t.as('ningde');
    const ours = `/api/projects?region=350902&q=${encodeURIComponent('东丰测试项目')}&pageSize=5`;
    const list = (await city.get(`${ours}&size=ge5000`)).body;
    expect(list.totals).toEqual({ count: 34, totalInvestmentWanYuan: '869600' });
    const below = (await city.get(`${ours}&size=lt5000`)).body;
    expect(below.totals).toEqual({ count: 46, totalInvestmentWanYuan: '89800' });
    expect((await city.get('/api/projects?size=huge')).status).toBe(400);
    expect((await city.get(rollup('size=huge'))).status).toBe(400);
  });

  it('reads the special-bond start rate and the ≥ 5000 万元 plan from ONE view grouped by category', async () => {
    const city = await t.as('ningde');
    const { status, body } = await city.get(rollup('dimension=category'));
    expect(status).toBe(200);
    expect(body.dimension).toBe('category');
    expect(body.isAdditive).toBe(false);
    const rows = body.rows as Row[];
    expect(rows.map((r) => r.key)).toEqual([
      'tag:专项债',
      'tag:中央预算内',
      'constructionType:new',
      'constructionType:continuing',
      'size:ge5000',
      'size:ge10000',
    ]);
    const row = (key: string) => rows.find((r) => r.key === key)!.figures;
    expect(row('tag:专项债').projectCount!.value).toBe('397');
    expect(row('tag:专项债').startRate).toMatchObject({
      numerator: '391',
      denominator: '397',
      percent: '98.5',
    });
    expect(row('size:ge5000').projectCount!.value).toBe('34');
    expect(row('size:ge5000').plannedInvestment!.value).toBe('396300');
    expect(row('size:ge10000').projectCount!.value).toBe('33');
    expect(row('constructionType:new').projectCount!.value).toBe('472');
    expect(row('constructionType:continuing').projectCount!.value).toBe('25');
    expect(body.total.projectCount.value).toBe('497');
    // The same figures as the size filter and the tag grouping give, from one definition.
    const filtered = (await city.get(rollup('size=ge5000'))).body.total;
    expect(row('size:ge5000').plannedInvestment!.value).toBe(filtered.plannedInvestment.value);
  });

  it('drills down from a category row to its projects', async () => {
    const city = await t.as('ningde');
    const drill = (key: string, measure: string) =>
      `/api/cockpit/projects?year=2026&month=11&dimension=category&key=${encodeURIComponent(key)}&measure=${measure}&pageSize=200`;
    const big = (await city.get(drill('size:ge5000', 'all'))).body;
    expect(big.page.total).toBe(34);
    expect(big.data.every((p: { name: string }) => p.name.startsWith('东丰测试项目'))).toBe(true);
    const notStarted = (await city.get(drill('tag:专项债', 'notStarted'))).body;
    expect(notStarted.page.total).toBe(6);
    const continuing = (await city.get(drill('constructionType:continuing', 'all'))).body;
    expect(continuing.page.total).toBe(25);
  });

  it('says 双过半 was reached one month early when May already reached half', async () => {
    const county = await t.as('jiaocheng');
    const half = (await county.get(rollup(''))).body.total.doubleHalf;
    expect(half).toMatchObject({ asOfMonth: 6, isReached: true, reachedMonth: 5, monthsEarly: 1 });
    const april = (await county.get('/api/cockpit/rollup?year=2026&month=4')).body.total.doubleHalf;
    expect(april).toMatchObject({ isReached: false, reachedMonth: null, monthsEarly: null });
  });
});
