import {
  chinaDate,
  type EscalationNoticeKind,
  type HolidayCalendar,
  nextEscalation,
  openProblemStatuses,
  systemActor,
} from '@tuijin/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { escalationNotices, problems, projects } from '../../db/schema';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';
import { moveProblemUp } from './escalate-problem';
import {
  escalationJob,
  failureReason,
  openJobFailureKeys,
  recordJobFailure,
  resolveJobFailures,
} from './escalation-failures';
import {
  handlerRecipients,
  type LoadedLadder,
  type LoadedProblem,
  ladderFor,
  type ProblemRow,
  problemLink,
  problemProjectColumns,
  scopedOf,
} from './problem-context';
import { type RecomputedDueDate, recomputeProvisionalDueDates } from './recompute-provisional-due-dates';

export interface EscalationOutcome {
  asOf: string;
  /** Notices recorded by this run (one per problem, level and kind, ever). */
  notices: { problemId: string; referenceNumber: string; level: number; kind: EscalationNoticeKind }[];
  /** Problems moved up a level by this run. */
  escalated: { problemId: string; referenceNumber: string; fromLevel: number; toLevel: number }[];
  /** Provisional due dates this run recomputed because their year's arrangement is now entered. */
  recomputed: RecomputedDueDate[];
  /** Open problems whose due date is provisional (暂定) after this run, earliest due first. */
  provisional: { problemId: string; referenceNumber: string; dueOn: string }[];
  /** Problems this run could not process: recorded with the reason and retried on the next run. */
  failures: { problemId: string; referenceNumber: string; reason: string }[];
}

const noticeNames: Record<EscalationNoticeKind, string> = {
  half: '办理时限已过半',
  threeQuarters: '办理时限已过四分之三',
  breach: '已超过办理时限',
};

/**
 * The escalation job for the moment `asOf`: for every open problem whose jurisdiction has a
 * ladder, `nextEscalation` decides the notices due and whether it moves up. Each notice is claimed
 * in `escalation_notices` (unique per problem, level and kind) in the same transaction as its
 * notifications and — for a breach — the move up, so a second run at the same moment, or a second
 * instance, does nothing twice. A problem changed meanwhile (version) is left to the next run.
 * Acts as the system; the moves are on each problem's timeline and in the audit log.
 * First it recomputes provisional due dates whose year has been entered since. One problem that
 * cannot be processed never stops the run: its transaction rolls back, the failure is recorded in
 * `job_failures` (reason, attempts; shown to the office) and the next run tries it again, marking
 * the record resolved once it goes through. Answers what it did and the provisional due dates left.
 */
export async function runEscalations(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>,
  asOf: Date,
): Promise<EscalationOutcome> {
  const outcome: EscalationOutcome = {
    asOf: asOf.toISOString(),
    notices: [],
    escalated: [],
    recomputed: [],
    provisional: [],
    failures: [],
  };
  const calendar = await loadHolidayCalendar(ctx.db);
  outcome.recomputed = await recomputeProvisionalDueDates(ctx, calendar, asOf);
  const open = await ctx.db
    .select({ problem: problems, project: problemProjectColumns })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(inArray(problems.status, [...openProblemStatuses]))
    .orderBy(problems.raisedAt);
  const failedBefore = await openJobFailureKeys(ctx.db, escalationJob);
  const wentThrough: string[] = [];
  const ladders = new Map<string, LoadedLadder | null>();
  for (const row of open) {
    try {
      const path = row.project.regionPath;
      if (!ladders.has(path)) ladders.set(path, await ladderFor(ctx.db, path));
      await escalateOne(ctx, row, ladders.get(path) ?? null, calendar, asOf, outcome);
      if (failedBefore.has(row.problem.id)) wentThrough.push(row.problem.id);
    } catch (error) {
      const reason = failureReason(error);
      outcome.failures.push({
        problemId: row.problem.id,
        referenceNumber: row.problem.referenceNumber,
        reason,
      });
      await recordJobFailure(
        ctx.db,
        escalationJob,
        {
          itemKey: row.problem.id,
          regionPath: row.problem.regionPath,
          label: row.problem.referenceNumber,
          reason,
        },
        asOf,
      );
    }
  }
  await resolveJobFailures(ctx.db, escalationJob, wentThrough, asOf);
  outcome.provisional = await ctx.db
    .select({ problemId: problems.id, referenceNumber: problems.referenceNumber, dueOn: problems.dueOn })
    .from(problems)
    .where(and(eq(problems.isDueOnProvisional, true), inArray(problems.status, [...openProblemStatuses])))
    .orderBy(problems.dueOn, problems.referenceNumber);
  return outcome;
}

