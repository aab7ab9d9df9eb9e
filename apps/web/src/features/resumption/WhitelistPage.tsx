import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { WhitelistEntry, WhitelistLevel } from '@tuijin/contracts';
import { whitelistCriteria, whitelistGuarantees, whitelistLevels } from '@tuijin/domain';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useDrillParams } from '../../lib/drill-params';
import {
  useIncludeInWhitelist,
  useRemoveFromWhitelist,
  useWhitelist,
  whitelistLedgerHref,
} from './resumption.queries';

type Shown = 'all' | 'live' | 'removed';

/** 白名单: the jurisdiction's whitelisted projects per level, inclusion and removal, counts and Excel. */
export default function WhitelistPage() {
  const { t } = useTranslation();
  const { params } = useDrillParams();
  const [level, setLevel] = useState<WhitelistLevel | 'all'>(
    () => whitelistLevels.find((l) => l === params.get('level')) ?? 'all',
  );
  const [shown, setShown] = useState<Shown>('live');
  const [including, setIncluding] = useState(false);
  const [removing, setRemoving] = useState<WhitelistEntry | null>(null);
  const list = useWhitelist({
    ...(level === 'all' ? {} : { level }),
    ...(shown === 'all' ? {} : { removed: shown === 'removed' }),
  });
  const data = list.data;
  const columns: TableColumnsType<WhitelistEntry> = [
    {
      title: t('whitelist.project'),
      key: 'project',
      render: (_, e) => <Link to={`/projects/${e.projectId}?tab=stoppages`}>{e.projectName}</Link>,
    },
    {
      title: t('whitelist.level'),
      key: 'level',
      render: (_, e) => <Tag color="gold">{t(`whitelist.levels.${e.level}`)}</Tag>,
    },
    { title: t('whitelist.listRegion'), dataIndex: 'regionName', responsive: ['md'] },
    { title: t('whitelist.includedOn'), dataIndex: 'includedOn' },
    {
      title: t('whitelist.criteria'),
      key: 'criteria',
      responsive: ['lg'],
      render: (_, e) => e.criteria.map((c) => t(`whitelist.criteriaNames.${c}`)).join('、'),
    },
    {
      title: t('whitelist.guarantees'),
      key: 'guarantees',
      responsive: ['lg'],
      render: (_, e) => e.guarantees.map((g) => t(`whitelist.guaranteeNames.${g}`)).join('、'),
    },
    { title: t('whitelist.reason'), dataIndex: 'reason', responsive: ['xl'] },
    {
      title: t('whitelist.status'),
      key: 'status',
      render: (_, e) =>
        e.removedOn ? (
          <span title={e.removalReason ?? ''}>
            <Tag>{t('whitelist.removed')}</Tag>
            {e.removedOn}
          </span>
        ) : (
          <Tag color="green">{t('whitelist.live')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) =>
        e.canRemove && (
          <Button size="small" danger onClick={() => setRemoving(e)}>
            {t('whitelist.remove')}
          </Button>
        ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('whitelist.title')}
        extra={
          <Space wrap>
            {data?.canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIncluding(true)}>
                {t('whitelist.include')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} href={whitelistLedgerHref()} download>
              {t('whitelist.exportExcel')}
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={12}>
          <span>{t('whitelist.subtitle')}</span>
          {data && (
            <Row gutter={[12, 12]} data-testid="whitelist-counts">
              <Col xs={12} md={5}>
                <Statistic
                  title={t('whitelist.counts', { projects: '' }).trim()}
                  value={data.counts.projects}
                />
              </Col>
              {whitelistLevels.map((l) => (
                <Col xs={12} md={5} key={l}>
                  <Statistic title={t(`whitelist.levels.${l}`)} value={data.counts[l]} />
                </Col>
              ))}
              <Col xs={12} md={4}>
                <Statistic title={t('whitelist.removedCount')} value={data.counts.removed} />
              </Col>
            </Row>
          )}
          <Space wrap>
            <Segmented
              value={level}
              onChange={(v) => setLevel(v as WhitelistLevel | 'all')}
              options={[
                { value: 'all', label: t('whitelist.all') },
                ...whitelistLevels.map((l) => ({ value: l, label: t(`whitelist.levels.${l}`) })),
              ]}
            />
            <Segmented
              value={shown}
              onChange={(v) => setShown(v as Shown)}
              options={(['live', 'removed', 'all'] as const).map((v) => ({
                value: v,
                label: t(`whitelist.${v}`),
              }))}
            />
          </Space>
        </Flex>
      </Card>
      <Card size="small">
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={data?.data ?? []}
          columns={columns}
          locale={{ emptyText: t('whitelist.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="whitelist-table"
        />
      </Card>
      {including && <IncludeModal onClose={() => setIncluding(false)} />}
      {removing && <RemoveModal entry={removing} onClose={() => setRemoving(null)} />}
    </Flex>
  );
}

interface IncludeForm {
  projectId: string;
  level: WhitelistLevel;
  includedOn: Dayjs;
  criteria: string[];
  reason: string;
  guarantees: string[];
}

function IncludeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const include = useIncludeInWhitelist();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<IncludeForm>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const projects = useQuery({
    queryKey: ['projects', 'pick', q],
    queryFn: () => api.call('findProjects', { query: { q: q || undefined, page: 1, pageSize: 20 } }),
  });
  const submit = (v: IncludeForm) =>
    include.mutate(
      {
        projectId: v.projectId,
        level: v.level,
        includedOn: v.includedOn.format('YYYY-MM-DD'),
        criteria: v.criteria as never,
        reason: v.reason.trim(),
        guarantees: (v.guarantees ?? []) as never,
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('whitelist.included'));
        },
        onError: (error) => reportError(error, form),
      },
    );
  const required = [{ required: true, message: t('whitelist.required') }];
  return (
    <Modal
      open
      title={t('whitelist.include')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={include.isPending}
    >
      <Form
        form={form}
        name="whitelist-include"
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: 'city', includedOn: dayjs(), criteria: ['keyProject'], guarantees: [] }}
      >
        <Form.Item name="projectId" label={t('whitelist.project')} rules={required}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('whitelist.projectPlaceholder')}
            options={(projects.data?.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.regionName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('whitelist.level')} rules={required}>
          <Select options={whitelistLevels.map((l) => ({ value: l, label: t(`whitelist.levels.${l}`) }))} />
        </Form.Item>
        <Form.Item name="includedOn" label={t('whitelist.includedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="criteria" label={t('whitelist.criteria')} rules={required}>
          <Select
            mode="multiple"
            options={whitelistCriteria.map((c) => ({ value: c, label: t(`whitelist.criteriaNames.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="guarantees" label={t('whitelist.guarantees')}>
          <Select
            mode="multiple"
            options={whitelistGuarantees.map((g) => ({
              value: g,
              label: t(`whitelist.guaranteeNames.${g}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('whitelist.reason')} rules={[{ ...required[0], whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemoveModal({ entry, onClose }: { entry: WhitelistEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveFromWhitelist();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ removedOn: Dayjs; reason: string }>();
  const submit = (v: { removedOn: Dayjs; reason: string }) =>
    remove.mutate(
      {
        id: entry.id,
        body: {
          version: entry.version,
          removedOn: v.removedOn.format('YYYY-MM-DD'),
          reason: v.reason.trim(),
        },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('whitelist.removedDone'));
        },
        onError: (error) => reportError(error, form),
      },
    );
  return (
    <Modal
      open
      title={`${t('whitelist.remove')}：${entry.projectName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={remove.isPending}
    >
      <Form
        form={form}
        name="whitelist-remove"
        layout="vertical"
        onFinish={submit}
        initialValues={{ removedOn: dayjs() }}
      >
        <Form.Item
          name="removedOn"
          label={t('whitelist.removedOn')}
          rules={[{ required: true, message: t('whitelist.required') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('whitelist.removalReason')}
          rules={[{ required: true, whitespace: true, message: t('whitelist.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
