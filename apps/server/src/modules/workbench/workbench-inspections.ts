import type { WorkbenchSection } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { listInspectionFindings } from '../inspections';
import { item, itemsShown, section, type WorkbenchFacts } from './workbench-item';

/**
 * 待整改的督查问题: the findings on the owner's projects waiting for its rectification (待整改 and
 * 复核不通过), earliest deadline first — the inspections module's own scoped list.
 */
export async function findingsToRectify(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const pages = await Promise.all(
    (['open', 'returned'] as const).map((status) =>
      listInspectionFindings(ctx, { status, page: 1, pageSize: itemsShown }),
    ),
  );
  const findings = pages
    .flatMap((page) => page.data)
    .sort((a, b) => a.deadlineOn.localeCompare(b.deadlineOn) || a.id.localeCompare(b.id));
  return section(
    'findingsToRectify',
    '/inspections?tab=findings',
    findings.map((f) =>
      item(facts, {
        id: f.id,
        title: f.projectName,
        detail: `${f.organisationName} · ${f.description}`,
        link: `/inspections?tab=findings&finding=${f.id}`,
        dueOn: f.deadlineOn,
        status: f.status,
      }),
    ),
    pages.reduce((sum, page) => sum + page.page.total, 0),
  );
}
