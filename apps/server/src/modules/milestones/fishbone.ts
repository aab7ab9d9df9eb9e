import { type Actor, authorize, can, chinaDate, isNodeOverdue, openProblemStatuses } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { milestoneNodes } from '../../db/schema';
import { scopedProject } from '../../lib/project-scope';
import { troubledApprovalItems } from '../approvals';
import { findProblems } from '../problems';

interface Cause {
  kind: 'problem' | 'approval' | 'milestone';
  id: string;
  title: string;
  detail: string;
  since: string | null;
  link: string;
}

/** The bone a cause hangs on: a problem's own category; red approvals on 审批; overdue nodes on 进度. */
export const fishboneCategories = { approval: '审批', milestone: '进度' } as const;

/**
 * 鱼刺图: what holds a project up, grouped by cause — its open problems by category, its approval items
 * red or overdue (审批) unless an open problem is about the item (then it shows once, as that problem,
 * saying why the item is red), its nodes past their planned dates (进度) — each cause linking to its record.
 * Bones with more causes come first.
 */
export async function getProjectFishbone(ctx: Ctx & { actor: Actor }, projectId: string) {
  authorize(ctx.actor, 'milestone.read');
  const project = await scopedProject(ctx.db, ctx.actor, projectId);
  const today = chinaDate(ctx.clock.now());
  const causes: (Cause & { category: string })[] = [];
  const troubled = await troubledApprovalItems(ctx.db, projectId, ctx.clock.now());
  const troubledById = new Map(troubled.map((item) => [item.id, item]));
  // An item a problem is about hangs on the bone once, as that problem (the link leads to the follow-up).
  const followed = new Set<string>();
  if (can(ctx.actor, 'problem.read')) {
    const open = await findProblems(ctx, {
      projectId,
      statuses: [...openProblemStatuses],
      page: 1,
      pageSize: 200,
    });
    for (const problem of open.data) {
      const item = problem.approvalItemId ? troubledById.get(problem.approvalItemId) : undefined;
      if (problem.approvalItemId) followed.add(problem.approvalItemId);
      causes.push({
        category: problem.category,
        kind: 'problem',
        id: problem.id,
        title: problem.description.length > 24 ? `${problem.description.slice(0, 24)}…` : problem.description,
        detail: `${problem.referenceNumber}，办理期限 ${problem.dueOn}${item ? `；${item.name}：${item.detail}` : ''}`,
        since: problem.raisedAt.slice(0, 10),
        link: `/problems/${problem.id}`,
      });
    }
  }
  for (const item of troubled.filter((i) => !followed.has(i.id)))
    causes.push({
      category: fishboneCategories.approval,
      kind: 'approval',
      id: item.id,
      title: item.name,
      detail: item.detail,
      since: item.since,
      link: `/projects/${projectId}?tab=approvals`,
    });
  const nodes = await ctx.db
    .select()
    .from(milestoneNodes)
    .where(and(eq(milestoneNodes.projectId, projectId)))
    .orderBy(asc(milestoneNodes.sortOrder));
  for (const node of nodes.filter((n) => isNodeOverdue(n, today)))
    causes.push({
      category: fishboneCategories.milestone,
      kind: 'milestone',
      id: node.id,
      title: node.name,
      detail: `计划 ${node.plannedOn} 完成，尚未完成`,
      since: node.plannedOn,
      link: `/projects/${projectId}?tab=milestones`,
    });
  const bones = new Map<string, Cause[]>();
  for (const { category, ...cause } of causes) bones.set(category, [...(bones.get(category) ?? []), cause]);
  return {
    projectId,
    projectName: project.name,
    bones: [...bones.entries()]
      .map(([category, list]) => ({ category, causes: list }))
      .sort((a, b) => b.causes.length - a.causes.length || a.category.localeCompare(b.category, 'zh-CN')),
  };
}
