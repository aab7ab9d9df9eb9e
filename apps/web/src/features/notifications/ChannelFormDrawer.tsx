import type { ChannelKind, NotificationChannel } from '@tuijin/contracts';
import { channelKinds } from '@tuijin/contracts';
import { App, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { useCreateNotificationChannel, useUpdateNotificationChannel } from './notifications.queries';

interface ChannelFormValues {
  name: string;
  kind: ChannelKind;
  url: string;
  secret?: string;
  clearSecret?: boolean;
  enabled: boolean;
}

/** Add a channel, or edit one (the secret is write-only: empty keeps it, a tick clears it). */
export function ChannelFormDrawer({
  channel,
  onClose,
}: {
  channel: NotificationChannel | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelFormValues>();
  const create = useCreateNotificationChannel();
  const update = useUpdateNotificationChannel();
  const reportError = useApiErrorHandler();
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'dingtalk';

  const done = (saved: NotificationChannel) => {
    void message.success(t('channels.saved', { name: saved.name }));
    onClose();
  };
  const submit = (values: ChannelFormValues) => {
    const secret = values.secret?.trim() ? values.secret.trim() : undefined;
    if (channel) {
      update.mutate(
        {
          id: channel.id,
          version: channel.version,
          name: values.name,
          url: values.url,
          enabled: values.enabled,
          ...(values.clearSecret ? { secret: null } : secret ? { secret } : {}),
        },
        { onSuccess: done, onError: (error) => reportError(error, form) },
      );
    } else {
      create.mutate(
        {
          name: values.name,
          kind: values.kind,
          url: values.url,
          enabled: values.enabled,
          secret: secret ?? null,
        },
        { onSuccess: done, onError: (error) => reportError(error, form) },
      );
    }
  };

  const secretHelp =
    kind === 'dingtalk'
      ? t('channels.secretHelpDingtalk')
      : kind === 'sms'
        ? t('channels.secretHelpSms')
        : t('channels.secretHelpWecom');

  return (
    <FormDrawer
      title={channel ? t('channels.edit') : t('channels.create')}
      isSaving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<ChannelFormValues>
        form={form}
        name="notification-channel"
        layout="vertical"
        initialValues={
          channel
            ? { name: channel.name, kind: channel.kind, url: channel.url, enabled: channel.enabled }
            : { kind: 'dingtalk', enabled: true }
        }
        onFinish={submit}
      >
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('channels.kind')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(channel)}
            options={channelKinds.map((value) => ({ value, label: t(`channels.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('channels.url')}
          extra={t('channels.urlHelp')}
          rules={[
            { required: true, whitespace: true },
            { pattern: /^https?:\/\//i, message: t('channels.urlHelp') },
          ]}
        >
          <Input maxLength={500} inputMode="url" />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item name="secret" label={t('channels.secret')} extra={secretHelp}>
            <Input.Password
              maxLength={200}
              autoComplete="new-password"
              placeholder={channel?.hasSecret ? t('channels.secretKeep') : undefined}
            />
          </Form.Item>
        )}
        {channel?.hasSecret && (
          <Form.Item name="clearSecret" valuePropName="checked">
            <Checkbox>{t('channels.clearSecret')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="enabled" label={t('channels.isEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
