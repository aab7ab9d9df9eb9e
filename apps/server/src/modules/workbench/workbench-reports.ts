import type { WorkbenchSection } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { findReviewQueue, getReportStatusBoard } from '../reports';
import { item, itemsShown, monthParam, section, type WorkbenchFacts } from './workbench-item';

const toFill = new Set(['absent', 'draft', 'returned']);

/**
 * 待填月报: the reporting month's due projects in the owner's scope (the status board 月报填报 lists)
 * whose report is not yet submitted — absent, a draft, or returned — with the deadline, earliest
 * first. Figures: due, submitted, approved, returned, missing.
 */
export async function reportsToFill(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const { year, month } = facts.reportingMonth;
  const board = await getReportStatusBoard(ctx, { year, month, page: 1, pageSize: 10_000 });
  const month_ = monthParam(facts.reportingMonth);
  const rows = board.data
    .filter((row) => toFill.has(row.status))
    .sort(
      (a, b) => (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9') || a.projectName.localeCompare(b.projectName),
    );
  const { due, submitted, approved, returned, missing } = board.counts;
  return section(
    'reportsToFill',
    `/reports/fill?month=${month_}`,
    rows.map((row) =>
      item(facts, {
        id: row.projectId,
        title: row.projectName,
        detail: row.regionName,
        link: `/reports/fill?month=${month_}&project=${row.projectId}`,
        dueOn: row.dueOn,
        status: row.missing ? 'missing' : row.status,
      }),
    ),
    rows.length,
    { due, submitted, approved, returned, missing },
  );
}

/**
 * 报送情况: the office's status board for the reporting month over its jurisdiction — the counts
 * of every state, and the projects whose report is missing (deadline passed, none submitted).
 */
export async function statusBoard(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const { year, month } = facts.reportingMonth;
  const board = await getReportStatusBoard(ctx, {
    year,
    month,
    status: 'missing',
    page: 1,
    pageSize: itemsShown,
  });
  return section(
    'statusBoard',
    `/reports/status?month=${monthParam(facts.reportingMonth)}`,
    board.data.map((row) =>
      item(facts, {
        id: row.projectId,
        title: row.projectName,
        detail: row.regionName,
        link: `/projects/${row.projectId}?tab=reports`,
        dueOn: row.dueOn,
        status: 'missing',
      }),
    ),
    board.page.total,
    board.counts,
  );
}

/** 待审核月报: submitted reports in the reviewer's scope, oldest submission first (the review queue). */
export async function reportsToReview(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const queue = await findReviewQueue(ctx, { page: 1, pageSize: itemsShown });
  return section(
    'reportsToReview',
    '/reports/review',
    queue.data.map((row) =>
      item(facts, {
        id: row.id,
        title: row.projectName,
        detail: [row.regionName, row.departmentName].filter(Boolean).join(' · '),
        link: `/reports/review?month=${monthParam(row)}`,
        status: 'submitted',
        params: { year: row.year, month: row.month, late: row.late },
      }),
    ),
    queue.page.total,
  );
}
