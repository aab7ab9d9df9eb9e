import type { DispatchTask, WorkbenchItem, WorkbenchSection } from '@tuijin/contracts';
import type { ProblemStatus, WarningColour } from '@tuijin/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import { TaskStatusTag } from '../dispatch/DispatchBits';
import { useNotificationText } from '../notifications/use-notification-text';
import { ProblemStatusTag } from '../problems/ProblemBits';
import { ReportStatusTag } from '../reports/ReportBits';
import { WarningTag } from '../warnings/WarningTag';

type Key = WorkbenchSection['key'];
type DispatchTaskStatus = DispatchTask['status'];
const reportStatuses = ['absent', 'draft', 'submitted', 'returned', 'approved'] as const;
type ReportStatus = (typeof reportStatuses)[number];

/** "截止 11-25 · 剩 3 天", "今天截止" or "逾期 5 天" (red), from the item's due date. */
export function DeadlineTag({ item }: { item: Pick<WorkbenchItem, 'dueOn' | 'daysLeft'> }) {
  const { t } = useTranslation();
  if (!item.dueOn || item.daysLeft === null) return null;
  const date = dayjs(item.dueOn).format('MM-DD');
  if (item.daysLeft < 0)
    return (
      <Tag color="error" data-testid="workbench-deadline">
        {t('workbench.overdueDays', { count: -item.daysLeft })}
      </Tag>
    );
  return (
    <Tag color={item.daysLeft <= 3 ? 'warning' : 'default'} data-testid="workbench-deadline">
      {t('workbench.dueOn', { date })} ·{' '}
      {item.daysLeft === 0 ? t('workbench.dueToday') : t('workbench.daysLeft', { count: item.daysLeft })}
    </Tag>
  );
}

/** The item's state in the reader's language, as the module's own pages show it. */
export function ItemStatus({ sectionKey, item }: { sectionKey: Key; item: WorkbenchItem }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const status = item.status;
  if (!status) return null;
  switch (sectionKey) {
    case 'reportsToFill':
    case 'statusBoard':
      return status === 'missing' ? (
        <Tag color="error">{t('reports.missing')}</Tag>
      ) : reportStatuses.includes(status as ReportStatus) ? (
        <ReportStatusTag status={status as ReportStatus} />
      ) : null;
    case 'reportsToReview':
      return item.params?.late ? <Tag color="warning">{t('workbench.lateSubmission')}</Tag> : null;
    case 'problemsToConfirm':
    case 'problemsToHandle':
    case 'problemsAwaitingOffice':
    case 'problemsOverdue':
    case 'problemsOnMyProjects':
      return <ProblemStatusTag status={status as ProblemStatus} />;
    case 'lettersToReply':
      return <Tag color="orange">{t(`problemLetters.kinds.${status as 'reminder' | 'supervision'}`)}</Tag>;
    case 'tasksToHandle':
      return <TaskStatusTag status={status as DispatchTaskStatus} />;
    case 'findingsToRectify':
      return (
        <Tag color={status === 'returned' ? 'magenta' : 'warning'}>
          {t(`inspections.statuses.${status as 'open' | 'returned'}`)}
        </Tag>
      );
    case 'warnings':
    case 'redProjects':
      return <WarningTag colour={status as WarningColour} />;
    case 'holidayCalendar':
      return <Tag color="error">{t('workbench.holidayMissing')}</Tag>;
    case 'auditEvents':
      return <Tag>{labels.auditAction(status)}</Tag>;
    default:
      return null;
  }
}

/** The item's name line: the project (or person, year, notification title) in the reader's language. */
export function useItemTitle() {
  const { t } = useTranslation();
  const notificationText = useNotificationText();
  return (sectionKey: Key, item: WorkbenchItem) => {
    if (sectionKey === 'notifications')
      return notificationText({ kind: item.title, params: item.params ?? {} }).title;
    if (sectionKey === 'holidayCalendar') return t('workbench.holidayYear', { year: item.title });
    if (sectionKey === 'auditChain') return t('workbench.chainBroken', { id: item.title });
    return item.title;
  };
}

/** The secondary line: the detail the server sent, or a sentence built from the item's params. */
export function useItemDetail() {
  const { t } = useTranslation();
  const notificationText = useNotificationText();
  return (sectionKey: Key, item: WorkbenchItem): string | null => {
    if (sectionKey === 'notifications')
      return notificationText({ kind: item.title, params: item.params ?? {} }).text;
    if (sectionKey === 'reportsToReview' && item.params)
      return [t('workbench.reportMonth', { year: item.params.year, month: item.params.month }), item.detail]
        .filter(Boolean)
        .join(' · ');
    if (sectionKey === 'lockedUsers' && typeof item.params?.lockedUntil === 'string')
      return [
        item.detail,
        t('workbench.lockedUntil', { time: dayjs(item.params.lockedUntil).format('MM-DD HH:mm') }),
      ]
        .filter(Boolean)
        .join(' · ');
    if (sectionKey === 'auditEvents' && item.detail) return dayjs(item.detail).format('YYYY-MM-DD HH:mm');
    return item.detail;
  };
}
