import { chinaDate } from '@tuijin/domain';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { milestoneNodes, projectStageChanges, projects } from '../db/schema';
import {
  createMilestoneTemplate,
  freezeProjectMilestones,
  getProjectMilestones,
  planProjectMilestones,
  recordMilestoneActual,
} from '../modules/milestones';
import { demoClock } from './demo-clock';

const dayOffset = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const lastDayOf = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

async function reach(ctx: Ctx, projectId: string, code: string, on: string) {
  const [node] = await ctx.db
    .select()
    .from(milestoneNodes)
    .where(and(eq(milestoneNodes.projectId, projectId), eq(milestoneNodes.code, code)));
  if (node && !node.actualOn)
    await recordMilestoneActual(ctx, node.id, { version: node.version, actualOn: on });
}

/**
 * The demo's node plans (节点计划) for the projects of 5,000 万元 and more, as Liaoyuan draws one for
 * each: 宁德市 copies both presets; a 前期 project is scheduled back from its planned start with the
 * eleven nodes when it entered 前期, every other one signed; a project started or under way has the six
 * lifecycle nodes scheduled back to its actual start (drawn up 160 days before it), signing, land and
 * start reached as planned and 主体完工 by two in three — the rest past their dates show as overdue.
 * Each plan frozen as the baseline.
 */
export async function loadDemoMilestones(ctx: Ctx): Promise<{ plans: number }> {
  const construction = await createMilestoneTemplate(ctx, {
    regionCode: '350900',
    preset: 'construction-11',
  });
  const lifecycle = await createMilestoneTemplate(ctx, { regionCode: '350900', preset: 'lifecycle' });
  const today = chinaDate(ctx.clock.now());
  const large = await ctx.db
    .select({
      id: projects.id,
      stage: projects.stage,
      startYear: projects.startYear,
      startMonth: projects.startMonth,
      endYear: projects.endYear,
      endMonth: projects.endMonth,
      actualStartOn: projects.actualStartOn,
    })
    .from(projects)
    .where(
      and(
        inArray(projects.stage, ['preparing', 'started', 'underway']),
        gte(projects.totalInvestmentWanYuan, '5000'),
      ),
    )
    .orderBy(asc(projects.name));
  const preparingMoves = await ctx.db
    .select({ projectId: projectStageChanges.projectId, on: projectStageChanges.changedOn })
    .from(projectStageChanges)
    .where(eq(projectStageChanges.toStage, 'preparing'));
  const preparedOn = new Map(preparingMoves.map((m) => [m.projectId, m.on]));
  /** The office drew each plan up when the project entered 前期 (one under way: 160 days before its start). */
  const asOf = (date: string): Ctx => ({
    ...ctx,
    clock: demoClock(new Date(`${date}T09:00:00+08:00`), ctx.clock),
  });
  let plans = 0;
  for (const [index, project] of large.entries()) {
    let planCtx: Ctx;
    if (project.stage === 'preparing') {
      const drawnUp = preparedOn.get(project.id) ?? today;
      planCtx = asOf(drawnUp);
      const plannedStart = lastDayOf(project.startYear, project.startMonth ?? 12);
      const targetOn = plannedStart > dayOffset(drawnUp, 120) ? plannedStart : dayOffset(drawnUp, 150);
      await planProjectMilestones(planCtx, project.id, {
        templateId: construction.id,
        targetCode: 'start',
        targetOn,
      });
      const { nodes } = await getProjectMilestones(ctx.db, ctx.actor, project.id, ctx.clock.now());
      const signing = nodes.find((n) => n.code === 'signing');
      if (index % 2 === 0 && signing && signing.plannedOn <= today)
        await reach(ctx, project.id, 'signing', signing.plannedOn);
    } else {
      if (!project.actualStartOn) continue;
      planCtx = asOf(dayOffset(project.actualStartOn, -160));
      await planProjectMilestones(planCtx, project.id, {
        templateId: lifecycle.id,
        targetCode: 'start',
        targetOn: project.actualStartOn,
      });
      const { nodes } = await getProjectMilestones(ctx.db, ctx.actor, project.id, ctx.clock.now());
      for (const node of nodes) {
        // Signing, land and start as planned; 主体完工 by two projects in three, a few days late.
        if (['signing', 'land', 'start'].includes(node.code) && node.plannedOn <= today)
          await reach(ctx, project.id, node.code, node.plannedOn);
        const structureOn = dayOffset(node.plannedOn, index % 20);
        if (node.code === 'structure' && index % 3 !== 0 && structureOn <= today)
          await reach(ctx, project.id, node.code, structureOn);
      }
    }
    const { plan } = await getProjectMilestones(ctx.db, ctx.actor, project.id, ctx.clock.now());
    await freezeProjectMilestones(planCtx, project.id, plan!.version);
    plans += 1;
  }
  return { plans };
}
