import type { ProjectLetterFacts } from '@tuijin/domain';
import { chinaDate, monthKey, progressShortfallOf } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects } from '../../db/schema';
import { overdueNodeCounts } from '../milestones';
import { defaultWarningMonth, latestProjectColour, loadWarningFacts } from '../warnings';
import type { LetterProject } from './project-letters.queries';

/**
 * The figures a letter on `project` quotes, now: the latest reporting month (the month the warnings
 * compute by default, the one before today's), the latest colour computed up to it, the year's plan,
 * completion and 序时进度 at that month's end (the warnings' own facts, so the letter and the colour
 * agree), the nodes overdue today and the planned start month (the year's plan, else the project's).
 */
export async function projectLetterFacts(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  project: LetterProject,
): Promise<ProjectLetterFacts> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const period = defaultWarningMonth(now);
  const month = monthKey(period);
  const [colour, [warningFacts], overdue] = await Promise.all([
    latestProjectColour(ctx.db, project.id, month),
    loadWarningFacts(ctx.db, eq(projects.id, project.id), period, today),
    overdueNodeCounts(ctx.db, [project.id], today),
  ]);
  const facts = warningFacts?.facts;
  const completed = facts?.ytdByMonth[period.month - 1];
  const shortfall = facts
    ? progressShortfallOf(facts.plannedWanYuan, completed, period.year, period.month, 'points')
    : null;
  const ownStart = project.startMonth
    ? monthKey({ year: project.startYear, month: project.startMonth })
    : null;
  return {
    month,
    colour: colour?.colour ?? null,
    plannedWanYuan: facts?.plannedWanYuan ?? null,
    completedWanYuan: shortfall ? (completed ?? null) : null,
    completionPercent: shortfall?.completion ?? null,
    timePercent: shortfall?.time ?? null,
    overdueMilestones: overdue.get(project.id) ?? 0,
    plannedStartMonth: facts?.plannedStart ? monthKey(facts.plannedStart) : ownStart,
    actualStartOn: project.actualStartOn,
  };
}
