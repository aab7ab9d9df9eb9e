import type { UpdateUser, User } from '@tuijin/contracts';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useUpdateUser } from './users.queries';

type EditForm = Omit<UpdateUser, 'version'>;

/** Edits name, phone and organisation, sending the version the user was read at. */
export function UserEditDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const updateUser = useUpdateUser();
  const reportError = useApiErrorHandler();

  const submit = (values: EditForm) =>
    updateUser.mutate(
      {
        id: user.id,
        displayName: values.displayName,
        phone: values.phone?.trim() ? values.phone.trim() : null,
        organisationId: values.organisationId,
        version: user.version,
      },
      {
        onSuccess: () => {
          void message.success(t('users.updated'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <FormDrawer
      title={t('users.editTitle', { name: user.displayName })}
      isSaving={updateUser.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<EditForm>
        form={form}
        name="user-edit"
        layout="vertical"
        initialValues={{
          displayName: user.displayName,
          phone: user.phone,
          organisationId: user.organisationId,
        }}
        onFinish={submit}
      >
        <Form.Item label={t('users.username')}>
          <Input value={user.username} disabled />
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
          <OrganisationSelect current={{ id: user.organisationId, name: user.organisationName }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
