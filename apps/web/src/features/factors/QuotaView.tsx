import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { FactorQuotaKindView, FactorQuotaQuery } from '@tuijin/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useDrillParams } from '../../lib/drill-params';
import { ProjectPicker } from '../problems/ProjectPicker';
import {
  useAllocateFactorQuota,
  useFactorQuotas,
  useRemoveFactorQuotaAllocation,
  useSetFactorQuota,
} from './factors.queries';

type RegionRow = FactorQuotaKindView['regions'][number];
type AllocationRow = FactorQuotaKindView['allocations'][number];

/**
 * "要素跟着项目走": the jurisdiction's land and energy quota of a year, what is allocated, and how much
 * of it sits on projects that really started and on projects not started, per child region.
 */
export function QuotaView() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [query, setQuery] = useState<FactorQuotaQuery>({
    year: drill.year ?? dayjs().year(),
    ...(drill.regionCode ? { regionCode: drill.regionCode } : {}),
  });
  const view = useFactorQuotas(query);
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  return (
    <Flex vertical gap={12} data-testid="quota-view">
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{data?.regionName ?? ''}</Typography.Text>
        {query.regionCode && (
          <Button size="small" onClick={() => setQuery({ ...query, regionCode: undefined })}>
            {t('factors.page.up')}
          </Button>
        )}
        <InputNumber
          aria-label={t('factors.page.year')}
          addonBefore={t('factors.page.year')}
          min={2000}
          max={2100}
          precision={0}
          value={query.year}
          onChange={(year) => setQuery({ ...query, year: year ?? undefined })}
          style={{ width: 160 }}
        />
        {data && <Typography.Text type="secondary">{t('factors.asOf', { date: data.asOf })}</Typography.Text>}
        <Typography.Text type="secondary">{t('factors.page.explain')}</Typography.Text>
      </Flex>
      {data?.kinds.map((kind) => (
        <QuotaKindCard
          key={kind.kind}
          kind={kind}
          regionCode={data.regionCode}
          year={data.year}
          canManage={data.canManage}
          onRegion={(regionCode) => setQuery({ ...query, regionCode })}
        />
      ))}
    </Flex>
  );
}

