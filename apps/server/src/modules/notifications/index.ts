/** The notifications module's public face: what other modules may import. */
export { listMyNotifications } from './notifications.queries';
export { notify } from './notify';
export { runReminders } from './run-reminders';
