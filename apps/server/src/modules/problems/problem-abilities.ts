import {
  type Actor,
  AppError,
  can,
  canTransitionProblem,
  type EscalationLadder,
  handlesProblem,
  managesProblem,
  type ProblemAction,
  problemActions,
  speaksForRaiser,
} from '@tuijin/domain';
import type { LoadedProblem } from './problem-context';

/**
 * Who may make each move, by relationship to the problem: the handler organisation starts and
 * answers; the raiser (or, for a hotline call or a meeting, the office for them) confirms or sends
 * back; the office of the project's region (or above) routes, rejects, reopens, escalates by hand
 * and writes off.
 */
export function mayAct(
  actor: Actor,
  loaded: Pick<LoadedProblem, 'problem' | 'scoped'>,
  action: ProblemAction,
) {
  const { problem, scoped } = loaded;
  const office = managesProblem(actor, scoped);
  switch (action) {
    case 'start':
    case 'answer':
      return handlesProblem(actor, scoped);
    case 'confirm':
    case 'unsatisfied':
      return (
        speaksForRaiser(actor, scoped) ||
        (office && (problem.channel === 'hotline' || problem.channel === 'meeting'))
      );
    case 'route':
    case 'reject':
    case 'reopen':
      return office && can(actor, 'problem.route');
    case 'escalate':
      return office && can(actor, 'problem.escalate');
    case 'writeOff':
      return office && can(actor, 'problem.writeOff');
  }
}

/**
 * The moves the actor may make now: allowed for them and from the current status; 提级 only where the
 * ladder that applies has a level above the problem's (no ladder, or the top level: not offered).
 */
export function problemAbilities(
  actor: Actor,
  loaded: Pick<LoadedProblem, 'problem' | 'scoped'>,
  ladder: Pick<EscalationLadder, 'levels'> | null,
) {
  const hasLevelAbove = ladder?.levels.some((l) => l.level === loaded.problem.level + 1) ?? false;
  return problemActions.filter(
    (action) =>
      canTransitionProblem(loaded.problem.status, action) &&
      mayAct(actor, loaded, action) &&
      (action !== 'escalate' || hasLevelAbove),
  );
}

/** Throws FORBIDDEN (the problem is visible, the move is not the actor's to make). */
export function assertMayAct(actor: Actor, loaded: LoadedProblem, action: ProblemAction) {
  if (!mayAct(actor, loaded, action)) throw new AppError('FORBIDDEN', '您不能对此问题执行此操作');
}
