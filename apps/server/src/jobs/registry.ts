import { dispatchTasksJob } from '../modules/dispatch';
import {
  approvalPromisesJob,
  deemedNoticesJob,
  deliverNotificationsJob,
  remindersJob,
} from '../modules/notifications';
import { provisionalReplyDatesJob } from '../modules/problem-letters';
import { escalationsJob } from '../modules/problems';
import { warningsJob } from '../modules/warnings';
import type { JobDefinition } from './define-job';

/**
 * Every background job, in the order a worker enqueues the scheduled ones for a slot: warnings,
 * escalations (their notices go out through delivery), provisional reply dates, reminders, 容缺
 * promise reminders, 超时默认 notices, 交办事项 reminders, then
 * the event job that delivers notifications to the channels.
 */
export const jobRegistry: readonly JobDefinition[] = [
  warningsJob,
  escalationsJob,
  provisionalReplyDatesJob,
  remindersJob,
  approvalPromisesJob,
  deemedNoticesJob,
  dispatchTasksJob,
  deliverNotificationsJob,
];
