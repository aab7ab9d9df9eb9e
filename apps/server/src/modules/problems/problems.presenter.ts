import type { Problem, ProblemDetail } from '@tuijin/contracts';
import { type Actor, isOverdueProblem, problemOverdueDays } from '@tuijin/domain';
import { problemAbilities } from './problem-abilities';
import { type LoadedLadder, type LoadedProblem, scopedOf } from './problem-context';

/** Facts joined onto a problem row for display. */
export interface ProblemExtras {
  handlerOrganisationName: string | null;
  /** The ladder that applies to the problem's region (names the level, says who handles it). */
  ladder: LoadedLadder | null;
  classId: string | null;
}

/** Row → wire shape, an explicit field list, plus the moves the caller may make now. */
export function presentProblem(
  actor: Actor,
  loaded: Pick<LoadedProblem, 'problem' | 'project'>,
  extras: ProblemExtras,
  today: string,
): Problem {
  const { problem, project } = loaded;
  return {
    id: problem.id,
    referenceNumber: problem.referenceNumber,
    legacyReferenceNumber: problem.legacyReferenceNumber,
    projectId: project.id,
    projectName: project.name,
    regionCode: problem.regionCode,
    category: problem.category,
    description: problem.description,
    request: problem.request,
    channel: problem.channel,
    callerName: problem.callerName,
    callerPhone: problem.callerPhone,
    raisedByName: problem.raisedByName,
    raisedAt: problem.raisedAt.toISOString(),
    status: problem.status,
    level: problem.level,
    levelName: extras.ladder?.levels.find((l) => l.level === problem.level)?.name ?? null,
    levelStartedOn: problem.levelStartedOn,
    dueOn: problem.dueOn,
    isDueOnProvisional: problem.isDueOnProvisional,
    isOverdue: isOverdueProblem(problem.status, problem.dueOn, today),
    overdueDays: problemOverdueDays(problem.status, problem.dueOn, today),
    handlerOrganisationId: problem.handlerOrganisationId,
    handlerOrganisationName: extras.handlerOrganisationName,
    answer: problem.answer,
    answeredAt: problem.answeredAt?.toISOString() ?? null,
    answeredByName: problem.answeredByName,
    confirmedAt: problem.confirmedAt?.toISOString() ?? null,
    writtenOffAt: problem.writtenOffAt?.toISOString() ?? null,
    rejectReason: problem.rejectReason,
    classId: extras.classId,
    approvalItemId: problem.approvalItemId,
    version: problem.version,
    actions: problemAbilities(
      actor,
      { problem, scoped: scopedOf(problem, project, extras.ladder) },
      extras.ladder,
    ),
  };
}

export type ProblemEventView = ProblemDetail['events'][number];
