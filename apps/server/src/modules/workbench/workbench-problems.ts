import type { Problem, WorkbenchSection } from '@tuijin/contracts';
import { openProblemStatuses, type ProblemStatus, type WorkbenchSectionKey } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { findLettersAwaitingReply } from '../problem-letters';
import { findProblems, type ProblemListQuery } from '../problems';
import { findProjectLettersAwaitingReply } from '../project-letters';
import { item, itemsShown, section, type WorkbenchFacts } from './workbench-item';

/** A problem as a workbench item: its project, reference and category, due date while open. */
const problemItem = (facts: WorkbenchFacts, p: Problem) =>
  item(facts, {
    id: p.id,
    title: p.projectName,
    detail: `${p.referenceNumber} · ${p.category}`,
    link: `/problems/${p.id}`,
    dueOn: (openProblemStatuses as readonly ProblemStatus[]).includes(p.status) ? p.dueOn : null,
    status: p.status,
  });

/** A section over one problem list query (the module's own `findProblems`, scoped and ordered by due date). */
async function problemSection(
  ctx: Ctx,
  facts: WorkbenchFacts,
  key: WorkbenchSectionKey,
  link: string,
  query: Omit<ProblemListQuery, 'page' | 'pageSize'>,
): Promise<WorkbenchSection> {
  const page = await findProblems(ctx, { ...query, page: 1, pageSize: itemsShown });
  return section(
    key,
    link,
    page.data.map((p) => problemItem(facts, p)),
    page.page.total,
  );
}

const open = openProblemStatuses;

/** 待确认: answers to problems I (or my unit) raised, waiting for me to confirm or send back. */
export const problemsToConfirm = (ctx: Ctx, facts: WorkbenchFacts) =>
  problemSection(ctx, facts, 'problemsToConfirm', '/problems?view=raised', {
    view: 'raised',
    status: 'answered',
  });

/** 待办理: open problems routed to my unit (or to me at a leader level), with the days left. */
export const problemsToHandle = (ctx: Ctx, facts: WorkbenchFacts) =>
  problemSection(ctx, facts, 'problemsToHandle', '/problems?view=handling', {
    view: 'handling',
    statuses: open,
  });

/** 待交办 / 待销号: problems in my jurisdiction waiting for the office — not yet routed, or confirmed. */
export const problemsAwaitingOffice = (ctx: Ctx, facts: WorkbenchFacts) =>
  problemSection(ctx, facts, 'problemsAwaitingOffice', '/problems?view=all', {
    statuses: ['raised', 'confirmed'],
  });

/** 逾期问题: open problems past their due date, most overdue first. */
export const problemsOverdue = (ctx: Ctx, facts: WorkbenchFacts) =>
  problemSection(ctx, facts, 'problemsOverdue', '/problems/overdue', { overdue: true });

/** 我挂钩项目的问题: problems on the projects I lead that are not closed (open or answered). */
export const problemsOnMyProjects = (ctx: Ctx, facts: WorkbenchFacts) =>
  problemSection(ctx, facts, 'problemsOnMyProjects', '/problems?view=leading', {
    view: 'leading',
    statuses: [...open, 'answered'],
  });

/**
 * 待回复函件: 提醒函 / 督办单 sent to my unit and not yet answered — on problems it handles and on
 * lagging projects — by reply date; the count is over both.
 */
export async function lettersToReply(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const [onProblems, onProjects] = await Promise.all([
    findLettersAwaitingReply(ctx, itemsShown),
    findProjectLettersAwaitingReply(ctx, itemsShown),
  ]);
  const items = [
    ...onProblems.rows.map((row) => ({
      row,
      detail: `${row.serial} · ${row.referenceNumber}`,
      link: `/problems/${row.problemId}`,
    })),
    ...onProjects.rows.map((row) => ({
      row,
      detail: row.serial,
      link: `/projects/${row.projectId}?tab=letters`,
    })),
  ]
    .sort((a, b) => (a.row.replyDueOn < b.row.replyDueOn ? -1 : a.row.replyDueOn > b.row.replyDueOn ? 1 : 0))
    .slice(0, itemsShown);
  return section(
    'lettersToReply',
    onProblems.total > 0 || onProjects.total === 0 ? '/problems?view=handling' : '/letters',
    items.map(({ row, detail, link }) =>
      item(facts, {
        id: row.id,
        title: row.projectName,
        detail,
        link,
        dueOn: row.replyDueOn,
        status: row.kind,
      }),
    ),
    onProblems.total + onProjects.total,
  );
}
