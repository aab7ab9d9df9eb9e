import type { DispatchTask } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { TaskDueTag, TaskStatusTag } from './DispatchBits';
import { useDispatchTask, useMoveTask } from './dispatch.queries';
import { useDispatchError } from './use-dispatch-error';

type Action = DispatchTask['actions'][number];
const noteRequired = new Set<Action>(['reportDone', 'sendBack', 'cancel']);
const actionOrder: Action[] = ['start', 'reportDone', 'verify', 'sendBack', 'cancel'];

/** One move with its note (required for 报办结, 退回 and 撤销). */
function MoveModal({ task, action, onClose }: { task: DispatchTask; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const move = useMoveTask();
  const onError = useDispatchError();
  const isRequired = noteRequired.has(action);
  return (
    <Modal
      open
      title={`${t(`dispatch.task.actions.${action}`)} · ${task.referenceNumber}`}
      okText={t(`dispatch.task.actions.${action}`)}
      okButtonProps={
        { loading: move.isPending, danger: action === 'cancel', 'data-testid': 'task-move-ok' } as ButtonProps
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="task-move"
        onFinish={({ note }) =>
          move.mutate(
            { id: task.id, body: { action, note: note?.trim() || undefined, version: task.version } },
            {
              onSuccess: () => {
                void message.success(
                  t('dispatch.task.moved', { action: t(`dispatch.task.actions.${action}`) }),
                );
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={t(`dispatch.task.note.${action}`)}
          rules={
            isRequired
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t(`dispatch.task.noteRequired.${action as 'cancel'}`),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid="task-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A task's detail in a drawer: what, who, by when, the report and the office's answer, the history
 * as a timeline, and the moves the server lists for the reader.
 */
export function TaskDrawer({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const task = useDispatchTask(taskId);
  const [moving, setMoving] = useState<Action | null>(null);
  const data = task.data;
  return (
    <Drawer
      open
      size={screens.sm === false ? '100%' : 560}
      title={
        data ? t('dispatch.task.drawerTitle', { number: data.referenceNumber }) : t('dispatch.tasks.title')
      }
      onClose={onClose}
      data-testid="task-drawer"
    >
      {task.isPending && <Spin style={{ display: 'block', margin: '32px auto' }} />}
      {task.isError && <QueryError error={task.error} onRetry={() => void task.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="flex-start" gap={8} wrap>
            <Typography.Title level={5} style={{ margin: 0, flex: '1 1 240px' }}>
              {data.title}
            </Typography.Title>
            <TaskStatusTag status={data.status} />
          </Flex>
          {data.actions.length > 0 && (
            <Space wrap data-testid="task-actions">
              {actionOrder
                .filter((action) => data.actions.includes(action))
                .map((action) => (
                  <Button
                    key={action}
                    type={action === 'reportDone' || action === 'verify' ? 'primary' : 'default'}
                    danger={action === 'cancel'}
                    onClick={() => setMoving(action)}
                    data-testid={`task-action-${action}`}
                  >
                    {t(`dispatch.task.actions.${action}`)}
                  </Button>
                ))}
            </Space>
          )}
          <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('dispatch.tasks.organisation')}>
              {data.organisationName}
              {data.personName ? ` · ${data.personName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('dispatch.task.assignedOn')}>{data.assignedOn}</Descriptions.Item>
            <Descriptions.Item label={t('dispatch.task.limit')}>
              {t('dispatch.task.limitValue', { count: data.limitWorkingDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('dispatch.tasks.dueOn')}>
              <TaskDueTag task={data} />
            </Descriptions.Item>
            {data.meetingId && (
              <Descriptions.Item label={t('dispatch.tasks.meeting')}>
                <Link to={`/meetings/${data.meetingId}`}>{data.meetingTitle}</Link>
              </Descriptions.Item>
            )}
            {data.projectId && (
              <Descriptions.Item label={t('dispatch.tasks.project')}>
                <Link to={`/projects/${data.projectId}`}>{data.projectName}</Link>
              </Descriptions.Item>
            )}
            {data.problemId && (
              <Descriptions.Item label={t('dispatch.task.problem')}>
                <Link to={`/problems/${data.problemId}`}>{t('dispatch.task.openProblem')}</Link>
              </Descriptions.Item>
            )}
            {data.reportNote && (
              <Descriptions.Item label={t('dispatch.task.reportNote')}>
                <span className="tj-prewrap">{data.reportNote}</span>
                {data.reportedOn ? ` (${data.reportedOn})` : ''}
              </Descriptions.Item>
            )}
            {data.sendBackReason && (
              <Descriptions.Item label={t('dispatch.task.sendBackReason')}>
                {data.sendBackReason}
              </Descriptions.Item>
            )}
            {data.verifiedOn && (
              <Descriptions.Item label={t('dispatch.task.verifiedOn')}>{data.verifiedOn}</Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('dispatch.task.events')}</Typography.Title>
            <Timeline
              data-testid="task-events"
              items={data.events.map((event) => ({
                color:
                  event.toStatus === 'verified' ? 'green' : event.action === 'sendBack' ? 'orange' : 'blue',
                content: (
                  <Flex vertical>
                    <span>
                      <Typography.Text strong>
                        {t(`dispatch.task.eventActions.${event.action as Action | 'assign'}`, {
                          defaultValue: event.action,
                        })}
                      </Typography.Text>{' '}
                      · {event.actorName} · {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
                    </span>
                    {event.note && (
                      <Typography.Text type="secondary" className="tj-prewrap">
                        {event.note}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              }))}
            />
          </div>
        </Flex>
      )}
      {moving && data && <MoveModal task={data} action={moving} onClose={() => setMoving(null)} />}
    </Drawer>
  );
}
