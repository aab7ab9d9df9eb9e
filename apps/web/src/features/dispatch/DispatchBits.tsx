import type { DispatchTask, Meeting, MeetingSeries } from '@tuijin/contracts';
import { daysLeft } from '@tuijin/domain';
import { Select, type SelectProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { useDispatchOrganisations } from './dispatch.queries';
import { cadenceWords } from './dispatch-logic';

const taskColours: Record<DispatchTask['status'], string> = {
  assigned: 'blue',
  in_progress: 'processing',
  reported_done: 'gold',
  verified: 'success',
  sent_back: 'orange',
  cancelled: 'default',
};

/** A task's status in the reader's language. */
export function TaskStatusTag({ status }: { status: DispatchTask['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={taskColours[status]} data-testid="task-status">
      {t(`dispatch.tasks.statuses.${status}`)}
    </Tag>
  );
}

const meetingColours: Record<Meeting['status'], string> = {
  planned: 'processing',
  held: 'success',
  closed: 'default',
};

/** 待召开 / 已召开 / 已结束. */
export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={meetingColours[status]} data-testid="meeting-status">
      {t(`dispatch.meetings.statuses.${status}`)}
    </Tag>
  );
}

/** The cadence in words: 每周一, 每 2 周周三, 每月第 3 个工作日, 不定期. */
export function useCadenceText() {
  const { t } = useTranslation();
  return (cadence: MeetingSeries['cadence']) => {
    const words = cadenceWords(cadence);
    const weekday = words.weekday ? t(`dispatch.weekdays.${words.weekday as '1'}`) : '';
    return t(`dispatch.cadence.${words.key}`, { weekday, count: words.count, n: words.n });
  };
}

/** Today in the reader's calendar, the day the deadline tags count from. */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/**
 * An open task's due date with 剩 N 天 / 今天到期 / 超期 N 天 (red); a closed task's date alone; 暂定
 * when it was counted through a year whose holiday arrangement is not entered yet.
 */
export function TaskDueTag({
  task,
}: {
  task: Pick<DispatchTask, 'dueOn' | 'overdue' | 'status' | 'isDueOnProvisional'>;
}) {
  const { t } = useTranslation();
  const open = ['assigned', 'in_progress', 'sent_back'].includes(task.status);
  const provisional = open && task.isDueOnProvisional ? <ProvisionalTag /> : null;
  if (!open) return <span>{task.dueOn}</span>;
  const left = daysLeft(todayIso(), task.dueOn);
  if (task.overdue || left < 0)
    return (
      <span className="tj-task-overdue" data-testid="task-overdue">
        {task.dueOn} · {t('dispatch.tasks.overdueDays', { count: Math.max(1, -left) })}
        {provisional}
      </span>
    );
  return (
    <span>
      {task.dueOn}{' '}
      <Tag color={left <= 3 ? 'warning' : 'default'}>
        {left === 0 ? t('dispatch.tasks.dueToday') : t('dispatch.tasks.daysLeft', { count: left })}
      </Tag>
      {provisional}
    </span>
  );
}

/** Picks organisations a meeting names (attending, responsible): the jurisdiction's and the departments above. */
export function DispatchOrganisationSelect(props: Omit<SelectProps<string | string[]>, 'options'>) {
  const { t } = useTranslation();
  const organisations = useDispatchOrganisations();
  const options = useMemo(
    () => (organisations.data ?? []).filter((o) => o.isActive).map((o) => ({ value: o.id, label: o.name })),
    [organisations.data],
  );
  return (
    <Select<string | string[]>
      placeholder={t('organisations.selectPlaceholder')}
      loading={organisations.isFetching}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
    />
  );
}
