/** The dispatch module's public face (调度): meetings, their agendas and the tasks they decide. */

export { registerDispatchRoutes } from './dispatch.routes';
export { remindDispatchTasks } from './task-reminders';
export { dispatchTasksJob } from './task-reminders.job';
