import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  type ProblemAction,
  type ProblemStatus,
  problemActions,
  problemOverdueDays,
  problemStatuses,
  problemTransitions,
  transitionProblem,
} from './problem-status';

describe('problem lifecycle', () => {
  it.each<[ProblemStatus, ProblemAction, ProblemStatus]>([
    ['raised', 'route', 'accepted'],
    ['in_progress', 'route', 'accepted'],
    ['accepted', 'start', 'in_progress'],
    ['accepted', 'answer', 'answered'],
    ['in_progress', 'answer', 'answered'],
    ['answered', 'confirm', 'confirmed'],
    ['answered', 'unsatisfied', 'in_progress'],
    ['confirmed', 'writeOff', 'written_off'],
    ['raised', 'reject', 'rejected'],
    ['written_off', 'reopen', 'in_progress'],
    ['rejected', 'reopen', 'in_progress'],
    ['in_progress', 'escalate', 'in_progress'],
  ])('%s —%s→ %s', (from, action, to) => {
    expect(transitionProblem(from, action)).toBe(to);
  });

  it('refuses to write off an answer the raiser has not confirmed, in Chinese', () => {
    expect(() => transitionProblem('answered', 'writeOff')).toThrow(AppError);
    expect(() => transitionProblem('answered', 'writeOff')).toThrow(
      '问题当前状态为“已答复”，不能销号（仅“已确认”状态可以）',
    );
    try {
      transitionProblem('written_off', 'answer');
    } catch (error) {
      expect((error as AppError).code).toBe('INVALID_TRANSITION');
    }
  });

  it('never escalates or answers a closed problem', () => {
    for (const status of ['answered', 'confirmed', 'written_off', 'rejected'] as const) {
      expect(() => transitionProblem(status, 'escalate')).toThrow(AppError);
    }
    expect(() => transitionProblem('rejected', 'answer')).toThrow(AppError);
  });

  it('names only known statuses in the table', () => {
    for (const action of problemActions)
      for (const status of problemTransitions[action].from) expect(problemStatuses).toContain(status);
  });
});

describe('problemOverdueDays', () => {
  it.each([
    ['in_progress', '2026-03-05', '2026-03-06', 1],
    ['accepted', '2026-02-27', '2026-03-02', 3],
    ['raised', '2025-12-31', '2026-01-31', 31],
    ['accepted', '2026-03-05', '2026-03-05', null],
    ['accepted', '2026-03-06', '2026-03-05', null],
    ['answered', '2026-02-01', '2026-03-05', null],
    ['written_off', '2026-02-01', '2026-03-05', null],
  ] as const)('a %s problem due %s is, on %s, %s days overdue', (status, dueOn, today, expected) => {
    expect(problemOverdueDays(status, dueOn, today)).toBe(expected);
  });
});
