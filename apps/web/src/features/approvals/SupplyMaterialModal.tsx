import type { ApprovalItem } from '@tuijin/contracts';
import { App, type ButtonProps, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSupplyApprovalMaterial } from './approvals.queries';
import { useApprovalError } from './use-approval-error';

interface SupplyValues {
  on: Dayjs;
  note?: string;
}

interface SupplyMaterialModalProps {
  item: ApprovalItem;
  materialId: string;
  /** The server's today: the default date and the latest one allowed. */
  today: string;
  onClose: () => void;
}

/** 补齐: records a 容缺 material as supplied on a day (today by default) at the item's version. */
export function SupplyMaterialModal({ item, materialId, today, onClose }: SupplyMaterialModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SupplyValues>();
  const supply = useSupplyApprovalMaterial();
  const onError = useApprovalError();
  const material = item.materials.find((candidate) => candidate.id === materialId);
  const latest = dayjs(today);

  const submit = (values: SupplyValues) =>
    supply.mutate(
      {
        id: item.id,
        materialId,
        body: {
          version: item.version,
          on: values.on.format('YYYY-MM-DD'),
          note: values.note?.trim() ? values.note.trim() : null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('approvals.materials.supplied'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('approvals.materials.supplyTitle', { name: material?.name ?? '' })}
      okText={t('approvals.materials.supply')}
      okButtonProps={{ loading: supply.isPending, 'data-testid': 'approval-supply-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SupplyValues>
        form={form}
        layout="vertical"
        name="approval-supply"
        initialValues={{ on: latest }}
        onFinish={submit}
      >
        <Form.Item
          name="on"
          label={t('approvals.materials.on')}
          rules={[{ required: true, message: t('approvals.move.onRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(date) => date.isAfter(latest, 'day')}
            inputReadOnly
            data-testid="approval-supply-on"
          />
        </Form.Item>
        <Form.Item name="note" label={t('approvals.materials.note')}>
          <Input.TextArea rows={2} maxLength={200} data-testid="approval-supply-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
