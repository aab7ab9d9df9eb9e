import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { BulletinListQuery, BulletinSummary } from '@tuijin/contracts';
import { bulletinKinds } from '@tuijin/domain';
import { Badge, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { BulletinStatusTag } from './BulletinBits';
import { useBulletins } from './bulletins.queries';
import { CreateBulletinModal } from './CreateBulletinModal';
import './bulletins.css';

type Filters = Omit<BulletinListQuery, 'year'> & { year?: number | null };
type Tab = 'own' | 'received';

/** 通报: 本级通报 and 收文 (issued bulletins from above, unread ones dotted), filters, 生成通报. */
export default function BulletinsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<BulletinListQuery>({});
  const [tab, setTab] = useState<Tab>('own');
  const [isCreating, setCreating] = useState(false);
  const bulletins = useBulletins(filters);
  const canManage = can('bulletin.manage');
  const rows = (bulletins.data?.data ?? []).filter((b) => b.isReceived === (tab === 'received'));
  const unread = (bulletins.data?.data ?? []).filter((b) => b.isReceived && b.readAt === null).length;

  return (
    <Card
      title={t('bulletins.list.title')}
      extra={
        canManage && (
          <Space wrap>
            <Link to="/bulletins/templates">
              <Button icon={<SettingOutlined />}>{t('bulletins.list.templates')}</Button>
            </Link>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="bulletin-create"
            >
              {t('bulletins.list.create')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'own', label: t('bulletins.list.own') },
          {
            key: 'received',
            label: (
              <Badge count={unread} size="small" offset={[8, -2]}>
                <span data-testid="bulletins-tab-received">{t('bulletins.list.received')}</span>
              </Badge>
            ),
          },
        ]}
      />
      <FilterBar<Filters>
        form={form}
        name="bulletin-filters"
        onSearch={({ kind, status, year, q }) =>
          setFilters({
            ...(kind ? { kind } : {}),
            ...(status ? { status } : {}),
            ...(year ? { year } : {}),
            ...(q?.trim() ? { q: q.trim() } : {}),
          })
        }
      >
        <Form.Item name="kind">
          <Select
            allowClear
            className="tj-filter-md"
            placeholder={t('bulletins.list.anyKind')}
            options={bulletinKinds.map((k) => ({ value: k, label: t(`bulletins.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            className="tj-filter-md"
            placeholder={t('bulletins.list.anyStatus')}
            options={(['draft', 'reviewed', 'issued'] as const).map((s) => ({
              value: s,
              label: t(`bulletins.statuses.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="year">
          <InputNumber min={2000} max={2100} placeholder={t('bulletins.list.year')} />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear maxLength={60} placeholder={t('bulletins.list.search')} />
        </Form.Item>
      </FilterBar>
      {bulletins.isError && <QueryError error={bulletins.error} onRetry={() => void bulletins.refetch()} />}
      <Table<BulletinSummary>
        rowKey="id"
        size="small"
        loading={bulletins.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: tab === 'own' ? t('bulletins.list.empty') : t('bulletins.list.emptyReceived') }}
        data-testid={tab === 'own' ? 'bulletins-own' : 'bulletins-received'}
        columns={[
          {
            key: 'title',
            title: t('bulletins.list.titleCol'),
            render: (_, b) => (
              <Space size={6}>
                {b.isReceived && b.readAt === null && (
                  <Badge status="error" title={t('bulletins.list.unread')} data-testid="bulletin-unread" />
                )}
                <Link to={`/bulletins/${b.id}`} data-testid="bulletin-link">
                  {b.title}
                </Link>
              </Space>
            ),
          },
          {
            key: 'kind',
            title: t('bulletins.list.kind'),
            render: (_, b) => t(`bulletins.kindShort.${b.kind}`),
          },
          { key: 'period', title: t('bulletins.list.period'), dataIndex: 'period' },
          { key: 'serial', title: t('bulletins.list.serial'), render: (_, b) => b.serial ?? '—' },
          ...(tab === 'received'
            ? [
                {
                  key: 'from',
                  title: t('bulletins.list.from'),
                  render: (_: unknown, b: BulletinSummary) => b.regionName,
                },
              ]
            : []),
          {
            key: 'status',
            title: t('bulletins.list.status'),
            render: (_, b) => <BulletinStatusTag status={b.status} />,
          },
          {
            key: 'date',
            title: t('bulletins.list.issuedOn'),
            render: (_, b) => b.issuedOn ?? dayjs(b.generatedAt).format('YYYY-MM-DD'),
          },
        ]}
      />
      {isCreating && <CreateBulletinModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
