import type { ApprovalItem } from '@tuijin/contracts';
import { App, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { type EditField, type EditValues, editableFieldsOf, editBody } from './approval-logic';
import { useApprovalAgents, useUpdateApprovalItem } from './approvals.queries';
import { useApprovalError } from './use-approval-error';

const initialValues = (item: ApprovalItem): EditValues => ({
  agentUserId: item.agentUserId,
  departmentId: item.departmentId,
  handlerName: item.handlerName,
  materialsReadyOn: item.materialsReadyOn ? dayjs(item.materialsReadyOn) : null,
  submittedOn: item.submittedOn ? dayjs(item.submittedOn) : null,
  approvalNumber: item.approvalNumber,
  committedDays: item.committedDays,
  requiredBeforeStart: item.requiredBeforeStart,
  note: item.note,
});

/** 帮办代办人: the jurisdiction's service officers, keeping the current one shown while the list loads. */
function AgentSelect({
  item,
  ...props
}: {
  item: ApprovalItem;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const agents = useApprovalAgents(true);
  const options = useMemo(() => {
    const list = (agents.data ?? []).map((agent) => ({
      value: agent.id,
      label: `${agent.displayName} · ${agent.organisationName}`,
    }));
    if (item.agentUserId && !list.some((option) => option.value === item.agentUserId))
      list.unshift({ value: item.agentUserId, label: item.agentName ?? item.agentUserId });
    return list;
  }, [agents.data, item.agentUserId, item.agentName]);
  return (
    <Select<string | null>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={agents.isLoading}
      placeholder={t('approvals.edit.agentPlaceholder')}
      options={options}
      data-testid="approval-edit-agent"
      {...props}
      onChange={(value) => props.onChange?.(value ?? null)}
    />
  );
}

/** 编辑: the item's fields the reader may change (from the server's `editableFields`), at its version. */
export function ApprovalEditDrawer({ item, onClose }: { item: ApprovalItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateApprovalItem();
  const onError = useApprovalError();
  const fields = editableFieldsOf(item.editableFields);

  const inputs: Record<EditField, ReactNode> = {
    agentUserId: <AgentSelect item={item} />,
    departmentId: (
      <OrganisationSelect
        kind="department"
        allowClear
        current={
          item.departmentId ? { id: item.departmentId, name: item.departmentName ?? item.departmentId } : null
        }
        data-testid="approval-edit-department"
      />
    ),
    handlerName: <Input maxLength={40} data-testid="approval-edit-handler" />,
    materialsReadyOn: <DatePicker style={{ width: '100%' }} data-testid="approval-edit-ready" />,
    submittedOn: <DatePicker style={{ width: '100%' }} data-testid="approval-edit-submitted" />,
    approvalNumber: <Input maxLength={60} data-testid="approval-edit-number" />,
    committedDays: (
      <InputNumber min={0} max={400} precision={0} style={{ width: 160 }} data-testid="approval-edit-days" />
    ),
    requiredBeforeStart: <Switch data-testid="approval-edit-required" />,
    note: <Input.TextArea rows={3} maxLength={500} showCount data-testid="approval-edit-note" />,
  };
  const labels: Record<EditField, string> = {
    agentUserId: t('approvals.fields.agent'),
    departmentId: t('approvals.fields.department'),
    handlerName: t('approvals.fields.handlerName'),
    materialsReadyOn: t('approvals.fields.materialsReadyOn'),
    submittedOn: t('approvals.fields.submittedOn'),
    approvalNumber: t('approvals.fields.approvalNumber'),
    committedDays: t('approvals.fields.committedDays'),
    requiredBeforeStart: t('approvals.fields.requiredBeforeStart'),
    note: t('approvals.fields.note'),
  };

  const submit = (values: EditValues) =>
    update.mutate(
      { id: item.id, body: editBody(values, item.editableFields, item.version) },
      {
        onSuccess: () => {
          void message.success(t('approvals.edit.saved'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <FormDrawer
      title={t('approvals.edit.title', { name: item.name })}
      isSaving={update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="approval-edit"
        initialValues={initialValues(item)}
        onFinish={submit}
      >
        {fields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={labels[field]}
            valuePropName={field === 'requiredBeforeStart' ? 'checked' : 'value'}
          >
            {inputs[field]}
          </Form.Item>
        ))}
      </Form>
    </FormDrawer>
  );
}
