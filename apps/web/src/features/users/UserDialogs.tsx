import type { User } from '@tuijin/contracts';
import type { Role } from '@tuijin/domain';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCan } from '../auth/use-current-user';
import { RoleSelect } from './RoleSelect';
import { useResetUserPassword, useSetUserRoles } from './users.queries';

interface UserDialogProps {
  user: User;
  onClose: () => void;
}

/** Replaces a user's roles (versioned). */
export function UserRolesModal({ user, onClose }: UserDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const setRoles = useSetUserRoles();
  const reportError = useApiErrorHandler();

  const submit = ({ roles }: { roles: Role[] }) =>
    setRoles.mutate(
      { id: user.id, roles, version: user.version },
      {
        onSuccess: () => {
          void message.success(t('users.rolesUpdated'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('users.rolesTitle', { name: user.displayName })}
      okText={t('common.save')}
      confirmLoading={setRoles.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="user-roles"
        layout="vertical"
        initialValues={{ roles: user.roles }}
        onFinish={submit}
      >
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={can('user.grantAdminRole') ? t('users.adminRoleHint') : undefined}
          rules={[{ required: true }]}
        >
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sets a new password the user must change at next sign-in. */
export function ResetPasswordModal({ user, onClose }: UserDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const resetPassword = useResetUserPassword();
  const reportError = useApiErrorHandler();

  const submit = ({ newPassword }: { newPassword: string }) =>
    resetPassword.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.confirm')}
      confirmLoading={resetPassword.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} name="user-reset-password" layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="newPassword" label={t('users.newPassword')} rules={[{ required: true }]}>
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
