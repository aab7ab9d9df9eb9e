import { PlusOutlined } from '@ant-design/icons';
import type { Meeting } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Table,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { MeetingStatusTag } from './DispatchBits';
import { useMeetingSeries, useMeetings, useScheduleMeeting } from './dispatch.queries';
import { useDispatchError } from './use-dispatch-error';
import './dispatch.css';

interface ScheduleValues {
  what: 'series' | 'special';
  seriesId?: string;
  title?: string;
  heldOn?: Dayjs;
  place?: string;
  chairName?: string;
}

/** 安排会议: a series' next sitting (its cadence's date unless another is chosen) or a 专题会 with title and date. */
function ScheduleMeetingModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ScheduleValues>();
  const series = useMeetingSeries();
  const schedule = useScheduleMeeting();
  const onError = useDispatchError();
  const what = Form.useWatch('what', form) ?? 'series';
  const seriesId = Form.useWatch('seriesId', form);
  const active = (series.data?.data ?? []).filter((s) => s.active);
  const chosen = active.find((s) => s.id === seriesId);

  const submit = (values: ScheduleValues) => {
    const common = {
      heldOn: values.heldOn?.format('YYYY-MM-DD'),
      place: values.place?.trim() || undefined,
      chairName: values.chairName?.trim() || undefined,
    };
    const body =
      values.what === 'series'
        ? { seriesId: values.seriesId ?? '', ...common }
        : {
            regionCode: series.data?.regionCode ?? '',
            title: values.title?.trim() ?? '',
            ...common,
            heldOn: common.heldOn ?? '',
          };
    schedule.mutate(body, {
      onSuccess: (meeting) => {
        void message.success(
          t('dispatch.meetings.scheduled', { date: meeting.heldOn, title: meeting.title }),
        );
        onClose();
        void navigate(`/meetings/${meeting.id}`);
      },
      onError: (error) => onError(error, form),
    });
  };

  return (
    <Modal
      open
      title={t('dispatch.meetings.scheduleTitle')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: schedule.isPending, 'data-testid': 'meeting-schedule-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        name="meeting-schedule"
        initialValues={{ what: 'series' }}
        onFinish={submit}
      >
        <Form.Item name="what" label={t('dispatch.meetings.scheduleWhat')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'series', label: t('dispatch.meetings.ofSeries') },
              { value: 'special', label: t('dispatch.meetings.special') },
            ]}
          />
        </Form.Item>
        {what === 'series' ? (
          <Form.Item
            name="seriesId"
            label={t('dispatch.meetings.series')}
            rules={[{ required: true, message: t('dispatch.meetings.seriesRequired') }]}
          >
            <Select
              loading={series.isFetching}
              data-testid="meeting-schedule-series"
              options={active.map((s) => ({
                value: s.id,
                label: s.nextOn ? `${s.name} · ${s.nextOn}` : s.name,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="title"
            label={t('dispatch.meetings.meetingTitle')}
            rules={[{ required: true, whitespace: true, message: t('dispatch.meetings.titleRequired') }]}
          >
            <Input maxLength={80} data-testid="meeting-schedule-title" />
          </Form.Item>
        )}
        <Form.Item
          name="heldOn"
          label={t('dispatch.meetings.heldOn')}
          extra={
            what === 'series' && chosen
              ? chosen.nextOn
                ? t('dispatch.meetings.heldOnDefault', { date: chosen.nextOn })
                : t('dispatch.meetings.heldOnAdHoc')
              : undefined
          }
          rules={[
            {
              required: what === 'special' || (chosen !== undefined && chosen.nextOn === null),
              message: t('dispatch.meetings.dateRequired'),
            },
          ]}
        >
          <DatePicker data-testid="meeting-schedule-date" />
        </Form.Item>
        <Form.Item name="place" label={t('dispatch.meetings.place')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="chairName" label={t('dispatch.meetings.chairName')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MeetingFilters {
  seriesId?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 调度会议: the jurisdiction's meetings (date, title, series, status), by series and dates; 安排会议. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<MeetingFilters>();
  const { query, applyFilters, pagination } = usePagedFilters<{
    seriesId?: string;
    from?: string;
    to?: string;
  }>();
  const meetings = useMeetings(query);
  const series = useMeetingSeries();
  const [isScheduling, setScheduling] = useState(false);

  return (
    <Card
      title={t('dispatch.meetings.title')}
      extra={
        series.data?.canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setScheduling(true)}
            data-testid="meeting-schedule"
          >
            {t('dispatch.meetings.schedule')}
          </Button>
        )
      }
    >
      <FilterBar<MeetingFilters>
        form={form}
        name="meeting-filters"
        onSearch={({ seriesId, range }) =>
          applyFilters({
            seriesId,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="seriesId">
          <Select
            allowClear
            className="tj-filter-md"
            placeholder={t('dispatch.meetings.anySeries')}
            options={(series.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      {meetings.isError && <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />}
      <Table<Meeting>
        rowKey="id"
        size="small"
        className="tj-dispatch-table"
        loading={meetings.isFetching}
        dataSource={meetings.data?.data ?? []}
        pagination={pagination(meetings.data?.page.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dispatch.meetings.empty') }}
        data-testid="meetings"
        columns={[
          { key: 'heldOn', title: t('dispatch.meetings.heldOn'), dataIndex: 'heldOn' },
          {
            key: 'title',
            title: t('dispatch.meetings.meetingTitle'),
            render: (_, m) => (
              <Link to={`/meetings/${m.id}`} data-testid="meeting-link">
                {m.title}
              </Link>
            ),
          },
          {
            key: 'series',
            title: t('dispatch.meetings.series'),
            render: (_, m) => m.seriesName ?? t('dispatch.meetings.special'),
          },
          { key: 'place', title: t('dispatch.meetings.place'), render: (_, m) => m.place || '—' },
          {
            key: 'status',
            title: t('dispatch.meetings.status'),
            render: (_, m) => <MeetingStatusTag status={m.status} />,
          },
        ]}
      />
      {isScheduling && <ScheduleMeetingModal onClose={() => setScheduling(false)} />}
    </Card>
  );
}
