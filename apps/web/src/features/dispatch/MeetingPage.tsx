import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceCard } from './AttendanceCard';
import { MeetingStatusTag } from './DispatchBits';
import { useMeeting } from './dispatch.queries';
import { HeldAgenda } from './HeldAgenda';
import { TaskDrawer } from './TaskDrawer';
import { TaskList } from './TaskViews';
import './dispatch.css';

/**
 * 会议详情: the header (title, date, place, chair, status); while planned the agenda built for it with
 * the office's edits and 会议召开, once held each item with its minutes and 交办, and the tasks decided;
 * attendance throughout.
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
        <Card size="small" title={t('dispatch.meeting.tasks')} data-testid="meeting-tasks">
          {data.tasks.length === 0 ? (
            <Typography.Text type="secondary">{t('dispatch.meeting.tasksEmpty')}</Typography.Text>
          ) : (
            <TaskList tasks={data.tasks} onOpen={setOpenTask} hideMeeting />
          )}
        </Card>
      )}
      <AttendanceCard meeting={data} />
      {openTask && <TaskDrawer taskId={openTask} onClose={() => setOpenTask(null)} />}
    </Flex>
  );
}
