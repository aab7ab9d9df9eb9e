import type { NotificationChannel } from '@tuijin/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useTestNotificationChannel } from './notifications.queries';

/** Sends one test message through a channel and shows whether it arrived. */
export function TestChannelModal({
  channel,
  onClose,
}: {
  channel: NotificationChannel;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string; phone?: string }>();
  const test = useTestNotificationChannel();
  const reportError = useApiErrorHandler();
  return (
    <Modal
      open
      title={t('channels.testTitle', { name: channel.name })}
      okText={t('channels.send')}
      confirmLoading={test.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="notification-channel-test"
        onFinish={(values) =>
          test.mutate({ id: channel.id, ...values }, { onError: (error) => reportError(error, form) })
        }
      >
        <Form.Item name="text" label={t('channels.testText')}>
          <Input.TextArea maxLength={500} rows={3} placeholder={t('channels.testTextPlaceholder')} />
        </Form.Item>
        {channel.kind === 'sms' && (
          <Form.Item
            name="phone"
            label={t('channels.testPhone')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        )}
      </Form>
      {test.data &&
        (test.data.ok ? (
          <Alert type="success" showIcon title={t('channels.testOk')} />
        ) : (
          <Alert type="error" showIcon title={t('channels.testFailed', { error: test.data.error ?? '' })} />
        ))}
    </Modal>
  );
}
