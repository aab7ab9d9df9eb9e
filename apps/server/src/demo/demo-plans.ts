import { type Actor, type PlanSplitKind, systemActor } from '@tuijin/domain';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { impliedStageSql, stageToday } from '../db/rules';
import { annualPlans, projects, users } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { adjustAnnualPlan, freezeAnnualPlans, saveAnnualPlan } from '../modules/plans';
import { seededRandom } from './demo-projects';

/** The office that drafts and freezes a county's plans: the county office where one has an account, else the city's. */
const officeFor = (regionCode: string) =>
  regionCode === '350902' ? 'jiaocheng' : regionCode === '350981' ? 'fuan' : 'ningde';

const adjustmentReasons = [
  '征地拆迁进度滞后，年度投资相应调减',
  '设备采购提前，追加年度计划投资',
  '专项债资金到位提前，加快建设进度',
  '施工图设计变更，调整年度投资及目标',
  '受汛期影响，部分工程顺延至下年度',
];

/** Cents of a 万元 (integer) → decimal string with two places. */
const fromCents = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Splits `cents` over `weights` exactly (the rounding remainder goes to the last weighted slot). */
function splitCents(cents: number, weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((cents * w) / total));
  const last = weights.findLastIndex((w) => w > 0);
  parts[last] = parts[last]! + cents - parts.reduce((a, b) => a + b, 0);
  return parts.map(fromCents);
}

const at = (iso: string) => ({ now: () => new Date(iso) });

/**
 * Gives the demo projects that are started or underway (by their dates), or preparing to start this
 * year, this year's plan through the
 * plan use cases (so the audit trail is real): amounts a sensible share of total investment, some
 * split by month or quarter, 计划开工 for the 新开工 ones, 计划竣工/投产 where the project ends this
 * year, prior years' completion for continuing ones. Drafted and frozen in January by the office;
 * a few adjusted mid-year (年中调整, or on the demo day if that is earlier) with reasons.
 */
