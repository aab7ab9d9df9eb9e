import { type Actor, addCalendarDays, chinaDate, monthKey } from '@tuijin/domain';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisations, projects } from '../db/schema';
import { actorSource, toActor } from '../modules/auth';
import { issueProjectLetter, markProjectLetterSent } from '../modules/project-letters';
import { defaultWarningMonth, redProjectsIn } from '../modules/warnings';
import { demoClock } from './demo-clock';

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * 提醒函 on lagging projects in the demo, issued through the project-letters use cases (audit
 * written), each as its office on its day: on last month's red projects of 蕉城 other than owner1's
 * unit's (left for the browser test to write to), 蕉城's office sends one 提醒函 eight days ago
 * (delivered, awaiting the reply) and the city office one three days ago (not yet delivered).
 */
export async function loadDemoProjectLetters(ctx: Ctx): Promise<{ letters: number }> {
  const today = chinaDate(ctx.clock.now());
  const accounts = new Map(
    (await actorSource(ctx.db).where(inArray(organisations.kind, ['office', 'owner']))).map((row) => [
      row.username,
      toActor(row),
    ]),
  );
  const county = accounts.get('jiaocheng');
  const city = accounts.get('ningde');
  const owner1 = accounts.get('owner1');
  if (!county || !city) return { letters: 0 };
  /** A red project of 蕉城 in the month before `day`, not owner1's unit's, not written to yet. */
  const used = new Set<string>();
  async function redTarget(day: string) {
    const month = monthKey(defaultWarningMonth(at(day, 12)));
    const red = await redProjectsIn(ctx.db, county!.regionPath, month);
    if (red.length === 0) return null;
    const rows = await ctx.db
      .select({ id: projects.id, owner: projects.ownerOrganisationId })
      .from(projects)
      .where(
        inArray(
          projects.id,
          red.map((r) => r.projectId),
        ),
      );
    const owners = new Map(rows.map((p) => [p.id, p.owner]));
    const target = red.find(
      (r) => !used.has(r.projectId) && owners.get(r.projectId) !== owner1?.organisationId,
    );
    if (target) used.add(target.projectId);
    return target ?? null;
  }
  const as = (actor: Actor, when: Date): Ctx => ({ ...ctx, actor, clock: demoClock(when, ctx.clock) });
  const plan: { actor: Actor; daysAgo: number; send: boolean; demandedAction: string }[] = [
    {
      actor: county,
      daysAgo: 8,
      send: true,
      demandedAction: '请于回复期限前报送赶超计划，明确每月投资目标和形象进度',
    },
    {
      actor: city,
      daysAgo: 3,
      send: false,
      demandedAction: '请分析滞后原因，落实专人推进，并书面回复市重点项目办',
    },
  ];
  let letters = 0;
  for (const step of plan) {
    const day = addCalendarDays(today, -step.daysAgo);
    const target = await redTarget(day);
    if (!target) continue;
    const letter = await issueProjectLetter(as(step.actor, at(day, 10)), target.projectId, {
      kind: null,
      reason: 'red',
      recipientOrganisationId: null,
      demandedAction: step.demandedAction,
      replyWorkingDays: 5,
    });
    if (step.send) await markProjectLetterSent(as(step.actor, at(day, 15)), letter.id, { version: 0 });
    letters += 1;
  }
  return { letters };
}
