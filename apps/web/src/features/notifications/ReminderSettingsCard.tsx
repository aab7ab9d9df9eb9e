import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useReminderSettings, useUpdateReminderSettings } from './notifications.queries';

/** How many days before a report's deadline owners are reminded. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dueSoonDays: number }>();
  const current = useReminderSettings();
  const update = useUpdateReminderSettings();
  const reportError = useApiErrorHandler();

  useEffect(() => {
    if (current.data) form.setFieldsValue({ dueSoonDays: current.data.dueSoonDays });
  }, [current.data, form]);

  return (
    <Card title={t('channels.reminderTitle')}>
      {current.isError && <QueryError error={current.error} onRetry={() => void current.refetch()} />}
      <Form
        form={form}
        name="reminder-settings"
        layout="inline"
        onFinish={({ dueSoonDays }) =>
          current.data &&
          update.mutate(
            { dueSoonDays, version: current.data.version },
            {
              onSuccess: () => void message.success(t('channels.reminderSaved')),
              onError: (error) => reportError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="dueSoonDays"
          label={t('channels.dueSoonDays')}
          extra={t('channels.dueSoonDaysHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={31} precision={0} suffix={t('channels.daysSuffix')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!current.data}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
