import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { AgendaItem, MeetingDetail } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEditAgenda, useHoldMeeting } from './dispatch.queries';
import {
  type AgendaEditValues,
  agendaRecordLink,
  currentEdits,
  movedOrder,
  toggledDrop,
  withAddedItem,
} from './dispatch-logic';
import { useDispatchError } from './use-dispatch-error';

const sourceColours: Record<AgendaItem['source'], string> = {
  problem: 'volcano',
  overdueTask: 'red',
  redProject: 'magenta',
  laggingProject: 'orange',
  approval: 'gold',
  milestone: 'cyan',
  custom: 'blue',
};

/** An agenda item's source tag, its title linked to the record and how long it is overdue. */
export function AgendaItemTitle({
  item,
}: {
  item: Pick<AgendaItem, 'source' | 'sourceId' | 'projectId' | 'title' | 'daysOverdue'>;
}) {
  const { t } = useTranslation();
  const link = agendaRecordLink(item);
  return (
    <Space size={4} wrap>
      <Tag color={sourceColours[item.source]} data-testid="agenda-source">
        {t(`dispatch.meeting.sources.${item.source}`)}
      </Tag>
      {link ? (
        <Link to={link} data-testid="agenda-record">
          {item.title}
        </Link>
      ) : (
        <span>{item.title}</span>
      )}
      {item.daysOverdue > 0 && (
        <Typography.Text type="danger">
          {t('dispatch.meeting.daysOverdue', { count: item.daysOverdue })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 增加议题: one typed-in item, added at the end. */
function AddItemModal({
  onAdd,
  isSaving,
  onClose,
}: {
  onAdd: (title: string) => void;
  isSaving: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string }>();
  return (
    <Modal
      open
      title={t('dispatch.meeting.addTitle')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'agenda-add-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="agenda-add" onFinish={({ title }) => onAdd(title.trim())}>
        <Form.Item
          name="title"
          label={t('dispatch.meeting.itemTitle')}
          rules={[{ required: true, whitespace: true, message: t('dispatch.meeting.itemTitleRequired') }]}
        >
          <Input.TextArea autoSize maxLength={200} data-testid="agenda-add-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The agenda of a planned meeting as built for it, grouped by nothing but tagged by source; the
 * office moves items up and down, drops (restorable) and adds items, then holds the meeting, which
 * fixes the agenda as shown.
 */
export function AgendaEditor({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const edit = useEditAgenda();
  const hold = useHoldMeeting();
  const onError = useDispatchError();
  const [isAdding, setAdding] = useState(false);
  const canManage = meeting.canManage;

  const save = (edits: AgendaEditValues, onDone?: () => void) =>
    edit.mutate(
      { id: meeting.id, body: { ...edits, version: meeting.version } },
      { onSuccess: () => onDone?.(), onError: (error) => onError(error) },
    );
  const edits = () => currentEdits(meeting);
  const order = meeting.agenda.map((i) => i.key);

  const confirmHold = () =>
    modal.confirm({
      title: t('dispatch.meeting.holdConfirm'),
      content: t('dispatch.meeting.holdConfirmText', { count: meeting.agenda.length }),
      okText: t('common.confirm'),
      okButtonProps: { 'data-testid': 'meeting-hold-ok' } as ButtonProps,
      onOk: () =>
        new Promise<void>((resolve) =>
          hold.mutate(
            { id: meeting.id, version: meeting.version },
            {
              onSuccess: () => {
                void message.success(t('dispatch.meeting.held'));
                resolve();
              },
              onError: (error) => {
                onError(error);
                resolve();
              },
            },
          ),
        ),
    });

  return (
    <Card
      title={t('dispatch.meeting.agenda')}
      size="small"
      extra={
        canManage && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="agenda-add">
              {t('dispatch.meeting.add')}
            </Button>
            <Button type="primary" onClick={confirmHold} loading={hold.isPending} data-testid="meeting-hold">
              {t('dispatch.meeting.hold')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('dispatch.meeting.agendaPlannedHint')}</Typography.Paragraph>
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
              canManage
                ? [
                    <Button
                      key="up"
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      title={t('dispatch.meeting.up')}
                      aria-label={t('dispatch.meeting.up')}
                      disabled={index === 0 || edit.isPending}
                      onClick={() => save({ ...edits(), order: movedOrder(order, item.key, -1) })}
                      data-testid="agenda-up"
                    />,
                    <Button
                      key="down"
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      title={t('dispatch.meeting.down')}
                      aria-label={t('dispatch.meeting.down')}
                      disabled={index === meeting.agenda.length - 1 || edit.isPending}
                      onClick={() => save({ ...edits(), order: movedOrder(order, item.key, 1) })}
                      data-testid="agenda-down"
                    />,
                    <Button
                      key="drop"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={edit.isPending}
                      onClick={() => save(toggledDrop(edits(), item.key, true))}
                      data-testid="agenda-drop"
                    >
                      {t('dispatch.meeting.drop')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex gap={8} align="baseline">
              <Typography.Text type="secondary">{index + 1}.</Typography.Text>
              <AgendaItemTitle item={item} />
            </Flex>
          </List.Item>
        )}
      />
      {meeting.dropped.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('dispatch.meeting.dropped')}
          </Typography.Title>
          <List
            size="small"
            dataSource={meeting.dropped}
            data-testid="agenda-dropped"
            renderItem={(item) => (
              <List.Item
                className="tj-agenda-item is-dropped"
                data-testid="agenda-dropped-item"
                actions={
                  canManage
                    ? [
                        <Button
                          key="restore"
                          size="small"
                          type="link"
                          icon={<UndoOutlined />}
                          disabled={edit.isPending}
                          onClick={() => save(toggledDrop(edits(), item.key, false))}
                          data-testid="agenda-restore"
                        >
                          {t('dispatch.meeting.restore')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Typography.Text delete>{item.title}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
      {isAdding && (
        <AddItemModal
          isSaving={edit.isPending}
          onClose={() => setAdding(false)}
          onAdd={(title) => save(withAddedItem(edits(), title), () => setAdding(false))}
        />
      )}
    </Card>
  );
}
