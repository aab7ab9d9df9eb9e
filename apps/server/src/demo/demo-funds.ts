import {
  type Actor,
  addCalendarDays,
  chinaDate,
  type FundApplicationStage,
  type FundKind,
} from '@tuijin/domain';
import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import { projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import {
  createFundAllocation,
  createFundApplication,
  createFundPayment,
  moveFundApplication,
} from '../modules/funds';
import { demoClock } from './demo-clock';

/** The earlier of two YYYY-MM-DD dates. */
function earlier(a: string, b: string) {
  if (b < a) return b;
  return a;
}

/** `n` items spread evenly over a list (all of it when shorter), so the picks cross the counties. */
const spread = <T>(items: readonly T[], n: number): T[] =>
  items.length <= n
    ? [...items]
    : Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]!);

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** Payments per started special-bond project, as fractions of its allocation in tenths (0: none yet). */
const paidTenths = [10, 6, 8, 0, 5, 3, 7, 4, 9];

/** The pipeline of this year's applications: Longshan's 7 bond projects of which 4 passed provincial review. */
const bondPipeline: FundApplicationStage[][] = [
  [],
  [],
  ['provincialReview'],
  ['provincialReview', 'submitted'],
  ['provincialReview', 'submitted'],
  ['provincialReview', 'submitted', 'approved'],
  ['provincialReview', 'submitted', 'rejected'],
];
const budgetPipeline: FundApplicationStage[][] = [
  [],
  ['provincialReview'],
  ['provincialReview', 'submitted', 'approved'],
];

/**
 * 资金保障 in the demo, through the funds use cases (audit written), as the city office on the days
 * the money moved: 12 special-bond projects of the city (9 started, 3 not) with allocations issued
 * last year (第四批) and this year (第一批), payments on the started ones (one started project with
 * nothing paid yet), one unstarted project whose money has waited since last year (闲置 > 3 months);
 * 3 central-budget projects; and this year's applications across the pipeline (7 bond projects, 4
 * past the provincial review; 3 central-budget). Projects are picked by name, deterministic.
 */
export async function loadDemoFunds(
  ctx: Ctx,
): Promise<{ allocations: number; payments: number; applications: number }> {
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const [cityRow] = await actorSource(ctx.db).where(eq(users.username, 'ningde'));
  const city: Actor | null = cityRow ? toActor(cityRow) : null;
  if (!city) return { allocations: 0, payments: 0, applications: 0 };
  const started = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNotNull(projects.actualStartOn), ne(projects.stage, 'dropped')))
    .orderBy(asc(projects.name));
  const unstarted = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNull(projects.actualStartOn), ne(projects.stage, 'dropped')))
    .orderBy(asc(projects.name));
  const startedIds = spread(started, 11).map((p) => p.id);
  const unstartedIds = spread(unstarted, 14).map((p) => p.id);
  const as = (day: string): Ctx => ({ ...ctx, actor: city, clock: demoClock(at(day), ctx.clock) });
  // Dates within this year never after today; last year's in its autumn (more than 3 months ago).
  const thisYear = (daysAgo: number) => {
    const day = addCalendarDays(today, -daysAgo);
    return day < `${year}-01-01` ? `${year}-01-01` : day;
  };
  const lastYear = (month: number, day: number) =>
    `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let allocations = 0;
  let payments = 0;

  async function allocate(
    projectId: string,
    kind: FundKind,
    issuedOn: string,
    amountWanYuan: string,
    batch: string,
    tenths: number,
  ) {
    const allocation = await createFundAllocation(as(issuedOn), projectId, {
      kind,
      year: Number(issuedOn.slice(0, 4)),
      batch,
      amountWanYuan,
      issuedOn,
      documentNumber: `宁财债〔${issuedOn.slice(0, 4)}〕${10 + allocations}号`,
    });
    allocations += 1;
    if (tenths === 0) return;
    // Paid in two instalments: the first half soon after issue, the rest later (never after today).
    const total = (BigInt(amountWanYuan) * BigInt(tenths)) / 10n;
    const first = total / 2n;
    const days = [addCalendarDays(issuedOn, 20), addCalendarDays(issuedOn, 45)].map((d) => earlier(d, today));
    for (const [i, amount] of [first, total - first].entries()) {
      if (amount === 0n) continue;
      await createFundPayment(as(days[i]!), allocation.id, {
        paidOn: days[i]!,
        amountWanYuan: amount.toString(),
        note: i === 0 ? '首笔拨付' : '按进度拨付',
        evidenceFileId: null,
      });
      payments += 1;
    }
  }

  const bondStarted = startedIds.slice(0, 9);
  const bondUnstarted = unstartedIds.slice(0, 3);
  for (const [i, id] of bondStarted.entries()) {
    // Last year's 第四批 on the first three, this year's 第一批 on all.
    if (i < 3) await allocate(id, 'specialBond', lastYear(10, 15 + i), String(2000 + 500 * i), '第四批', 10);
    await allocate(
      id,
      'specialBond',
      thisYear(40 - i),
      String(3000 + 1000 * i),
      '第一批',
      paidTenths[i] ?? 0,
    );
  }
  // The idle one: issued last October, the project still not started.
  if (bondUnstarted[0])
    await allocate(bondUnstarted[0], 'specialBond', lastYear(10, 20), '5000', '第四批', 0);
  for (const id of bondUnstarted) await allocate(id, 'specialBond', thisYear(20), '2500', '第一批', 0);
  const budgetIds = [...startedIds.slice(9, 11), ...unstartedIds.slice(3, 4)];
  for (const [i, id] of budgetIds.entries())
    await allocate(id, 'centralBudget', thisYear(30 - i), String(800 + 200 * i), '第一批', i < 2 ? 5 : 0);

  let applications = 0;
  async function apply(projectId: string, kind: FundKind, moves: FundApplicationStage[], amount: string) {
    let day = thisYear(60);
    let application = await createFundApplication(as(day), projectId, {
      kind,
      year,
      requestedWanYuan: amount,
      plannedOn: day,
      note: null,
    });
    applications += 1;
    for (const stage of moves) {
      day = earlier(addCalendarDays(day, 10), today);
      application = await moveFundApplication(as(day), application.id, {
        version: application.version,
        stage,
        on: day,
      });
    }
  }
  const applicants = unstartedIds.slice(4);
  const pipeline = [
    ...bondPipeline.map((moves, i) => ({ kind: 'specialBond' as const, moves, amount: 4000 + 1000 * i })),
    ...budgetPipeline.map((moves, i) => ({ kind: 'centralBudget' as const, moves, amount: 1000 + 500 * i })),
  ];
  for (const [i, step] of pipeline.entries()) {
    const projectId = applicants[i];
    if (projectId) await apply(projectId, step.kind, step.moves, String(step.amount));
  }
  return { allocations, payments, applications };
}