export async function loadDemoPlans(ctx: Ctx) {
  const random = seededRandom(20_260_115);
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  const actors = new Map<string, Actor>();
  for (const row of await actorSource(ctx.db).where(inArray(users.username, ['ningde', 'jiaocheng', 'fuan'])))
    actors.set(row.username, toActor(row));
  const rows = await ctx.db
    .select({
      id: projects.id,
      regionCode: projects.regionCode,
      stage: impliedStageSql(stageToday(now)),
      domain: projects.domain,
      total: projects.totalInvestmentWanYuan,
      startYear: projects.startYear,
      startMonth: projects.startMonth,
      endYear: projects.endYear,
      endMonth: projects.endMonth,
    })
    .from(projects)
    // Under way, started this year, or preparing to start this year: next year's starts have no plan yet.
    .where(
      sql`${impliedStageSql(stageToday(now))} in ('started', 'underway')
        or (${impliedStageSql(stageToday(now))} = 'preparing' and ${projects.startYear} = ${year})`,
    )
    .orderBy(asc(projects.regionPath), asc(projects.name));

  const freezeOn = new Date(Math.min(Date.UTC(year, 0, 20, 2), now.getTime()));
  const draftOn = new Date(Math.min(Date.UTC(year, 0, 10, 2), freezeOn.getTime()));
  const toFreeze = new Map<string, { id: string; version: number }[]>();
  const plans: { id: string; office: string; total: number }[] = [];
  for (const project of rows) {
    const office = officeFor(project.regionCode);
    const actor = actors.get(office) ?? systemActor;
    const totalCents = Math.round(Number(project.total) * 100);
    const share = project.stage === 'preparing' ? random.int(3, 10) : random.int(15, 40);
    const planned = Math.max(100, Math.round((totalCents * share) / 100 / 100) * 100);
    const continuing = project.stage === 'underway';
    const prior = continuing ? Math.round((totalCents * random.int(15, 45)) / 100 / 100) * 100 : null;
    const startsThisYear =
      project.stage === 'started' || (project.stage === 'preparing' && project.startYear === year);
    // A project still preparing starts after the demo day; a 新开工 one started earlier this year.
    const nowMonth = now.getUTCMonth() + 1;
    const startMonth = !startsThisYear
      ? null
      : project.stage === 'preparing'
        ? Math.min(12, Math.max(project.startMonth ?? 6, nowMonth + 1))
        : Math.min(nowMonth, project.startMonth ?? random.int(1, nowMonth));
    const completes = project.stage === 'underway' && project.endYear === year;
    const completionMonth = completes ? (project.endMonth ?? random.int(9, 12)) : null;
    const operates = completes && project.domain === '现代产业';
    const roll = random.next();
    const splitKind: PlanSplitKind = roll < 0.4 ? 'month' : roll < 0.55 ? 'quarter' : 'none';
    const firstMonth = startMonth ?? 1;
    const weights =
      splitKind === 'month'
        ? Array.from({ length: 12 }, (_, m) => (m + 1 < firstMonth ? 0 : random.int(4, 12)))
        : Array.from({ length: 4 }, (_, q) => (q * 3 + 3 < firstMonth ? 0 : random.int(2, 5)));
    const goals = completes
      ? '完成剩余工程及竣工验收，年内建成投用'
      : project.stage === 'preparing'
        ? startsThisYear
          ? '完成施工图审查和施工许可，年内开工建设'
          : '完成立项、用地、环评等前期手续'
        : project.stage === 'started'
          ? '完成场地平整和桩基工程，主体结构开工'
          : '推进主体结构施工，完成年度形象进度目标';
    const saved = await saveAnnualPlan(
      { ...ctx, actor, clock: at(draftOn.toISOString()) },
      project.id,
      year,
      {
        plannedInvestmentWanYuan: fromCents(planned),
        priorCompletedWanYuan: prior === null ? null : fromCents(prior),
        plansStart: startMonth !== null,
        startMonth,
        plansCompletion: completes,
        completionMonth,
        plansOperation: operates,
        operationMonth: operates ? Math.min(12, (completionMonth ?? 11) + 1) : null,
        goals,
        splitKind,
        splitWanYuan: splitKind === 'none' ? null : splitCents(planned, weights),
        version: null,
      },
    );
    toFreeze.set(office, [
      ...(toFreeze.get(office) ?? []),
      { id: saved.plan.id, version: saved.plan.version },
    ]);
    plans.push({ id: saved.plan.id, office, total: totalCents });
  }
  if (freezeOn.getTime() >= now.getTime()) return;
  for (const [office, list] of toFreeze) {
    const actor = actors.get(office) ?? systemActor;
    await freezeAnnualPlans({ ...ctx, actor, clock: at(freezeOn.toISOString()) }, { year, plans: list });
  }
  const adjustOn = new Date(Math.min(Date.UTC(year, 6, 15, 2), now.getTime()));
  if (adjustOn.getTime() <= freezeOn.getTime()) return;
  // Every eleventh plan is adjusted mid-year: up or down by 10–30%, keeping any split in proportion.
  for (const [index, { id, office }] of plans.entries()) {
    if (index % 11 !== 5) continue;
    const actor = actors.get(office) ?? systemActor;
    const adjustCtx = { ...ctx, actor, clock: at(adjustOn.toISOString()) };
    const [current] = await ctx.db.select().from(annualPlans).where(eq(annualPlans.id, id));
    if (!current) continue;
    const before = Math.round(Number(current.plannedInvestmentWanYuan) * 100);
    const factor = (random.next() < 0.5 ? 70 : 110) + random.int(0, 20);
    const after = Math.max(100, Math.round((before * factor) / 100 / 100) * 100);
    const weights = (current.splitWanYuan ?? []).map((v) => Math.round(Number(v) * 100));
    await adjustAnnualPlan(adjustCtx, id, {
      plannedInvestmentWanYuan: fromCents(after),
      priorCompletedWanYuan: current.priorCompletedWanYuan,
      plansStart: current.plansStart,
      startMonth: current.startMonth,
      plansCompletion: current.plansCompletion,
      completionMonth: current.completionMonth,
      plansOperation: current.plansOperation,
      operationMonth: current.operationMonth,
      goals: current.goals,
      splitKind: current.splitKind,
      splitWanYuan: current.splitKind === 'none' ? null : splitCents(after, weights),
      reason: adjustmentReasons[index % adjustmentReasons.length]!,
      version: current.version,
    });
  }
}
