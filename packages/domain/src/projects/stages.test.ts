import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  assertStageTransition,
  canMoveStage,
  type ProjectStage,
  projectStages,
  stageTransitions,
} from './stages';

describe('project stage transitions', () => {
  it.each([
    ['conceived', 'reserve', true],
    ['reserve', 'preparing', true],
    ['preparing', 'started', true],
    ['started', 'underway', true],
    ['started', 'completed', true],
    ['underway', 'completed', true],
    ['completed', 'operating', true],
    ['reserve', 'conceived', true],
    ['underway', 'dropped', true],
    ['dropped', 'reserve', true],
    ['conceived', 'started', false],
    ['reserve', 'operating', false],
    ['completed', 'dropped', false],
    ['operating', 'underway', false],
    ['underway', 'started', false],
  ] as [ProjectStage, ProjectStage, boolean][])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveStage(from, to)).toBe(allowed);
  });

  it('names both stages and the allowed moves when refusing', () => {
    try {
      assertStageTransition('reserve', 'operating');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_TRANSITION');
      expect((error as AppError).message).toBe('项目不能从“储备”转为“投产”（可转为：前期、谋划、淘汰）');
    }
  });

  it('reaches every stage from 谋划 and never loops to itself', () => {
    const reached = new Set<ProjectStage>(['conceived']);
    for (let i = 0; i < projectStages.length; i++)
      for (const s of [...reached]) for (const n of stageTransitions[s]) reached.add(n);
    expect(reached).toEqual(new Set(projectStages));
    for (const stage of projectStages) expect(stageTransitions[stage]).not.toContain(stage);
  });
});
