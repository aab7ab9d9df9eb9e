import { SafetyOutlined } from '@ant-design/icons';
import type { AuditEvent, AuditQuery } from '@tuijin/contracts';
import { auditActions } from '@tuijin/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { useLabels } from '../../i18n/use-labels';
import { useCan } from '../auth/use-current-user';
import { AuditArchiveCard } from './AuditArchiveCard';
import { AuditEventDetail } from './AuditEventDetail';
import { useAuditEvents, useAuditVerification } from './audit.queries';
import { auditEntityTypes } from './audit-actions';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The record's name; a readable key (a region code) when it has none; never a bare UUID (that is in the tooltip). */
const readableEntity = (event: AuditEvent) =>
  event.entityName ?? (event.entityId && !uuidShape.test(event.entityId) ? event.entityId : null);

type Filters = Pick<AuditQuery, 'actor' | 'action' | 'entityType' | 'entityId' | 'from' | 'to' | 'result'>;
interface FilterForm extends Omit<Filters, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

const toFilters = ({ range, ...rest }: FilterForm): Filters => ({
  ...rest,
  from: range?.[0]?.format(),
  to: range?.[1]?.format(),
});

/**
 * The audit log as an auditor reads it: newest first, actions by their Chinese name (the code in a
 * tooltip), records by name, the result of each attempt, filters by person, action, record type,
 * time range and result; before/after changes in the expanded row.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [filterForm] = Form.useForm<FilterForm>();
  const { query, applyFilters, pagination } = usePagedFilters<Filters>();
  const events = useAuditEvents(query);
  const verification = useAuditVerification();
  const can = useCan();

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
        <Tooltip title={t('auditLog.code', { code: action })}>
          <span data-testid="audit-action">{labels.auditAction(action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, event) =>
        event.entityType ? (
          <Tooltip title={event.entityId ? t('auditLog.entityIdTip', { id: event.entityId }) : undefined}>
            <span data-testid="audit-entity">
              <Typography.Text type="secondary">{labels.entityType(event.entityType)}</Typography.Text>
              {readableEntity(event) && <span style={{ marginLeft: 8 }}>{readableEntity(event)}</span>}
            </span>
          </Tooltip>
        ) : null,
    },
    {
      title: t('auditLog.result'),
      dataIndex: 'result',
      key: 'result',
      render: (result: AuditEvent['result']) => (
        <Tag color={result === 'failure' ? 'error' : 'success'} data-testid="audit-result">
          {t(`auditLog.results.${result}`)}
        </Tag>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip' },
  ];

  const actionOptions = auditActions.map((value) => ({ value, label: labels.auditAction(value) }));

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
              : verification.data.firstBrokenId
                ? t('audit.verifyBroken', {
                    checked: verification.data.checked,
                    id: verification.data.firstBrokenId,
                  })
                : verification.data.truncated
                  ? t('auditLog.verifyTruncated', {
                      checked: verification.data.checked,
                      heads: verification.data.missingHeads.length,
                    })
                  : t('auditLog.verifyCheckpointBroken', { id: verification.data.brokenCheckpoint?.id ?? '' })
          }
          description={t('auditLog.checkpoints', {
            count: verification.data.checkpoints,
            at: verification.data.lastCheckpointAt
              ? dayjs(verification.data.lastCheckpointAt).format('YYYY-MM-DD HH:mm')
              : '—',
          })}
        />
      )}
      {can('audit.manage') && <AuditArchiveCard />}
      {verification.isError && <QueryError error={verification.error} />}
      <FilterBar<FilterForm>
        form={filterForm}
        name="audit-filters"
        onSearch={(values) => applyFilters(toFilters(values))}
      >
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input
            allowClear
            placeholder={t('auditLog.actorPlaceholder')}
            className="tj-filter-sm"
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            options={actionOptions}
            placeholder={t('auditLog.actionPlaceholder')}
            className="tj-filter-lg"
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Select
            allowClear
            options={auditEntityTypes.map((value) => ({ value, label: labels.entityType(value) }))}
            placeholder={t('auditLog.entityTypePlaceholder')}
            className="tj-filter-sm"
            data-testid="audit-filter-entity-type"
          />
        </Form.Item>
        <Form.Item name="result" label={t('auditLog.result')}>
          <Select
            allowClear
            options={(['success', 'failure'] as const).map((value) => ({
              value,
              label: t(`auditLog.results.${value}`),
            }))}
            className="tj-filter-sm"
            data-testid="audit-filter-result"
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
