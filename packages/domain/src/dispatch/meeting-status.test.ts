import { describe, expect, it } from 'vitest';
import { meetingActions, meetingStatuses, meetingTransitions, transitionMeeting } from './meeting-status';

describe('the meeting lifecycle', () => {
  it('holds a planned meeting, closes a held one, and keeps the status for agenda edits and tasks', () => {
    expect(transitionMeeting('planned', 'hold')).toBe('held');
    expect(transitionMeeting('held', 'close')).toBe('closed');
    expect(transitionMeeting('planned', 'editAgenda')).toBe('planned');
    expect(transitionMeeting('held', 'assignTask')).toBe('held');
  });

  it('refuses every other move with the reason the office reads', () => {
    expect(() => transitionMeeting('held', 'editAgenda')).toThrow('会议已召开，议程已定稿');
    expect(() => transitionMeeting('planned', 'assignTask')).toThrow('会议召开后才能交办事项');
    expect(() => transitionMeeting('closed', 'assignTask')).toThrow('不能再增加交办事项');
    expect(() => transitionMeeting('planned', 'close')).toThrow('会议尚未召开');
    for (const action of meetingActions)
      for (const status of meetingStatuses)
        if (!meetingTransitions[action].from.includes(status))
          expect(() => transitionMeeting(status, action)).toThrow();
  });
});
