import type { CreateUser } from '@tuijin/contracts';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { useCan } from '../auth/use-current-user';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { RoleSelect } from './RoleSelect';
import { useCreateUser } from './users.queries';

/** New account with an initial password the person must change at first sign-in. */
export function UserCreateDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<CreateUser>();
  const createUser = useCreateUser();
  const reportError = useApiErrorHandler();

  const submit = (values: CreateUser) =>
    createUser.mutate(
      { ...values, phone: values.phone?.trim() ? values.phone.trim() : null },
      {
        onSuccess: () => {
          void message.success(t('users.created'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <FormDrawer
      title={t('users.createTitle')}
      isSaving={createUser.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<CreateUser> form={form} name="user-create" layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('users.organisation')} rules={[{ required: true }]}>
          <OrganisationSelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={can('user.grantAdminRole') ? t('users.adminAccountOnServer') : undefined}
          rules={[{ required: true }]}
        >
          <RoleSelect isNewAccount />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true }]}>
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
