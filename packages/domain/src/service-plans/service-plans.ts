import { AppError } from '../errors';

/**
 * 一项目一策: a project's service plan is a set of measures (措施), each with a responsible unit, a
 * due date and a status. Source: issue 16 item 8; DOMAIN.md "Funds before money arrives"
 * (一个项目一个方案); Ningde's 分类 + 一项目一策 精准服务 in the seeds.
 */
export const measureStatuses = ['notStarted', 'inProgress', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** zh-CN names of the measure statuses, as ledgers and messages print them. */
export const measureStatusNames: Record<MeasureStatus, string> = {
  notStarted: '未开始',
  inProgress: '推进中',
  done: '已完成',
  cancelled: '已取消',
};

/**
 * The allowed status moves as a table: 未开始 → 推进中 / 已完成 / 已取消; 推进中 → 已完成 / 已取消 /
 * back to 未开始; a finished (已完成) or cancelled measure may be reopened to 推进中.
 */
export const measureStatusMoves: Record<MeasureStatus, readonly MeasureStatus[]> = {
  notStarted: ['inProgress', 'done', 'cancelled'],
  inProgress: ['done', 'cancelled', 'notStarted'],
  done: ['inProgress'],
  cancelled: ['inProgress'],
};

/** Refuses a move the table does not allow (INVALID_TRANSITION, naming both statuses in zh-CN). */
export function assertMeasureMove(from: MeasureStatus, to: MeasureStatus): void {
  if (!measureStatusMoves[from].includes(to))
    throw new AppError(
      'INVALID_TRANSITION',
      `措施不能从「${measureStatusNames[from]}」改为「${measureStatusNames[to]}」`,
    );
}

/** Whether a measure is still open (neither 已完成 nor 已取消). */
export const isMeasureOpen = (status: MeasureStatus) => status === 'notStarted' || status === 'inProgress';

/**
 * 逾期措施: a measure is overdue when it is still open and its due date is before `today` (a measure
 * due today is not yet overdue). `today` is the injected clock's China date.
 */
export const isMeasureOverdue = (measure: { status: MeasureStatus; dueOn: string }, today: string) =>
  isMeasureOpen(measure.status) && measure.dueOn < today;

/** Counts of a plan's measures by status, plus the overdue ones, as the office list shows them. */
export interface MeasureCounts {
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  cancelled: number;
  overdue: number;
}

/** Counts measures by status and overdue on `today` (`isMeasureOverdue`). */
export function countMeasures(
  measures: readonly { status: MeasureStatus; dueOn: string }[],
  today: string,
): MeasureCounts {
  const counts: MeasureCounts = { total: 0, notStarted: 0, inProgress: 0, done: 0, cancelled: 0, overdue: 0 };
  for (const measure of measures) {
    counts.total += 1;
    counts[measure.status] += 1;
    if (isMeasureOverdue(measure, today)) counts.overdue += 1;
  }
  return counts;
}

/**
 * 项目分类 (Ningde's 分类 by 轻重缓急): the default classes of the `projectClass` dictionary, in
 * priority order. An office may rename or add classes; projects keep the text they were given.
 */
export const defaultProjectClasses = ['产业链类', '基础设施类', '急需民生类'] as const;