function QuotaKindCard({
  kind,
  regionCode,
  year,
  canManage,
  onRegion,
}: {
  kind: FactorQuotaKindView;
  regionCode: string;
  year: number;
  canManage: boolean;
  onRegion: (regionCode: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const remove = useRemoveFactorQuotaAllocation();
  const [dialog, setDialog] = useState<'quota' | 'allocate' | null>(null);
  const unit = kind.unit;
  const regionColumns: TableColumnsType<RegionRow> = [
    {
      title: t('factors.page.region'),
      dataIndex: 'regionName',
      render: (name: string, row) =>
        row.regionCode === regionCode ? (
          name
        ) : (
          <Button type="link" size="small" onClick={() => onRegion(row.regionCode)}>
            {name}
          </Button>
        ),
    },
    { title: t('factors.page.projects'), dataIndex: 'projects', align: 'right' },
    { title: `${t('factors.page.allocated')}（${unit}）`, dataIndex: 'allocated', align: 'right' },
    { title: `${t('factors.page.startedShare')}（${unit}）`, dataIndex: 'started', align: 'right' },
    {
      title: `${t('factors.page.unstartedShare')}（${unit}）`,
      dataIndex: 'unstarted',
      align: 'right',
      render: (v: string) => (v !== '0' ? <Typography.Text type="warning">{v}</Typography.Text> : v),
    },
  ];
  const allocationColumns: TableColumnsType<AllocationRow> = [
    {
      title: t('factors.page.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => <Link to={`/projects/${row.projectId}?tab=factors`}>{name}</Link>,
    },
    { title: t('factors.page.region'), dataIndex: 'regionName' },
    { title: `${t('factors.page.amount')}（${unit}）`, dataIndex: 'amount', align: 'right' },
    { title: t('factors.page.allocatedOn'), dataIndex: 'allocatedOn' },
    {
      title: t('factors.status'),
      key: 'started',
      render: (_: unknown, row) =>
        row.isStarted ? (
          <Tag color="green">{`${t('factors.page.started')} ${row.actualStartOn}`}</Tag>
        ) : (
          <Tag color="orange">{t('factors.page.unstarted')}</Tag>
        ),
    },
    { title: t('factors.note'), dataIndex: 'note' },
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: AllocationRow) => (
              <Popconfirm
                title={t('factors.page.removeConfirm')}
                onConfirm={() =>
                  remove.mutate(
                    { id: row.id, version: row.version },
                    {
                      onSuccess: () => void message.success(t('factors.saved')),
                      onError: (error: unknown) => reportError(error),
                    },
                  )
                }
              >
                <Button size="small" danger>
                  {t('factors.page.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={`${t(`factors.types.${kind.kind}`)} · ${t('factors.page.quota')}`}
      data-testid={`quota-${kind.kind}`}
      extra={
        canManage && (
          <Flex gap={8}>
            <Button size="small" icon={<SettingOutlined />} onClick={() => setDialog('quota')}>
              {t('factors.page.setQuota')}
            </Button>
            {kind.quotaId && (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                data-testid={`quota-allocate-${kind.kind}`}
                onClick={() => setDialog('allocate')}
              >
                {t('factors.page.allocate')}
              </Button>
            )}
          </Flex>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            ['quota', kind.amount],
            ['allocated', kind.allocated],
            ['startedShare', kind.started],
            ['unstartedShare', kind.unstarted],
            ['remaining', kind.remaining],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} sm={8} md={4} data-testid={`quota-${kind.kind}-${key}`}>
            <Statistic
              title={t(`factors.page.${key}`)}
              value={value ?? t('factors.page.notSet')}
              // The exact decimal as the server gives it (亩 and 吨标准煤 are not rounded).
              formatter={(shown) => String(shown)}
              suffix={value === null ? undefined : unit}
              valueStyle={key === 'unstartedShare' && value !== '0' ? { color: '#d46b08' } : undefined}
            />
          </Col>
        ))}
      </Row>
      <Table<RegionRow>
        rowKey="regionCode"
        size="small"
        columns={regionColumns}
        dataSource={kind.regions}
        pagination={false}
        scroll={{ x: true }}
      />
      <Table<AllocationRow>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        columns={allocationColumns}
        dataSource={kind.allocations}
        pagination={false}
        scroll={{ x: true }}
      />
      {dialog === 'quota' && (
        <SetQuotaDialog kind={kind} regionCode={regionCode} year={year} onClose={() => setDialog(null)} />
      )}
      {dialog === 'allocate' && kind.quotaId && (
        <AllocateDialog kind={kind} quotaId={kind.quotaId} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}

function SetQuotaDialog({
  kind,
  regionCode,
  year,
  onClose,
}: {
  kind: FactorQuotaKindView;
  regionCode: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ amount: string; note?: string }>();
  const save = useSetFactorQuota();
  return (
    <Modal
      open
      title={`${t('factors.page.setQuota')} · ${t(`factors.types.${kind.kind}`)} · ${year}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: kind.amount ?? '', note: kind.note ?? '' }}
        onFinish={(values) =>
          save.mutate(
            {
              regionCode,
              year,
              kind: kind.kind,
              amount: values.amount.trim(),
              note: values.note?.trim() ? values.note.trim() : null,
              version: kind.version,
            },
            {
              onSuccess: () => {
                onClose();
                void message.success(t('factors.saved'));
              },
              onError: (error: unknown) => reportError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="amount"
          label={`${t('factors.page.quota')}（${kind.unit}）`}
          rules={[{ required: true, message: t('factors.required') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('factors.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AllocateValues {
  projectId: string;
  amount: string;
  allocatedOn: Dayjs;
  note?: string;
}

function AllocateDialog({
  kind,
  quotaId,
  onClose,
}: {
  kind: FactorQuotaKindView;
  quotaId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<AllocateValues>();
  const allocate = useAllocateFactorQuota();
  const required = [{ required: true, message: t('factors.required') }];
  return (
    <Modal
      open
      title={`${t('factors.page.allocate')} · ${t(`factors.types.${kind.kind}`)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={allocate.isPending}
      destroyOnHidden
    >
      <Form<AllocateValues>
        form={form}
        layout="vertical"
        initialValues={{ allocatedOn: dayjs() }}
        onFinish={(values) =>
          allocate.mutate(
            {
              id: quotaId,
              body: {
                projectId: values.projectId,
                amount: values.amount.trim(),
                allocatedOn: values.allocatedOn.format('YYYY-MM-DD'),
                note: values.note?.trim() ? values.note.trim() : null,
              },
            },
            {
              onSuccess: () => {
                onClose();
                void message.success(t('factors.saved'));
              },
              onError: (error: unknown) => reportError(error, form),
            },
          )
        }
      >
        <Form.Item name="projectId" label={t('factors.page.project')} rules={required}>
          <ProjectPicker data-testid="quota-project" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={`${t('factors.page.amount')}（${kind.unit}）`}
          extra={
            kind.remaining !== null
              ? `${t('factors.page.remaining')} ${kind.remaining} ${kind.unit}`
              : undefined
          }
          rules={required}
        >
          <Input inputMode="decimal" data-testid="quota-amount" />
        </Form.Item>
        <Form.Item name="allocatedOn" label={t('factors.page.allocatedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('factors.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
