import type { DispatchTask } from '@tuijin/contracts';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Table,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskDueTag, TaskStatusTag } from './DispatchBits';

interface TaskViewProps {
  tasks: DispatchTask[];
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  onOpen: (taskId: string) => void;
  /** Hide the meeting column (on the meeting's own page). */
  hideMeeting?: boolean;
}

/** 办理 when the reader has a move to make, 查看 otherwise. */
function OpenButton({ task, onOpen }: { task: DispatchTask; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      type={task.actions.length > 0 ? 'primary' : 'default'}
      onClick={() => onOpen(task.id)}
      data-testid="task-open"
    >
      {task.actions.length > 0 ? t('dispatch.tasks.open') : t('dispatch.tasks.view')}
    </Button>
  );
}

/** Tasks as a table on a desktop, as cards on a phone (one per task: title, unit, due, status, 办理). */
export function TaskList({ tasks, loading, pagination = false, onOpen, hideMeeting }: TaskViewProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (screens.sm === false)
    return (
      <Flex vertical gap={8} data-testid="task-cards">
        {tasks.length === 0 && !loading && <Empty description={t('dispatch.tasks.empty')} />}
        {tasks.map((task) => (
          <Card
            key={task.id}
            size="small"
            className="tj-task-card"
            data-testid="task-card"
            title={
              <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                {task.title}
              </Typography.Text>
            }
            extra={<TaskStatusTag status={task.status} />}
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('dispatch.tasks.referenceNumber')}>
                {task.referenceNumber}
              </Descriptions.Item>
              <Descriptions.Item label={t('dispatch.tasks.organisation')}>
                {task.organisationName}
                {task.personName ? ` · ${task.personName}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('dispatch.tasks.dueOn')}>
                <TaskDueTag task={task} />
              </Descriptions.Item>
              {task.projectName && (
                <Descriptions.Item label={t('dispatch.tasks.project')}>{task.projectName}</Descriptions.Item>
              )}
            </Descriptions>
            <Flex justify="flex-end">
              <OpenButton task={task} onOpen={onOpen} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  return (
    <Table<DispatchTask>
      rowKey="id"
      size="small"
      className="tj-dispatch-table"
      loading={loading}
      dataSource={tasks}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dispatch.tasks.empty') }}
      data-testid="tasks"
      columns={[
        { key: 'number', title: t('dispatch.tasks.referenceNumber'), dataIndex: 'referenceNumber' },
        {
          key: 'title',
          title: t('dispatch.tasks.taskTitle'),
          render: (_, task) => <span className="tj-task-cell is-wide">{task.title}</span>,
        },
        {
          key: 'organisation',
          title: t('dispatch.tasks.organisation'),
          render: (_, task) => (
            <span className="tj-task-cell">
              {task.organisationName}
              {task.personName ? ` · ${task.personName}` : ''}
            </span>
          ),
        },
        ...(hideMeeting
          ? []
          : [
              {
                key: 'meeting',
                title: t('dispatch.tasks.meeting'),
                render: (_: unknown, task: DispatchTask) =>
                  task.meetingId ? <Link to={`/meetings/${task.meetingId}`}>{task.meetingTitle}</Link> : '—',
              },
            ]),
        {
          key: 'project',
          title: t('dispatch.tasks.project'),
          render: (_, task) =>
            task.projectId ? <Link to={`/projects/${task.projectId}`}>{task.projectName}</Link> : '—',
        },
        { key: 'due', title: t('dispatch.tasks.dueOn'), render: (_, task) => <TaskDueTag task={task} /> },
        {
          key: 'status',
          title: t('dispatch.tasks.status'),
          render: (_, task) => <TaskStatusTag status={task.status} />,
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, task) => <OpenButton task={task} onOpen={onOpen} />,
        },
      ]}
    />
  );
}
