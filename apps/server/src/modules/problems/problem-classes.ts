import type { CreateProblemClass, ProblemClass } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  canTransitionProblem,
  chinaDate,
  handlesProblem,
  managesProblem,
  pathInSubtree,
} from '@tuijin/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemClasses, problemClassMembers } from '../../db/schema';
import { recordAudits } from '../audit';
import { writeAnswer } from './answer-problem';
import { type LoadedProblem, loadProblem } from './problem-context';
import { findProblems } from './problems.queries';

async function loadClass(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'problem.read');
  const [row] = await ctx.db.select().from(problemClasses).where(eq(problemClasses.id, id));
  if (!row || !pathInSubtree(row.regionPath, ctx.actor.regionPath))
    throw new AppError('NOT_FOUND', '问题类不存在或无权查看');
  const members = await ctx.db
    .select({ problemId: problemClassMembers.problemId })
    .from(problemClassMembers)
    .where(eq(problemClassMembers.classId, id));
  return { row, memberIds: members.map((m) => m.problemId) };
}

/** A class with the members the actor may see. */
export async function getProblemClass(ctx: Ctx, id: string): Promise<ProblemClass> {
  const { row } = await loadClass(ctx, id);
  const page = await findProblems(ctx, { view: 'all', page: 1, pageSize: 200, classId: id });
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    problems: page.data,
  };
}

/**
 * 解决一个、打通一类: the office links problems of its jurisdiction as one class (each problem in at
 * most one class). Audited on each member's project.
 */
export async function createProblemClass(ctx: Ctx, input: CreateProblemClass): Promise<string> {
  authorize(ctx.actor, 'problem.route');
  const ids = [...new Set(input.problemIds)];
  const loaded: LoadedProblem[] = [];
  for (const id of ids) {
    const one = await loadProblem(ctx, id);
    if (!managesProblem(ctx.actor, one.scoped)) throw new AppError('FORBIDDEN', '只能归类本辖区的问题');
    loaded.push(one);
  }
  const taken = await ctx.db
    .select({ problemId: problemClassMembers.problemId })
    .from(problemClassMembers)
    .where(inArray(problemClassMembers.problemId, ids));
  if (taken.length > 0)
    throw new AppError('CONFLICT', '有问题已归入其他问题类', [
      { path: 'problemIds', message: `已归类：${taken.map((t) => t.problemId).join('、')}` },
    ]);
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(problemClasses)
      .values({
        name: input.name,
        regionCode: ctx.actor.regionCode,
        regionPath: ctx.actor.regionPath,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: problemClasses.id });
    await tx
      .insert(problemClassMembers)
      .values(ids.map((problemId) => ({ classId: created!.id, problemId })));
    await recordAudits(
      tx,
      ctx,
      loaded.map((one) => ({
        action: 'problem.classify',
        entityType: 'project',
        entityId: one.project.id,
        regionPath: one.project.regionPath,
        detail: { problemId: one.problem.id, classId: created!.id, className: input.name },
      })),
    );
    return created!.id;
  });
}

/**
 * One answer for the whole class (a policy fix): every member still open and answerable
 * (accepted or in progress) is answered with it in one transaction, each on its own timeline and
 * audited; each raiser is asked to confirm. The office of the class's region, or a handler of every
 * open member, may give it.
 */
export async function answerProblemClass(ctx: Ctx, id: string, answer: string) {
  const { row, memberIds } = await loadClass(ctx, id);
  const members: LoadedProblem[] = [];
  for (const problemId of memberIds) members.push(await loadProblem(ctx, problemId));
  const open = members.filter((m) => canTransitionProblem(m.problem.status, 'answer'));
  if (open.length === 0) throw new AppError('INVALID_TRANSITION', '本类问题已没有待答复的问题');
  const allowed = open.every(
    (m) => managesProblem(ctx.actor, m.scoped) || handlesProblem(ctx.actor, m.scoped),
  );
  if (!allowed) throw new AppError('FORBIDDEN', '您不能答复本类全部问题');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(problemClasses).set({ answer, answeredAt: now }).where(eq(problemClasses.id, row.id));
    for (const member of open)
      await writeAnswer(tx, ctx, member, answer, `随问题类“${row.name}”一并答复：${answer}`);
  });
  return chinaDate(now);
}
