import { SafetyOutlined } from '@ant-design/icons';
import type { AuditEvent, AuditQuery } from '@tuijin/contracts';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useLabels } from '../../i18n/use-labels';
import { AuditEventDetail } from './AuditEventDetail';
import { useAuditEvents, useAuditVerification } from './audit.queries';
import { auditActionPrefixes, auditEntityTypes, labelledAuditActions } from './audit-actions';

type Filters = Pick<AuditQuery, 'actor' | 'action' | 'entityType' | 'entityId' | 'from' | 'to'>;
interface FilterForm extends Omit<Filters, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

const toFilters = ({ range, ...rest }: FilterForm): Filters => ({
  ...rest,
  from: range?.[0]?.format(),
  to: range?.[1]?.format(),
});

/** The audit log: who did what to which record, when and from where, with before/after changes. */
export default function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [filterForm] = Form.useForm<FilterForm>();
  const { query, applyFilters, pagination } = usePagedFilters<Filters>();
  const events = useAuditEvents(query);
  const verification = useAuditVerification();

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, event: AuditEvent) =>
        event.actorDisplayName ? `${event.actorDisplayName}（${event.actorName}）` : event.actorName,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <span>
          {labels.auditAction(action)}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {action}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, event) =>
        event.entityType ? (
          <span>
            {labels.entityType(event.entityType)}
            {event.entityId && (
              <Typography.Text type="secondary" copyable style={{ marginLeft: 8, fontSize: 12 }}>
                {event.entityId}
              </Typography.Text>
            )}
          </span>
        ) : null,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip' },
  ];

  const actionOptions = [...auditActionPrefixes, ...labelledAuditActions].map((value) => ({
    value,
    label: value.endsWith('.') ? value : `${value}  ${labels.auditAction(value)}`,
  }));

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button
          icon={<SafetyOutlined />}
          loading={verification.isFetching}
          onClick={() => void verification.refetch()}
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verification.data && (
        <Alert
          type={verification.data.intact ? 'success' : 'error'}
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={
            verification.data.intact
              ? t('audit.verifyIntact', { checked: verification.data.checked })
              : t('audit.verifyBroken', {
                  checked: verification.data.checked,
                  id: verification.data.firstBrokenId ?? '',
                })
          }
        />
      )}
      {verification.isError && <QueryError error={verification.error} />}
      <FilterBar<FilterForm>
        form={filterForm}
        name="audit-filters"
        onSearch={(values) => applyFilters(toFilters(values))}
      >
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear placeholder={t('audit.actorPlaceholder')} className="tj-filter-sm" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <AutoComplete
            allowClear
            options={actionOptions}
            placeholder={t('audit.actionPlaceholder')}
            className="tj-filter-lg"
            showSearch={{
              filterOption: (input, option) => String(option?.value ?? '').startsWith(input.trim()),
            }}
          />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <AutoComplete
            allowClear
            options={auditEntityTypes.map((value) => ({
              value,
              label: `${value}  ${labels.entityType(value)}`,
            }))}
            className="tj-filter-sm"
          />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear className="tj-filter-md" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
          />
        </Form.Item>
      </FilterBar>
      {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.data}
        loading={events.isFetching}
        pagination={pagination(events.data?.page.total)}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (event) => <AuditEventDetail event={event} /> }}
      />
    </Card>
  );
}
