import type { AddApprovalItem, ApprovalItem } from '@tuijin/contracts';
import { Alert, App, type ButtonProps, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { addableProcedures } from './approval-logic';
import { useAddApprovalItem, useApprovalCatalogue } from './approvals.queries';
import { useApprovalError } from './use-approval-error';

interface AddValues {
  procedureId?: string;
  name?: string;
  departmentId?: string | null;
  committedDays?: number | null;
  requiredBeforeStart?: boolean;
}

interface AddApprovalModalProps {
  projectId: string;
  regionCode: string;
  items: readonly ApprovalItem[];
  onClose: () => void;
}

/**
 * 添加手续: a procedure of the catalogue that applies in the project's region and is not on the list
 * yet, or a custom one by name (with its department and committed limit when known).
 */
export function AddApprovalModal({ projectId, regionCode, items, onClose }: AddApprovalModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const catalogue = useApprovalCatalogue(regionCode);
  const add = useAddApprovalItem();
  const onError = useApprovalError();
  const choices = addableProcedures(catalogue.data?.data ?? [], items);
  const [isCustom, setCustom] = useState(false);
  const showCustom = isCustom || (catalogue.isSuccess && catalogue.data.data.length === 0);

  const submit = (values: AddValues) => {
    const body: AddApprovalItem = showCustom
      ? {
          name: values.name?.trim() ?? '',
          departmentId: values.departmentId ?? null,
          ...(typeof values.committedDays === 'number' ? { committedDays: values.committedDays } : {}),
          requiredBeforeStart: values.requiredBeforeStart ?? false,
        }
      : { procedureId: values.procedureId ?? '' };
    add.mutate(
      { projectId, body },
      {
        onSuccess: () => {
          void message.success(t('approvals.add.added'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('approvals.add.title')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'approval-add-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {catalogue.isSuccess && catalogue.data.data.length === 0 && (
        <Alert type="info" showIcon title={t('approvals.add.noCatalogue')} style={{ marginBottom: 16 }} />
      )}
      <Radio.Group
        value={showCustom}
        onChange={(event) => setCustom(event.target.value as boolean)}
        disabled={catalogue.isSuccess && catalogue.data.data.length === 0}
        style={{ marginBottom: 16 }}
        options={[
          { value: false, label: t('approvals.add.fromCatalogue') },
          { value: true, label: t('approvals.add.custom') },
        ]}
        data-testid="approval-add-mode"
      />
      <Form<AddValues>
        form={form}
        layout="vertical"
        name="approval-add"
        initialValues={{ requiredBeforeStart: true }}
        onFinish={submit}
      >
        {showCustom ? (
          <>
            <Form.Item
              name="name"
              label={t('approvals.fields.name')}
              rules={[{ required: true, whitespace: true, message: t('approvals.add.nameRequired') }]}
            >
              <Input maxLength={60} data-testid="approval-add-name" />
            </Form.Item>
            <Form.Item name="departmentId" label={t('approvals.fields.department')}>
              <OrganisationSelect kind="department" allowClear data-testid="approval-add-department" />
            </Form.Item>
            <Form.Item name="committedDays" label={t('approvals.fields.committedDays')}>
              <InputNumber min={0} max={400} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="requiredBeforeStart"
              label={t('approvals.fields.requiredBeforeStart')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="procedureId"
            label={t('approvals.add.procedure')}
            rules={[{ required: true, message: t('approvals.add.procedureRequired') }]}
            extra={catalogue.isSuccess && choices.length === 0 ? t('approvals.add.noneLeft') : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={catalogue.isLoading}
              options={choices.map((procedure) => ({
                value: procedure.id,
                label: procedure.departmentName
                  ? `${procedure.name} · ${procedure.departmentName}`
                  : procedure.name,
              }))}
              data-testid="approval-add-procedure"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
