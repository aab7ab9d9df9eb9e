import type { SaveContractor } from '@tuijin/contracts';
import { contractorRoles } from '@tuijin/domain';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateContractor } from './workforce.queries';

/** 添加施工单位: name, optional 统一社会信用代码 (checked by the server), role. */
export function ContractorDialog({
  projectId,
  open,
  onClose,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SaveContractor>();
  const create = useCreateContractor();
  const onError = useApiErrorHandler();
  return (
    <Modal
      open={open}
      title={t('workforce.addContractor')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'general' }}
        onFinish={(values) =>
          create.mutate(
            {
              id: projectId,
              body: { ...values, creditCode: values.creditCode?.trim() ? values.creditCode.trim() : null },
            },
            {
              onSuccess: () => {
                message.success(t('workforce.saved'));
                form.resetFields();
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('workforce.contractorName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t('workforce.creditCode')} extra={t('workforce.creditCodeHelp')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="role" label={t('workforce.role')} rules={[{ required: true }]}>
          <Select options={contractorRoles.map((r) => ({ value: r, label: t(`workforce.roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
