import { EditOutlined, SendOutlined } from '@ant-design/icons';
import type { AgendaItem, MeetingDetail } from '@tuijin/contracts';
import { isProvisionalDeadline, taskDueOn } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { useCalendarYear } from '../calendar/calendar.queries';
import { AgendaItemTitle } from './AgendaEditor';
import { DispatchOrganisationSelect } from './DispatchBits';
import { useDecideTask, useRecordMinutes } from './dispatch.queries';
import { holidayCalendarOf } from './dispatch-logic';
import { useDispatchError } from './use-dispatch-error';

interface DecideValues {
  title: string;
  organisationId: string;
  personName?: string;
  limitWorkingDays: number;
}

/** The due date the server will count: working days from the meeting day on the holiday calendar. */
function useDueOn(heldOn: string, days: number | undefined) {
  const year = Number(heldOn.slice(0, 4));
  const thisYear = useCalendarYear(year);
  const nextYear = useCalendarYear(year + 1);
  if (!thisYear.data || !nextYear.data || !days || days < 1 || days > 250) return null;
  const calendar = holidayCalendarOf([thisYear.data, nextYear.data]);
  const dueOn = taskDueOn(heldOn, days, calendar);
  return { dueOn, isProvisional: isProvisionalDeadline(heldOn, dueOn, calendar) };
}

/** 交办: the decision on an item as a task — what, which unit, who, in how many working days (due date shown). */
function DecideTaskModal({
  meeting,
  item,
  onClose,
}: {
  meeting: MeetingDetail;
  item: AgendaItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const decide = useDecideTask();
  const onError = useDispatchError();
  const days = Form.useWatch('limitWorkingDays', form) ?? 5;
  const due = useDueOn(meeting.heldOn, days);
  const linked = [
    item.projectId ? t('dispatch.decide.linkedProject') : null,
    item.source === 'problem' ? t('dispatch.decide.linkedProblem') : null,
  ].filter(Boolean);

  return (
    <Modal
      open
      title={t('dispatch.decide.title')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: decide.isPending, 'data-testid': 'decide-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('dispatch.decide.item', { title: item.title })}
      </Typography.Paragraph>
      <Form<DecideValues>
        form={form}
        layout="vertical"
        name="decide-task"
        initialValues={{ limitWorkingDays: 5 }}
        onFinish={(values) =>
          decide.mutate(
            {
              meetingId: meeting.id,
              body: {
                agendaItemId: item.id,
                title: values.title.trim(),
                organisationId: values.organisationId,
                personName: values.personName?.trim() || undefined,
                limitWorkingDays: values.limitWorkingDays,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('dispatch.decide.done', { title: values.title.trim() }));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('dispatch.decide.taskTitle')}
          rules={[{ required: true, whitespace: true, message: t('dispatch.decide.taskTitleRequired') }]}
        >
          <Input.TextArea autoSize maxLength={200} data-testid="decide-title" />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('dispatch.decide.organisation')}
          rules={[{ required: true, message: t('dispatch.decide.organisationRequired') }]}
        >
          <DispatchOrganisationSelect data-testid="decide-organisation" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="personName" label={t('dispatch.decide.person')}>
            <Input maxLength={40} data-testid="decide-person" />
          </Form.Item>
          <Form.Item
            name="limitWorkingDays"
            label={t('dispatch.decide.days')}
            rules={[{ required: true, message: t('dispatch.decide.daysRequired') }]}
          >
            <InputNumber min={1} max={250} precision={0} data-testid="decide-days" />
          </Form.Item>
        </Space>
        {due && (
          <Alert
            type="info"
            showIcon
            data-testid="decide-due"
            title={
              <>
                {t('dispatch.decide.dueOn', { date: due.dueOn, from: meeting.heldOn, days })}
                {due.isProvisional && <ProvisionalTag />}
              </>
            }
          />
        )}
        {linked.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('dispatch.decide.linked', { what: linked.join('、') })}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}

/** One item's minutes: shown, or edited in place by the office. */
function Minutes({ item, canManage }: { item: AgendaItem; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordMinutes();
  const onError = useDispatchError();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null)
    return (
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Input.TextArea
          autoSize={{ minRows: 2 }}
          maxLength={4000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="minutes-input"
        />
        <Space>
          <Button
            type="primary"
            size="small"
            loading={record.isPending}
            data-testid="minutes-save"
            onClick={() =>
              record.mutate(
                { itemId: item.id ?? '', minutes: draft.trim() },
                {
                  onSuccess: () => {
                    void message.success(t('dispatch.meeting.minutesSaved'));
                    setDraft(null);
                  },
                  onError: (error) => onError(error),
                },
              )
            }
          >
            {t('common.save')}
          </Button>
          <Button size="small" onClick={() => setDraft(null)}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Flex>
    );
  return (
    <Flex gap={8} align="flex-start" wrap>
      <Typography.Text type="secondary">{t('dispatch.meeting.minutesLabel')}</Typography.Text>
      {item.minutes ? (
        <Typography.Text className="tj-prewrap" data-testid="minutes-text">
          {item.minutes}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('dispatch.meeting.minutesEmpty')}</Typography.Text>
      )}
      {canManage && (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setDraft(item.minutes)}
          data-testid="minutes-edit"
        >
          {t('dispatch.meeting.minutesEdit')}
        </Button>
      )}
    </Flex>
  );
}

/** The fixed agenda of a held meeting: each item with its minutes and 交办, and how many tasks it gave. */
export function HeldAgenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  const tasksOf = (itemId: string | null) =>
    meeting.tasks.filter((task) => task.agendaItemId === itemId).length;
  return (
    <Card size="small" title={t('dispatch.meeting.agenda')}>
      <List<AgendaItem>
        dataSource={meeting.agenda}
        locale={{ emptyText: t('dispatch.meeting.agendaEmpty') }}
        data-testid="agenda"
        renderItem={(item, index) => (
          <List.Item
            className="tj-agenda-item"
            data-testid="agenda-item"
            data-key={item.key}
            actions={
              meeting.canManage && meeting.status === 'held'
                ? [
                    <Button
                      key="decide"
                      size="small"
                      icon={<SendOutlined />}
                      onClick={() => setDeciding(item)}
                      data-testid="agenda-decide"
                    >
                      {t('dispatch.meeting.decide')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} align="baseline">
                <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                <AgendaItemTitle item={item} />
              </Flex>
              <Minutes item={item} canManage={meeting.canManage} />
              {tasksOf(item.id) > 0 && (
                <Typography.Text type="success">
                  {t('dispatch.meeting.tasksOfItem', { count: tasksOf(item.id) })}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {deciding && <DecideTaskModal meeting={meeting} item={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
