import type { WorkbenchSection } from '@tuijin/contracts';
import { openTaskStatuses } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { listDispatchTasks } from '../dispatch';
import { item, itemsShown, section, type WorkbenchFacts } from './workbench-item';

/**
 * 待办交办事项: the open tasks (assigned, in progress, sent back) of my unit, earliest due first — the
 * dispatch module's own list (`view: mine`), one query per open status.
 */
export async function tasksToHandle(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const pages = await Promise.all(
    openTaskStatuses.map((status) =>
      listDispatchTasks(ctx, { page: 1, pageSize: itemsShown, view: 'mine', status }),
    ),
  );
  const tasks = pages
    .flatMap((page) => page.data)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.referenceNumber.localeCompare(b.referenceNumber));
  return section(
    'tasksToHandle',
    '/tasks?view=mine',
    tasks.map((task) =>
      item(facts, {
        id: task.id,
        title: task.title,
        detail: task.meetingTitle ? `${task.referenceNumber} · ${task.meetingTitle}` : task.referenceNumber,
        link: `/tasks?task=${task.id}`,
        dueOn: task.dueOn,
        status: task.status,
      }),
    ),
    pages.reduce((sum, page) => sum + page.page.total, 0),
  );
}
