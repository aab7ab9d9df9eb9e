import { auditLogDailyJob } from '../modules/audit';
import { dailyBulletinsJob } from '../modules/bulletins';
import { dispatchTasksJob } from '../modules/dispatch';
import { overdueInspectionFindingsJob } from '../modules/inspections';
import {
  approvalPromisesJob,
  deemedNoticesJob,
  deliverNotificationsJob,
  remindersJob,
} from '../modules/notifications';
import { provisionalReplyDatesJob } from '../modules/problem-letters';
import { escalationsJob } from '../modules/problems';
import { warningsJob } from '../modules/warnings';
import { healthPurgeJob } from '../modules/workforce';
import type { JobDefinition } from './define-job';

/**
 * Every background job, in the order a worker enqueues the scheduled ones for a slot: warnings,
 * escalations (their notices go out through delivery), provisional reply dates, reminders, 容缺
 * promise reminders, 超时默认 notices, 交办事项 reminders, the daily purge of expired health records,
 * overdue 督查问题 raised as problems, 一日一通报 (after them, so the day's figures hold them), the audit log's daily checkpoint and
 * retention purge, then
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
  healthPurgeJob,
  overdueInspectionFindingsJob,
  dailyBulletinsJob,
  auditLogDailyJob,
  deliverNotificationsJob,
];
