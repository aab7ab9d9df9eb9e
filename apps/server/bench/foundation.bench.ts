/**
 * Foundation benchmark: request latency through the whole stack (session resolution, access check,
 * scoped SQL, presenter) at province scale — 110 regions, 20,000 organisations, 50,000 users — on
 * PGlite and on PostgreSQL (see bench-kit.ts); plus 20,000 projects for the project list.
 * Prints a Markdown table for PERFORMANCE.md.
 */
import { buildApp } from '../src/app';
import type { DatabaseHandle } from '../src/db/database';
import { organisations, projects, regions, users } from '../src/db/schema';
import { loadDemo } from '../src/demo/load-demo';
import { pinyinInitials } from '../src/lib/pinyin';
import { hashPassword } from '../src/modules/auth/passwords';
import { measure, onEachEngine, printResults, scratchDir, secondsSince } from './bench-kit';

const auditKey = Buffer.alloc(32, 1);

async function seed(handle: DatabaseHandle) {
  await handle.migrate();
  await loadDemo({ db: handle.db, auditKey });
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
      const county = `36${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`;
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
  const hash = await hashPassword('Bench#Password1');
  const orgIds: string[] = [];
  for (let batch = 0; batch < 20; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const region = counties[(batch * 1000 + i) % counties.length]!;
      return {
        name: `单位${batch}-${i}`,
        kind: 'owner' as const,
        regionCode: region.code,
        regionPath: region.path,
      };
    });
    const inserted = await handle.db.insert(organisations).values(rows).returning({ id: organisations.id });
    orgIds.push(...inserted.map((r) => r.id));
  }
  for (let batch = 0; batch < 50; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      username: `u${batch}_${i}`,
      displayName: `用户${batch}-${i}`,
      organisationId: orgIds[(batch * 1000 + i) % orgIds.length]!,
      roles: ['owner'],
      passwordHash: hash,
      mustChangePassword: false,
    }));
    await handle.db.insert(users).values(rows);
  }
  const stages = [
    'conceived',
    'reserve',
    'preparing',
    'started',
    'underway',
    'completed',
    'operating',
  ] as const;
  const words = [
    '时代新能源锂电池',
    '不锈钢冷轧',
    '城区道路提升',
    '人民医院迁建',
    '港区码头',
    '供水一体化',
    '海上风电',
    '冷链物流园',
  ];
  for (let batch = 0; batch < 20; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const n = batch * 1000 + i;
      const region = counties[n % counties.length]!;
      const name = `${region.name}${words[n % words.length]}项目${n}`;
      return {
        name,
        nameInitials: pinyinInitials(name),
        ownerOrganisationId: orgIds[n % orgIds.length]!,
        regionCode: region.code,
        regionPath: region.path,
        levels: n % 5 === 0 ? ['city'] : ['county'],
        domain: '现代产业',
        totalInvestmentWanYuan: `${10_000 + (n % 9973) * 37}.${String(n % 100).padStart(2, '0')}`,
        startYear: 2024 + (n % 3),
        endYear: 2027 + (n % 3),
        constructionType: 'new' as const,
        stage: stages[n % stages.length]!,
      };
    });
    await handle.db.insert(projects).values(rows);
  }
  await handle.db.insert(users).values({
    username: 'province',
    displayName: '省重点办',
    organisationId: provinceOffice!.id,
    roles: ['office_staff'],
    passwordHash: await hashPassword('Tuijin#2026'),
    mustChangePassword: false,
  });
}

async function run(engine: string, handle: DatabaseHandle) {
  const seedStart = performance.now();
  await seed(handle);
  const seedSeconds = secondsSince(seedStart);
  const app = await buildApp({
    database: handle,
    auditKey,
    loginRatePerMinute: 1_000_000,
    filesDir: scratchDir('files'),
  });
  const login = async (username: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Tuijin#2026' },
    });
    return `tuijin_session=${response.cookies[0]!.value}`;
  };
  const province = await login('province');
  const county = await login('jiaocheng');
  const get = (cookie: string, url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  };
  const results = [
    await measure('login (argon2id verify + session)', 20, async () => void (await login('ningde'))),
    await measure('GET /api/auth/me', 200, get(county, '/api/auth/me')),
    await measure(
      'GET /api/organisations (province office, 20k rows in scope)',
      50,
      get(province, '/api/organisations?pageSize=50'),
    ),
    await measure(
      'GET /api/organisations?q= (name search over 20k)',
      50,
      get(province, `/api/organisations?q=${encodeURIComponent('单位7-')}`),
    ),
    await measure(
      'GET /api/users (province office, 50k rows in scope)',
      50,
      get(province, '/api/users?pageSize=50'),
    ),
    await measure('GET /api/users (county office, small scope)', 50, get(county, '/api/users')),
    await measure(
      'GET /api/projects (province office, 20k projects, page + totals)',
      50,
      get(province, '/api/projects?pageSize=50'),
    ),
    await measure(
      'GET /api/projects?q=sdxny (pinyin initials over 20k)',
      50,
      get(province, '/api/projects?q=sdxny&pageSize=50'),
    ),
    await measure(
      'GET /api/projects?region=…&stage=underway (one county)',
      50,
      get(province, '/api/projects?region=360101&stage=underway'),
    ),
    await measure(
      'GET /api/projects/export.xlsx (one county, ~200 rows)',
      10,
      get(province, '/api/projects/export.xlsx?region=360101'),
    ),
  ];
  await app.close();
  printResults(`${engine} (seed ${seedSeconds} s)`, results);
}

await onEachEngine('foundation', run);
