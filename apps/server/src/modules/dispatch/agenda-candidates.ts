import { type AgendaCandidate, monthKey, workingDaysBetween } from '@tuijin/domain';
import { and, asc, inArray, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dispatchTasks } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { overdueApprovalItemsIn } from '../approvals';
import { loadHolidayCalendar } from '../calendar';
import { overdueNodesIn } from '../milestones';
import { openProblemsAtLevel } from '../problems';
import { defaultWarningMonth, redProjectsIn } from '../warnings';

/**
 * The records a meeting of a region takes up on `heldOn`: problems escalated to its ladder level
 * and still open, tasks of the region's earlier meetings past due and not verified, and the region's
 * red projects of the latest warning month, the approval items of its projects past their committed
 * limit and undecided, and their milestone nodes planned before the meeting and not reached. Days
 * overdue are counted in working days up to the meeting.
 */
export async function agendaCandidates(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  meeting: { regionPath: string; ladderLevel: number | null; heldOn: string; id: string },
): Promise<AgendaCandidate[]> {
  const calendar = await loadHolidayCalendar(ctx.db);
  const overdueBy = (dueOn: string) =>
    dueOn < meeting.heldOn ? workingDaysBetween(dueOn, meeting.heldOn, calendar) : 0;
  const candidates: AgendaCandidate[] = [];
  if (meeting.ladderLevel !== null)
    for (const p of await openProblemsAtLevel(ctx.db, meeting.regionPath, meeting.ladderLevel))
      candidates.push({
        source: 'problem',
        sourceId: p.id,
        projectId: p.projectId,
        title: `${p.referenceNumber} ${p.projectName}：${p.description}`,
        daysOverdue: overdueBy(p.dueOn),
      });
  const tasks = await ctx.db
    .select({
      id: dispatchTasks.id,
      referenceNumber: dispatchTasks.referenceNumber,
      title: dispatchTasks.title,
      projectId: dispatchTasks.projectId,
      dueOn: dispatchTasks.dueOn,
    })
    .from(dispatchTasks)
    .where(
      and(
        inRegionSubtree(dispatchTasks.regionPath, meeting.regionPath),
        inArray(dispatchTasks.status, ['assigned', 'in_progress', 'sent_back', 'reported_done']),
        lt(dispatchTasks.dueOn, meeting.heldOn),
      ),
    )
    .orderBy(asc(dispatchTasks.dueOn));
  for (const t of tasks)
    candidates.push({
      source: 'overdueTask',
      sourceId: t.id,
      projectId: t.projectId,
      title: `${t.referenceNumber} ${t.title}`,
      daysOverdue: overdueBy(t.dueOn),
    });
  const month = monthKey(defaultWarningMonth(new Date(`${meeting.heldOn}T04:00:00Z`)));
  for (const w of await redProjectsIn(ctx.db, meeting.regionPath, month))
    candidates.push({
      source: 'redProject',
      sourceId: w.projectId,
      projectId: w.projectId,
      title: `${w.projectName}（${month} 红色预警）`,
      daysOverdue: 0,
    });
  for (const a of await overdueApprovalItemsIn(ctx.db, meeting.regionPath, meeting.heldOn))
    candidates.push({
      source: 'approval',
      sourceId: a.id,
      projectId: a.projectId,
      title: `${a.projectName}：${a.name}（超期 ${a.workingDaysOverdue} 个工作日）`,
      daysOverdue: a.workingDaysOverdue,
    });
  for (const n of await overdueNodesIn(ctx.db, meeting.regionPath, meeting.heldOn))
    candidates.push({
      source: 'milestone',
      sourceId: n.id,
      projectId: n.projectId,
      title: `${n.projectName}：${n.name}（计划 ${n.plannedOn}，逾期 ${n.workingDaysOverdue} 个工作日）`,
      daysOverdue: n.workingDaysOverdue,
    });
  return candidates;
}
