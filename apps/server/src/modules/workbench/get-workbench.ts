import type { Workbench, WorkbenchSection } from '@tuijin/contracts';
import { can, chinaDate, monthKey, type WorkbenchSectionKey, workbenchSectionsFor } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { resolveReportingPeriod } from '../reports';
import { monthOrDefault } from '../warnings';
import { tasksToHandle } from './workbench-dispatch';
import { findingsToRectify } from './workbench-inspections';
import type { WorkbenchFacts } from './workbench-item';
import {
  auditChain,
  auditEvents,
  holidayCalendar,
  lockedUsers,
  projectWarnings,
  unreadNotifications,
} from './workbench-oversight';
import {
  lettersToReply,
  problemsAwaitingOffice,
  problemsOnMyProjects,
  problemsOverdue,
  problemsToConfirm,
  problemsToHandle,
} from './workbench-problems';
import { reportsToFill, reportsToReview, statusBoard } from './workbench-reports';

/** The current reporting month of the actor's own region: the reports module's one resolver. */
async function reportingMonthOf(ctx: Ctx) {
  const { year, month } = await resolveReportingPeriod(ctx, ctx.actor.regionPath);
  return { year, month };
}

type Builder = (ctx: Ctx, facts: WorkbenchFacts) => Promise<WorkbenchSection>;

/** Each section computed by the owning module's own queries, so it is scoped like the page it links to. */
const builders: Record<WorkbenchSectionKey, Builder> = {
  reportsToFill,
  statusBoard,
  reportsToReview,
  problemsToConfirm,
  problemsToHandle,
  lettersToReply,
  tasksToHandle,
  findingsToRectify,
  problemsAwaitingOffice,
  problemsOverdue,
  problemsOnMyProjects,
  warnings: (ctx, facts) => projectWarnings(ctx, facts, 'warnings'),
  redProjects: (ctx, facts) => projectWarnings(ctx, facts, 'redProjects'),
  holidayCalendar,
  lockedUsers,
  auditChain,
  auditEvents,
  notifications: unreadNotifications,
};

/**
 * 工作台: what is due for the signed-in person, one section per thing their roles do
 * (`workbenchSectionsFor`), each the most pressing few items with links and the total (the open 交办事项
 * only while the unit has some). Reads only.
 */
export async function getWorkbench(ctx: Ctx): Promise<Workbench> {
  const facts: WorkbenchFacts = {
    today: chinaDate(ctx.clock.now()),
    reportingMonth: await reportingMonthOf(ctx),
    warningMonth: monthKey(monthOrDefault(ctx, undefined)),
  };
  const sections: WorkbenchSection[] = [];
  for (const key of workbenchSectionsFor(ctx.actor)) {
    const built = await builders[key](ctx, facts);
    // 交办事项 show only for a unit that has some open: most offices and leaders are never given one;
    // an owner unit sees its letters only while some wait for its reply.
    const onlyWhenSome =
      key === 'tasksToHandle' ||
      key === 'findingsToRectify' ||
      (key === 'lettersToReply' && !can(ctx.actor, 'problem.handle'));
    if (!onlyWhenSome || built.total > 0) sections.push(built);
  }
  return { ...facts, sections };
}
