import { deliverNotificationsJob } from '../modules/notifications/deliver-notifications.job';
import { remindersJob } from '../modules/notifications/reminder.job';
import { provisionalReplyDatesJob } from '../modules/problem-letters/provisional-reply-dates.job';
import { escalationsJob } from '../modules/problems/escalations.job';
import { warningsJob } from '../modules/warnings/warnings.job';
import type { JobDefinition } from './define-job';

/**
 * Every background job, in the order a worker enqueues the scheduled ones for a slot: warnings,
 * escalations (their notices go out through delivery), provisional reply dates, reminders, then
 * the event job that delivers notifications to the channels.
 */
export const jobRegistry: readonly JobDefinition[] = [
  warningsJob,
  escalationsJob,
  provisionalReplyDatesJob,
  remindersJob,
  deliverNotificationsJob,
];
