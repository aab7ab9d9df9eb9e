import { type CreateOrganisation, type Organisation, sectors } from '@tuijin/contracts';
import { organisationKinds } from '@tuijin/domain';
import { App, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { useLabels } from '../../i18n/use-labels';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { useCreateOrganisation, useUpdateOrganisation } from './organisations.queries';

type OrganisationForm = CreateOrganisation & { isActive: boolean };

interface OrganisationDrawerProps {
  /** The organisation to edit; absent to create one. */
  organisation?: Organisation;
  onClose: () => void;
}

const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Create or edit an organisation; edits carry the version they were read at. */
export function OrganisationDrawer({ organisation, onClose }: OrganisationDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<OrganisationForm>();
  const kind = Form.useWatch('kind', form);
  const createOrganisation = useCreateOrganisation();
  const updateOrganisation = useUpdateOrganisation();
  const reportError = useApiErrorHandler();
  const isEdit = organisation !== undefined;

  const submit = (values: OrganisationForm) => {
    const body: CreateOrganisation = {
      name: values.name,
      kind: values.kind,
      regionCode: values.regionCode,
      sector: values.kind === 'department' ? (values.sector ?? null) : null,
      contactPerson: orNull(values.contactPerson),
      contactPhone: orNull(values.contactPhone),
    };
    const callbacks = {
      onSuccess: () => {
        void message.success(t(isEdit ? 'organisations.updated' : 'organisations.created'));
        onClose();
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (organisation) {
      updateOrganisation.mutate(
        { ...body, id: organisation.id, isActive: values.isActive, version: organisation.version },
        callbacks,
      );
    } else {
      createOrganisation.mutate(body, callbacks);
    }
  };

  return (
    <FormDrawer
      title={
        organisation ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.create')
      }
      isSaving={createOrganisation.isPending || updateOrganisation.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<OrganisationForm>
        form={form}
        name="organisation"
        layout="vertical"
        initialValues={organisation ?? { kind: 'owner', isActive: true }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('organisations.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('organisations.kind')} rules={[{ required: true }]}>
          <Select
            options={organisationKinds.map((value) => ({ value, label: labels.organisationKind(value) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('organisations.region')} rules={[{ required: true }]}>
          <RegionTreeSelect />
        </Form.Item>
        {kind === 'department' && (
          <Form.Item name="sector" label={t('organisations.sector')}>
            <Select options={sectors.map((value) => ({ value, label: labels.sector(value) }))} />
          </Form.Item>
        )}
        <Form.Item name="contactPerson" label={t('organisations.contactPerson')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('organisations.contactPhone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        {isEdit && (
          <Form.Item name="isActive" label={t('organisations.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
