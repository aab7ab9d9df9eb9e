import { normaliseDecimal, type ProjectFirstScreen } from '@tuijin/contracts';
import { chinaDate, monthKey } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects } from '../../db/schema';
import { openProblemsJsonSql } from '../problems';
import { getProjectWith, presentProject } from '../projects';
import { recentReportsJsonSql } from '../reports';
import { latestWarningJsonSql } from '../warnings';

const amount = (value: string | null) => normaliseDecimal(value ?? '0');

/**
 * 一项一档's first screen (issue 18 item 3) in ONE statement: the project as its page shows it
 * (scope-checked: NOT_FOUND outside the reader's reach), with its last 12 monthly reports, its open
 * problems and its current colour riding along as JSON columns — each spelled by the module that
 * owns its table (`recentReportsJsonSql`, `openProblemsJsonSql`, `latestWarningJsonSql`).
 */
export async function getProjectFirstScreen(ctx: Ctx, id: string): Promise<ProjectFirstScreen> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const thisMonth = monthKey({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const row = await getProjectWith(ctx.db, ctx.actor, id, now, {
    recentReports: recentReportsJsonSql(sql`${projects.id}`),
    openProblems: openProblemsJsonSql(sql`${projects.id}`, today),
    latestWarning: latestWarningJsonSql(sql`${projects.id}`, thisMonth),
  });
  return {
    project: presentProject(row, ctx.actor),
    reports: row.recentReports.map((r) => ({
      id: r.id,
      year: r.year,
      month: r.month,
      status: r.status,
      completedWanYuan: amount(r.completed),
      ytdWanYuan: amount(r.ytd),
      late: r.late,
    })),
    openProblems: row.openProblems.map((p) => ({
      id: p.id,
      referenceNumber: p.reference_number,
      category: p.category,
      description: p.description,
      status: p.status,
      level: p.level,
      dueOn: p.due_on,
      overdue: p.overdue,
    })),
    warning: row.latestWarning,
  };
}
