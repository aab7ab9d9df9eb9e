import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useChangePassword } from './auth.queries';
import { useCurrentUser } from './use-current-user';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; also the forced stop after first login or an admin reset. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [form] = Form.useForm<ChangePasswordForm>();
  const changePassword = useChangePassword();
  const reportError = useApiErrorHandler();

  const submit = ({ currentPassword, newPassword }: ChangePasswordForm) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          if (me.mustChangePassword) navigate('/', { replace: true });
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Card title={t('password.title')} style={{ maxWidth: 560 }}>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Form<ChangePasswordForm> form={form} name="change-password" layout="vertical" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          rules={[{ required: true, message: t('password.nextRequired') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
