/**
 * Monthly ledger benchmark: the 月度台账 export (scoped SQL over plans and approved reports, the
 * office-style sheet with categories, 小计/合计 formulas and exact cached sums, neutralisation,
 * .xlsx write) for a city office over 10,000 projects with plans and 10 months of reports (100,000
 * rows), on PGlite and on PostgreSQL (see bench-kit.ts). Prints a Markdown table for
 * PERFORMANCE.md.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/db/database';
import { organisations, projects, regions } from '../src/db/schema';
import { loadDemo } from '../src/demo/load-demo';
import { pinyinInitials } from '../src/lib/pinyin';
import { exportMonthlyLedger } from '../src/modules/ledger/export-monthly-ledger';
import { listMonthlyLedgerRows } from '../src/modules/ledger/monthly-ledger.queries';
import { userCtx } from '../src/modules/users/user-ctx';
import { measure, onEachEngine, printResults, secondsSince } from './bench-kit';

const auditKey = Buffer.alloc(32, 1);
const total = 10_000;
const domains = ['现代产业', '基础设施', '社会民生', '重大平台'];

async function seed(handle: DatabaseHandle) {
  await handle.migrate();
  await loadDemo({ db: handle.db, auditKey });
  const counties = await handle.db.select().from(regions).where(eq(regions.parentCode, '350900'));
  const owners = await handle.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      inArray(
        organisations.regionCode,
        counties.map((c) => c.code),
      ),
    );
  for (let batch = 0; batch < total / 1000; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const n = batch * 1000 + i;
      const region = counties[n % counties.length]!;
      const name = `${region.name}基准项目${n}`;
      return {
        name,
        nameInitials: pinyinInitials(name),
        ownerOrganisationId: owners[n % owners.length]!.id,
        regionCode: region.code,
        regionPath: region.path,
        levels: n % 7 === 0 ? ['provincial'] : ['city'],
        domain: domains[n % domains.length]!,
        scaleContent: '建设标准厂房及配套设施',
        totalInvestmentWanYuan: `${10_000 + (n % 9973) * 37}.${String(n % 100).padStart(2, '0')}`,
        startYear: 2024 + (n % 3),
        endYear: 2027 + (n % 3),
        constructionType: 'new' as const,
        stage: 'underway' as const,
      };
    });
    await handle.db.insert(projects).values(rows);
  }
  await handle.db.execute(sql`
    insert into annual_plans (project_id, year, planned_investment_wan_yuan, prior_completed_wan_yuan, goals, status, baseline_investment_wan_yuan)
    select id, 2026, 5000.25, 1200.5, '主体结构封顶', 'frozen', 4800.25 from projects
    on conflict do nothing`);
  await handle.db.execute(sql`
    insert into monthly_reports (project_id, year, month, completed_wan_yuan, progress, in_statistics, status, due_on)
    select p.id, 2026, m, 321.1234, '主体施工中，完成第' || m || '层', m % 2 = 0,
      case when m = 10 and right(p.id::text, 1) = '0' then 'submitted' else 'approved' end,
      make_date(2026, m, 25)
    from projects p cross join generate_series(1, 10) as m
    on conflict do nothing`);
}

async function run(engine: string, handle: DatabaseHandle) {
  const seedStart = performance.now();
  await seed(handle);
  const seedSeconds = secondsSince(seedStart);
  const ctx = await userCtx(handle.db, auditKey, 'ningde');
  const results = [
    await measure('SQL: ledger rows (plans ⋈ approved YTD ⋈ month report), city scope', 5, async () => {
      const rows = await listMonthlyLedgerRows(handle.db, ctx.actor, {
        year: 2026,
        month: 10,
        regionPath: ctx.actor.regionPath,
      });
      return `${rows.length} rows`;
    }),
    await measure('exportMonthlyLedger → .xlsx (city office, 2026-10)', 3, async () => {
      const ledger = await exportMonthlyLedger(ctx, { year: 2026, month: 10 });
      return `${ledger.projects} projects, ${(ledger.bytes.length / 1024 / 1024).toFixed(1)} MB`;
    }),
  ];
  printResults(`Monthly ledger export, ${engine} (seed ${seedSeconds} s)`, results, 'steps');
}

await onEachEngine('monthly_ledger', run);
