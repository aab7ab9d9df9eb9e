import { DownloadOutlined } from '@ant-design/icons';
import { fileRoutes } from '@tuijin/contracts';
import { App, Button, Card, DatePicker, Descriptions, Form, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useAuditRetention, useUpdateAuditRetention } from './audit.queries';

const shown = (at: string | null, none: string) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : none);

/**
 * 审计管理员: the archive export (JSON lines with the chain fields, for a date range) and the
 * retention setting (never below 180 days; the purge removes only what is older and archived).
 */
export function AuditArchiveCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: number }>();
  const retention = useAuditRetention(true);
  const update = useUpdateAuditRetention();
  const reportError = useApiErrorHandler();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>([
    dayjs().subtract(1, 'month').startOf('month'),
    dayjs().startOf('month'),
  ]);

  useEffect(() => {
    if (retention.data) form.setFieldsValue({ days: retention.data.days });
  }, [retention.data, form]);

  const [from, to] = range ?? [null, null];
  const exportHref =
    from && to
      ? `${fileRoutes.exportAuditEvents}?${new URLSearchParams({ from: from.startOf('day').format(), to: to.startOf('day').format() })}`
      : undefined;

  return (
    <Card
      size="small"
      title={t('auditLog.archiveTitle')}
      style={{ marginBottom: 16 }}
      data-testid="audit-archive"
    >
      {retention.isError && <QueryError error={retention.error} onRetry={() => void retention.refetch()} />}
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'archived',
            label: t('auditLog.archivedThrough'),
            children: shown(retention.data?.archivedThrough ?? null, t('auditLog.none')),
          },
          {
            key: 'purge',
            label: t('auditLog.lastPurge'),
            children: shown(retention.data?.lastPurgeAt ?? null, t('auditLog.none')),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} />
        <Button
          icon={<DownloadOutlined />}
          href={exportHref}
          disabled={!exportHref}
          data-testid="audit-export"
        >
          {t('auditLog.exportArchive')}
        </Button>
      </Space>
      <Form
        form={form}
        name="audit-retention"
        layout="inline"
        style={{ marginTop: 16 }}
        onFinish={({ days }) =>
          retention.data &&
          update.mutate(
            { days, version: retention.data.version },
            {
              onSuccess: () => void message.success(t('auditLog.retentionSaved')),
              onError: (error) => reportError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="days"
          label={t('auditLog.retentionDays')}
          extra={t('auditLog.retentionHelp', { min: retention.data?.minDays ?? 180 })}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={36_500} precision={0} suffix={t('auditLog.daysSuffix')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!retention.data}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
