import { type HolidayCalendar, workingDeadline } from '../calendar/working-days';

/** A problem level's time limit as stored: its start, limit, due date and whether that is provisional. */
export interface ProblemDue {
  levelStartedOn: string;
  limitWorkingDays: number;
  dueOn: string;
  /** 暂定: counted through a year whose holiday arrangement is not entered yet (see `domain/calendar`). */
  isDueOnProvisional: boolean;
}

/**
 * The due date of a level that starts on `startedOn` with a limit of `limitWorkingDays`: the
 * limit-th working day after the start (the start itself not counted, 调休 counted), provisional
 * when the count reads a year the calendar does not know. Used at raise, route, reopen and
 * escalation, and to recompute a provisional due date once its year is entered.
 */
export function problemDue(
  startedOn: string,
  limitWorkingDays: number,
  calendar: HolidayCalendar,
): ProblemDue {
  const due = workingDeadline(startedOn, limitWorkingDays, calendar);
  return {
    levelStartedOn: startedOn,
    limitWorkingDays,
    dueOn: due.on,
    isDueOnProvisional: due.isProvisional,
  };
}
