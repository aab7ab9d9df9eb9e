import { AppError } from '../errors';

/** 调度会议: planned (议程可调) → held (召开, agenda fixed; minutes, decisions, tasks) → closed (交办单下发). */
export const meetingStatuses = ['planned', 'held', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingActions = ['editAgenda', 'hold', 'assignTask', 'close'] as const;
export type MeetingAction = (typeof meetingActions)[number];

/**
 * The lifecycle as a table: for each action, the statuses it may be taken in and the status it
 * leaves (`null`: unchanged). The agenda is edited only before the sitting; tasks are assigned once
 * it is held and until it closes with its 交办单.
 */
export const meetingTransitions: Record<
  MeetingAction,
  { from: readonly MeetingStatus[]; to: MeetingStatus | null }
> = {
  editAgenda: { from: ['planned'], to: null },
  hold: { from: ['planned'], to: 'held' },
  assignTask: { from: ['held'], to: null },
  close: { from: ['held'], to: 'closed' },
};

const refusals: Record<MeetingAction, Partial<Record<MeetingStatus, string>>> = {
  editAgenda: { held: '会议已召开，议程已定稿', closed: '会议已召开，议程已定稿' },
  hold: { held: '会议已召开', closed: '会议已召开' },
  assignTask: {
    planned: '会议召开后才能交办事项',
    closed: '会议已结束，交办单已下发，不能再增加交办事项',
  },
  close: { planned: '会议尚未召开', closed: '会议已结束，交办单已下发' },
};

/** The status `action` leaves the meeting in; CONFLICT saying why when it may not be taken now. */
export function transitionMeeting(status: MeetingStatus, action: MeetingAction): MeetingStatus {
  const move = meetingTransitions[action];
  if (!move.from.includes(status))
    throw new AppError('CONFLICT', refusals[action][status] ?? '会议状态已变化');
  return move.to ?? status;
}