/**
 * One open problem of the run: the notices due and the move up, in one transaction, recorded in
 * `outcome`. Throws when the problem cannot be processed; the caller records that and goes on.
 */
async function escalateOne(
  ctx: Pick<Ctx, 'db' | 'auditKey'>,
  row: { problem: ProblemRow; project: LoadedProblem['project'] },
  ladder: LoadedLadder | null,
  calendar: HolidayCalendar,
  asOf: Date,
  outcome: EscalationOutcome,
) {
  if (!ladder) return;
  const jobCtx = { actor: systemActor, clock: { now: () => asOf }, ip: null, auditKey: ctx.auditKey };
  const decision = nextEscalation(row.problem, ladder, calendar, asOf);
  if (decision.notices.length === 0) return;
  const loaded = {
    problem: row.problem,
    project: row.project,
    scoped: scopedOf(row.problem, row.project, ladder),
  };
  // Recorded in the outcome only once the transaction has committed.
  const notices: EscalationOutcome['notices'] = [];
  const escalated: EscalationOutcome['escalated'] = [];
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: problems.version })
      .from(problems)
      .where(and(eq(problems.id, row.problem.id), eq(problems.version, row.problem.version)))
      .for('update');
    if (!current) return;
    const claimed = await tx
      .insert(escalationNotices)
      .values(
        decision.notices.map((n) => ({
          problemId: row.problem.id,
          level: n.level,
          kind: n.kind,
          dueOn: n.on,
          at: asOf,
        })),
      )
      .onConflictDoNothing({
        target: [escalationNotices.problemId, escalationNotices.level, escalationNotices.kind],
      })
      .returning({ kind: escalationNotices.kind, level: escalationNotices.level });
    if (claimed.length === 0) return;
    const level = ladder.levels.find((l) => l.level === row.problem.level);
    const recipients = await handlerRecipients(tx, row.problem.handlerOrganisationId, [
      level?.handlerKind === 'leader' ? row.project.leaderUserId : null,
      level?.handlerKind === 'serviceOfficer' ? row.project.serviceOfficerUserId : null,
    ]);
    for (const notice of claimed) {
      notices.push({
        problemId: row.problem.id,
        referenceNumber: row.problem.referenceNumber,
        ...notice,
      });
      await notify(tx, asOf, recipients, {
        kind: 'problem.deadline',
        params: {
          referenceNumber: row.problem.referenceNumber,
          projectName: row.project.name,
          level: notice.level,
          notice: notice.kind,
          noticeName: noticeNames[notice.kind],
          dueOn: row.problem.dueOn,
        },
        link: problemLink(row.problem.id),
        dedupeKey: `problem.deadline:${row.problem.id}:${notice.level}:${notice.kind}`,
      });
    }
    const breachClaimed = claimed.some((n) => n.kind === 'breach');
    if (breachClaimed && decision.moveTo) {
      await moveProblemUp(
        tx,
        jobCtx,
        loaded,
        ladder,
        decision.moveTo,
        `超过第 ${row.problem.level} 级办理时限（${row.problem.dueOn}）自动提级`,
      );
      escalated.push({
        problemId: row.problem.id,
        referenceNumber: row.problem.referenceNumber,
        fromLevel: row.problem.level,
        toLevel: decision.moveTo.level,
      });
    }
  });
  outcome.notices.push(...notices);
  outcome.escalated.push(...escalated);
}

/** The China date the job ran for, for its log line. */
export const escalationDay = (outcome: EscalationOutcome) => chinaDate(new Date(outcome.asOf));
