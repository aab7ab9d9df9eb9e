import { ArrowLeftOutlined, DownloadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { fileRoutes, type MeetingDetail } from '@tuijin/contracts';
import { App, Button, type ButtonProps, Card, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceCard } from './AttendanceCard';
import { MeetingStatusTag } from './DispatchBits';
import { useCloseMeeting, useMeeting } from './dispatch.queries';
import { HeldAgenda } from './HeldAgenda';
import { TaskDrawer } from './TaskDrawer';
import { TaskList } from './TaskViews';
import { useDispatchError } from './use-dispatch-error';
import './dispatch.css';

/** 会议结束: a confirm, then one numbered 交办单 per responsible unit; no task can be added afterwards. */
function CloseMeetingButton({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const close = useCloseMeeting();
  const onError = useDispatchError();
  const units = new Set(meeting.tasks.map((task) => task.organisationId)).size;
  return (
    <Button
      icon={<FileDoneOutlined />}
      loading={close.isPending}
      data-testid="meeting-close"
      onClick={() =>
        modal.confirm({
          title: t('dispatch.meeting.closeConfirm'),
          content: t('dispatch.meeting.closeConfirmText', { count: units }),
          okText: t('common.confirm'),
          okButtonProps: { 'data-testid': 'meeting-close-ok' } as ButtonProps,
          onOk: () =>
            new Promise<void>((resolve) =>
              close.mutate(
                { id: meeting.id, version: meeting.version },
                {
                  onSuccess: () => {
                    void message.success(t('dispatch.meeting.closed'));
                    resolve();
                  },
                  onError: (error) => {
                    onError(error);
                    resolve();
                  },
                },
              ),
            ),
        })
      }
    >
      {t('dispatch.meeting.close')}
    </Button>
  );
}

/** 交办单 of a closed meeting: one per responsible unit, numbered, each a .docx to download. */
function SheetsCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dispatch.meeting.sheets')} data-testid="meeting-sheets">
      <List
        size="small"
        dataSource={meeting.sheets}
        locale={{ emptyText: t('dispatch.meeting.sheetsEmpty') }}
        renderItem={(sheet) => (
          <List.Item
            actions={[
              <a
                key="download"
                href={fileRoutes.downloadDispatchSheet.replace(':id', sheet.id)}
                download
                data-testid="sheet-download"
              >
                <DownloadOutlined /> {t('dispatch.meeting.sheetDownload')}
              </a>,
            ]}
          >
            <Space wrap>
              <Typography.Text strong>{sheet.sheetNumber}</Typography.Text>
              <span>{sheet.organisationName}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 会议详情: the header (title, date, place, chair, status); while planned the agenda built for it with
 * the office's edits and 会议召开, once held each item with its minutes and 交办, and the tasks decided,
 * then 会议结束 issuing the 交办单; attendance throughout.
 */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const [openTask, setOpenTask] = useState<string | null>(null);

  if (meeting.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const data = meeting.data;

  return (
    <Flex vertical gap={16} data-testid="meeting-page">
      <Card size="small">
        <Flex vertical gap={4}>
          <Link to="/meetings">
            <ArrowLeftOutlined /> {t('dispatch.meeting.back')}
          </Link>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
              {data.title}
            </Typography.Title>
            <MeetingStatusTag status={data.status} />
            {data.ladderLevel !== null && (
              <Tag color="purple">{t('dispatch.meeting.ladderLevel', { level: data.ladderLevel })}</Tag>
            )}
          </Flex>
          <Space wrap size={16}>
            <Typography.Text data-testid="meeting-date">
              {t('dispatch.meeting.header', {
                date: data.heldOn,
                place: data.place || t('dispatch.meeting.noPlace'),
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {data.chairName
                ? t('dispatch.meeting.chair', { name: data.chairName })
                : t('dispatch.meeting.noChair')}
            </Typography.Text>
            {data.seriesName && <Typography.Text type="secondary">{data.seriesName}</Typography.Text>}
          </Space>
        </Flex>
      </Card>
      {data.status === 'planned' ? <AgendaEditor meeting={data} /> : <HeldAgenda meeting={data} />}
      {data.status !== 'planned' && (
        <Card
          size="small"
          title={t('dispatch.meeting.tasks')}
          data-testid="meeting-tasks"
          extra={data.status === 'held' && data.canManage && <CloseMeetingButton meeting={data} />}
        >
          {data.tasks.length === 0 ? (
            <Typography.Text type="secondary">{t('dispatch.meeting.tasksEmpty')}</Typography.Text>
          ) : (
            <TaskList tasks={data.tasks} onOpen={setOpenTask} hideMeeting />
          )}
        </Card>
      )}
      {data.status === 'closed' && <SheetsCard meeting={data} />}
      <AttendanceCard meeting={data} />
      {openTask && <TaskDrawer taskId={openTask} onClose={() => setOpenTask(null)} />}
    </Flex>
  );
}
