import { App, Button, Card, Form, Input, Spin, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useDailyBulletinSettings, useSaveDailyBulletinSettings } from './bulletins.queries';

interface Values {
  enabled: boolean;
  at: string;
  autoIssue: boolean;
}

/**
 * 一日一通报定时: the office switches the scheduled daily bulletin on, sets its time of day and whether
 * it is issued as generated or waits as a draft; others read the setting.
 */
export function DailyBulletinSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const current = useDailyBulletinSettings();
  const save = useSaveDailyBulletinSettings();
  useEffect(() => {
    if (current.data)
      form.setFieldsValue({
        enabled: current.data.enabled,
        at: current.data.at,
        autoIssue: current.data.autoIssue,
      });
  }, [current.data, form]);
  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ ...values, at: values.at.trim(), version: current.data?.version ?? 0 });
      void message.success(t('bulletins.daily.saved'));
    } catch (error) {
      onError(error, form);
    }
  };
  const canManage = current.data?.canManage ?? false;
  return (
    <Card size="small" title={t('bulletins.daily.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('bulletins.daily.intro')}</Typography.Paragraph>
      {current.isPending ? (
        <Spin />
      ) : current.isError ? (
        <QueryError error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          disabled={!canManage}
          data-testid="daily-bulletin-settings"
        >
          <Form.Item name="enabled" label={t('bulletins.daily.enabled')} valuePropName="checked">
            <Switch data-testid="daily-bulletin-enabled" />
          </Form.Item>
          <Form.Item
            name="at"
            label={t('bulletins.daily.at')}
            rules={[
              { required: true, message: t('bulletins.daily.atRequired') },
              { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('bulletins.daily.atFormat') },
            ]}
          >
            <Input style={{ width: 90 }} placeholder="17:30" data-testid="daily-bulletin-at" />
          </Form.Item>
          <Form.Item name="autoIssue" label={t('bulletins.daily.autoIssue')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {canManage && (
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                data-testid="daily-bulletin-save"
              >
                {t('common.save')}
              </Button>
            </Form.Item>
          )}
        </Form>
      )}
    </Card>
  );
}
