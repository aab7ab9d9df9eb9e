import { taskStatuses } from '@tuijin/domain';
import { Card, Form, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useCan } from '../auth/use-current-user';
import { useDispatchTasks } from './dispatch.queries';
import { TaskDrawer } from './TaskDrawer';
import { TaskList } from './TaskViews';
import './dispatch.css';

interface TaskFilters {
  status?: (typeof taskStatuses)[number];
  overdue?: 'true' | 'false';
}

/**
 * 交办事项: my unit's tasks or all the reader may see, by status and 超期, earliest due first (overdue
 * in red with the days); a task opens in a drawer (`?task=<id>`) with its history and moves. A table
 * on a desktop, cards on a phone.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<TaskFilters>();
  const view =
    params.get('view') === 'all' || params.get('view') === 'mine'
      ? (params.get('view') as 'all' | 'mine')
      : can('dispatch.manage')
        ? 'all'
        : 'mine';
  const { query, applyFilters, pagination } = usePagedFilters<TaskFilters>();
  const tasks = useDispatchTasks({ ...query, view });
  const openTask = params.get('task');
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <Card title={t('dispatch.tasks.title')}>
      <Tabs
        activeKey={view}
        onChange={(key) => setParam('view', key)}
        items={[
          { key: 'mine', label: <span data-testid="tasks-tab-mine">{t('dispatch.tasks.mine')}</span> },
          { key: 'all', label: <span data-testid="tasks-tab-all">{t('dispatch.tasks.all')}</span> },
        ]}
      />
      <FilterBar<TaskFilters> form={form} name="task-filters" onSearch={applyFilters}>
        <Form.Item name="status">
          <Select
            allowClear
            className="tj-filter-sm"
            placeholder={t('dispatch.tasks.anyStatus')}
            options={taskStatuses.map((s) => ({ value: s, label: t(`dispatch.tasks.statuses.${s}`) }))}
            data-testid="tasks-status"
          />
        </Form.Item>
        <Form.Item name="overdue">
          <Select
            allowClear
            className="tj-filter-sm"
            placeholder={t('dispatch.tasks.overdue')}
            options={[
              { value: 'true', label: t('dispatch.tasks.overdueOnly') },
              { value: 'false', label: t('dispatch.tasks.notOverdue') },
            ]}
            data-testid="tasks-overdue"
          />
        </Form.Item>
      </FilterBar>
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      <TaskList
        tasks={tasks.data?.data ?? []}
        loading={tasks.isFetching}
        pagination={pagination(tasks.data?.page.total)}
        onOpen={(id) => setParam('task', id)}
      />
      {openTask && <TaskDrawer taskId={openTask} onClose={() => setParam('task', null)} />}
    </Card>
  );
}
