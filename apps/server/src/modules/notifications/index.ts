/** The notifications module's public face: what other modules may import. */

export { remindApprovalPromises } from './approval-promises';
export { approvalPromisesJob } from './approval-promises.job';
export { deemedNoticesJob, issueDeemedNoticesAndTell } from './deemed-notices.job';
export { deliverNotificationsJob } from './deliver-notifications.job';
export { notificationText } from './notification-text';
export { listMyNotifications } from './notifications.queries';
export { registerNotificationRoutes } from './notifications.routes';
export { notify } from './notify';
export { remindersJob } from './reminder.job';
export { runReminders } from './run-reminders';
