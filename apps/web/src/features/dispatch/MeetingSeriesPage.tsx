import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import type { CallOutput, Endpoints, MeetingSeries } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCadenceText } from './DispatchBits';
import { useCreateMeetingSeries, useMeetingSeries } from './dispatch.queries';
import { SeriesDrawer } from './SeriesDrawer';
import { useDispatchError } from './use-dispatch-error';
import './dispatch.css';

type Presets = CallOutput<Endpoints['listMeetingSeries']>['presets'];

/** 套用预设: adds the series of a preset (五个一 / 县区周例会 / 321) that the region lacks. */
function ApplyPresetModal({
  regionCode,
  presets,
  existing,
  onClose,
}: {
  regionCode: string;
  presets: Presets;
  existing: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ preset: 'fiveOnes' | 'countyWeekly' | 'huian321' }>();
  const create = useCreateMeetingSeries();
  const onError = useDispatchError();
  return (
    <Modal
      open
      title={t('dispatch.series.applyPreset')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'series-preset-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="meeting-series-preset"
        initialValues={{ preset: presets[0]?.key }}
        onFinish={({ preset }) =>
          create.mutate(
            { regionCode, preset },
            {
              onSuccess: (list) => {
                const added = list.data.length - existing;
                void message.success(
                  added > 0
                    ? t('dispatch.series.presetApplied', { count: added })
                    : t('dispatch.series.presetNothing'),
                );
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item name="preset" label={t('dispatch.series.preset')} extra={t('dispatch.series.presetHint')}>
          <Select
            data-testid="series-preset"
            options={presets.map((preset) => ({
              value: preset.key,
              label: t('dispatch.series.presetOption', {
                name: preset.name,
                series: preset.series.map((s) => s.name).join('、'),
              }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 会议设置: the meeting series of the reader's region — name, kind, chair, cadence in words, the ladder
 * level it takes up and the next sitting; the office applies a preset, adds and edits in a drawer.
 */
export default function MeetingSeriesPage() {
  const { t } = useTranslation();
  const list = useMeetingSeries();
  const cadenceText = useCadenceText();
  const [isApplying, setApplying] = useState(false);
  const [editing, setEditing] = useState<MeetingSeries | 'new' | null>(null);
  const data = list.data;
  const canManage = data?.canManage ?? false;

  return (
    <Card
      title={t('dispatch.series.title')}
      extra={
        canManage && (
          <Space wrap>
            <Button
              icon={<AppstoreAddOutlined />}
              onClick={() => setApplying(true)}
              data-testid="series-preset-open"
            >
              {t('dispatch.series.applyPreset')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="series-add"
            >
              {t('dispatch.series.add')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('dispatch.series.intro')}</Typography.Paragraph>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<MeetingSeries>
        rowKey="id"
        size="small"
        className="tj-dispatch-table"
        loading={list.isFetching}
        dataSource={data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dispatch.series.empty') }}
        data-testid="meeting-series"
        columns={[
          { key: 'name', title: t('dispatch.series.name'), dataIndex: 'name' },
          { key: 'kind', title: t('dispatch.series.kind'), render: (_, s) => t(`dispatch.kinds.${s.kind}`) },
          { key: 'chair', title: t('dispatch.series.chair'), dataIndex: 'chairTitle' },
          {
            key: 'cadence',
            title: t('dispatch.series.cadence'),
            render: (_, s) => <span data-testid="series-cadence">{cadenceText(s.cadence)}</span>,
          },
          {
            key: 'ladderLevel',
            title: t('dispatch.series.ladderLevel'),
            render: (_, s) =>
              s.ladderLevel === null ? (
                t('common.none')
              ) : (
                <Tag color="purple">{t('dispatch.series.ladderLevelValue', { level: s.ladderLevel })}</Tag>
              ),
          },
          {
            key: 'attendees',
            title: t('dispatch.series.attendees'),
            render: (_, s) =>
              s.attendeeOrganisationIds.length === 0
                ? t('common.none')
                : t('dispatch.series.attendeesCount', { count: s.attendeeOrganisationIds.length }),
          },
          {
            key: 'nextOn',
            title: t('dispatch.series.nextOn'),
            render: (_, s) => <span data-testid="series-next">{s.nextOn ?? '—'}</span>,
          },
          {
            key: 'active',
            title: t('dispatch.series.active'),
            render: (_, s) =>
              s.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, s: MeetingSeries) => (
                    <Button type="link" size="small" onClick={() => setEditing(s)} data-testid="series-edit">
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isApplying && data && (
        <ApplyPresetModal
          regionCode={data.regionCode}
          presets={data.presets}
          existing={data.data.length}
          onClose={() => setApplying(false)}
        />
      )}
      {editing && data && (
        <SeriesDrawer
          series={editing === 'new' ? null : editing}
          regionCode={data.regionCode}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
