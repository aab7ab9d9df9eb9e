import type { AuditEvent } from '@tuijin/contracts';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** The expanded row of an audit event: field changes before → after, then the raw detail JSON. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const changes: ChangeRow[] = Object.entries(event.changes ?? {}).map(([field, change]) => ({
    field,
    ...change,
  }));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'changes',
          label: t('audit.changes'),
          children:
            changes.length > 0 ? (
              <Table<ChangeRow>
                rowKey="field"
                size="small"
                pagination={false}
                dataSource={changes}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('audit.field'), dataIndex: 'field', key: 'field' },
                  { title: t('audit.before'), dataIndex: 'before', key: 'before', render: show },
                  { title: t('audit.after'), dataIndex: 'after', key: 'after', render: show },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
            ),
        },
        {
          key: 'detail',
          label: t('audit.detail'),
          children: event.detail ? (
            <pre className="tj-json">{JSON.stringify(event.detail, null, 2)}</pre>
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}
