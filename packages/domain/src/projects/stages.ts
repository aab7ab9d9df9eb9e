import { AppError } from '../errors';

/**
 * Lifecycle stages of a key project: 谋划 → 储备 → 前期 → 新开工 → 在建 → 竣工 → 投产, and 淘汰 (dropped).
 */
export const projectStages = [
  'conceived',
  'reserve',
  'preparing',
  'started',
  'underway',
  'completed',
  'operating',
  'dropped',
] as const;
export type ProjectStage = (typeof projectStages)[number];

export const projectStageNames: Record<ProjectStage, string> = {
  conceived: '谋划',
  reserve: '储备',
  preparing: '前期',
  started: '新开工',
  underway: '在建',
  completed: '竣工',
  operating: '投产',
  dropped: '淘汰',
};

/** Chinese name → stage, for filters and imports that speak the office's words (新开工, 在建…). */
export const stageByName: Record<string, ProjectStage> = Object.fromEntries(
  Object.entries(projectStageNames).map(([stage, name]) => [name, stage as ProjectStage]),
) as Record<string, ProjectStage>;

/**
 * The transition table. Forward moves follow the lifecycle (a project may skip 前期 straight from
 * 储备 only through 前期, but may go 新开工 → 竣工 within one year); a step back is allowed where
 * offices re-plan (储备 → 谋划, 前期 → 储备); any project not yet completed may be dropped, and a
 * dropped project may be revived into 谋划 or 储备.
 */
export const stageTransitions: Record<ProjectStage, readonly ProjectStage[]> = {
  conceived: ['reserve', 'dropped'],
  reserve: ['preparing', 'conceived', 'dropped'],
  preparing: ['started', 'reserve', 'dropped'],
  started: ['underway', 'completed', 'dropped'],
  underway: ['completed', 'dropped'],
  completed: ['operating'],
  operating: [],
  dropped: ['conceived', 'reserve'],
};

export const canMoveStage = (from: ProjectStage, to: ProjectStage) => stageTransitions[from].includes(to);

/** Throws INVALID_TRANSITION, naming both stages and the moves that are allowed, unless legal. */
export function assertStageTransition(from: ProjectStage, to: ProjectStage): void {
  if (canMoveStage(from, to)) return;
  const allowed = stageTransitions[from].map((s) => projectStageNames[s]).join('、') || '无';
  throw new AppError(
    'INVALID_TRANSITION',
    `项目不能从“${projectStageNames[from]}”转为“${projectStageNames[to]}”（可转为：${allowed}）`,
    [{ path: 'to', message: `可转为：${allowed}` }],
  );
}
