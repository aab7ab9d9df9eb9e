/**
 * Annual plans benchmark: the demo load (which drafts, freezes and adjusts this year's plans through
 * the use cases), then request latency through the whole stack for a year's plan list (page +
 * totals), a county's list and export, and freezing 200 plans in one request, at 20,000 projects
 * with a plan each — on PGlite and on PostgreSQL (see bench-kit.ts). Prints Markdown tables
 * for PERFORMANCE.md.
 */
import { and, eq, like } from 'drizzle-orm';
import { buildApp } from '../src/app';
import type { DatabaseHandle } from '../src/db/database';
import { annualPlans, organisations, projects, regions, users } from '../src/db/schema';
import { loadDemo } from '../src/demo/load-demo';
import { hashPassword } from '../src/modules/auth/passwords';
import { measure, onEachEngine, printResults, scratchDir } from './bench-kit';

const auditKey = Buffer.alloc(32, 1);
const year = 2026;

async function seed(handle: DatabaseHandle) {
  await handle.migrate();
  const demoStart = performance.now();
  await loadDemo({ db: handle.db, auditKey, clock: { now: () => new Date('2026-11-23T03:00:00Z') } });
  const demoSeconds = (performance.now() - demoStart) / 1000;
  const regionRows = [];
  for (let c = 1; c <= 10; c++) {
    const city = `36${String(c).padStart(2, '0')}00`;
    regionRows.push({
      code: city,
      name: `市${c}`,
      level: 'city' as const,
      parentCode: '350000',
      path: `350000.${city}`,
    });
    for (let k = 1; k <= 10; k++) {
      const county = `${city.slice(0, 4)}${String(k).padStart(2, '0')}`;
      regionRows.push({
        code: county,
        name: `县${c}-${k}`,
        level: 'county' as const,
        parentCode: city,
        path: `350000.${city}.${county}`,
      });
    }
  }
  await handle.db.insert(regions).values(regionRows);
  const [provinceOffice] = await handle.db
    .insert(organisations)
    .values({ name: '福建省重点项目办', kind: 'office', regionCode: '350000', regionPath: '350000' })
    .returning({ id: organisations.id });
  const counties = regionRows.filter((r) => r.level === 'county');
  const owners = await handle.db
    .insert(organisations)
    .values(
      counties.map((r, i) => ({
        name: `业主${i}`,
        kind: 'owner' as const,
        regionCode: r.code,
        regionPath: r.path,
      })),
    )
    .returning({ id: organisations.id });
  for (let batch = 0; batch < 20; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const n = batch * 1000 + i;
      const region = counties[n % counties.length]!;
      return {
        name: `${region.name}项目${n}`,
        nameInitials: `xm${n}`,
        ownerOrganisationId: owners[n % owners.length]!.id,
        regionCode: region.code,
        regionPath: region.path,
        levels: n % 5 === 0 ? ['city'] : ['county'],
        domain: n % 2 ? '现代产业' : '基础设施',
        totalInvestmentWanYuan: `${10_000 + (n % 9973) * 37}.${String(n % 100).padStart(2, '0')}`,
        startYear: 2025,
        endYear: 2028,
        constructionType: 'new' as const,
        stage: 'underway' as const,
      };
    });
    const ids = await handle.db.insert(projects).values(rows).returning({ id: projects.id });
    await handle.db.insert(annualPlans).values(
      ids.map(({ id }, i) => {
        const frozen = (batch * 1000 + i) % 2 === 0;
        const planned = `${1000 + ((batch * 1000 + i) % 997) * 3}.5`;
        return {
          projectId: id,
          year,
          plannedInvestmentWanYuan: planned,
          status: frozen ? ('frozen' as const) : ('draft' as const),
          baselineInvestmentWanYuan: frozen ? planned : null,
          baselineSplitKind: frozen ? ('none' as const) : null,
        };
      }),
    );
  }
  await handle.db.insert(users).values({
    username: 'province',
    displayName: '省重点办',
    organisationId: provinceOffice!.id,
    roles: ['office_staff'],
    passwordHash: await hashPassword('Tuijin#2026'),
    mustChangePassword: false,
  });
  return demoSeconds;
}

async function run(engine: string, handle: DatabaseHandle) {
  const demoSeconds = await seed(handle);
  const app = await buildApp({
    database: handle,
    auditKey,
    loginRatePerMinute: 1_000_000,
    filesDir: scratchDir('files'),
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'province', password: 'Tuijin#2026' },
  });
  const province = `tuijin_session=${response.cookies[0]!.value}`;
  const get = (url: string) => async () => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: province } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
  };
  // Drafts to freeze, 200 a request, each batch from another county so every run freezes new ones.
  const drafts = await handle.db
    .select({ id: annualPlans.id, version: annualPlans.version, regionCode: projects.regionCode })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(and(eq(annualPlans.status, 'draft'), like(projects.regionCode, '36%')));
  let next = 0;
  const results = [
    await measure(
      'reference: GET /api/projects (province office, 20k projects, page + totals)',
      30,
      get('/api/projects?pageSize=50'),
    ),
    await measure(
      `GET /api/annual-plans (province office, 20k plans, page + totals)`,
      30,
      get(`/api/annual-plans?year=${year}&pageSize=50`),
    ),
    await measure(
      `GET /api/annual-plans?region=…&status=draft (one county)`,
      30,
      get(`/api/annual-plans?year=${year}&region=360101&status=draft`),
    ),
    await measure(
      `GET /api/annual-plans/export.xlsx (one city, ~2,000 rows)`,
      5,
      get(`/api/annual-plans/export.xlsx?year=${year}&region=360100`),
    ),
    await measure('POST /api/annual-plans/freeze (200 plans, one transaction, audited)', 10, async () => {
      const plans = drafts.slice(next, next + 200).map(({ id, version }) => ({ id, version }));
      next += 200;
      const r = await app.inject({
        method: 'POST',
        url: '/api/annual-plans/freeze',
        headers: { cookie: province },
        payload: { year, plans },
      });
      if (r.statusCode !== 200) throw new Error(`freeze: ${r.statusCode} ${r.body}`);
    }),
  ];
  await app.close();
  printResults(`${engine} (demo load incl. plans ${demoSeconds.toFixed(1)} s)`, results);
}

await onEachEngine('plans', run);
