/** The dispatch module's public face (调度): meetings, their agendas and the tasks they decide. */

export { registerDispatchRoutes } from './dispatch.routes';
export { closeMeeting } from './dispatch-sheets';
export { recordFieldVisit } from './field-visits';
export { createMeetingSeries, updateMeetingSeries } from './meeting-series';
export {
  editMeetingAgenda,
  getMeeting,
  holdMeeting,
  recordAgendaMinutes,
  recordMeetingAttendance,
  scheduleMeeting,
} from './meetings';
export { recomputeProvisionalTaskDueDates } from './recompute-provisional-task-due-dates';
export { remindDispatchTasks } from './task-reminders';
export { dispatchTasksJob } from './task-reminders.job';
export { decideTask, listDispatchTasks, moveDispatchTask } from './tasks';
export { visitPhotosOfProject } from './visit-photos';
