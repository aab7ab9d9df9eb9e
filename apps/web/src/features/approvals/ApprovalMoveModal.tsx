import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApprovalItem, ApprovalStatus } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApprovalStatusTag } from './ApprovalBits';
import { isReasonRequired, type MoveValues, moveBody } from './approval-logic';
import { useMoveApprovalItem } from './approvals.queries';
import { useApprovalError } from './use-approval-error';

interface ApprovalMoveModalProps {
  item: ApprovalItem;
  /** The server's today: the default date and the latest one allowed. */
  today: string;
  onClose: () => void;
}

/**
 * 办理: one move of an item among those the reader may make now, with its date (not in the future),
 * a reason where the move needs one, the 文号 of an approval and the missing materials of 容缺受理.
 */
export function ApprovalMoveModal({ item, today, onClose }: ApprovalMoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveApprovalItem();
  const onError = useApprovalError();
  const to = Form.useWatch('to', form) as ApprovalStatus | undefined;
  const latest = dayjs(today);
  const needsReason = isReasonRequired(item.status, to);

  const submit = (values: MoveValues) =>
    move.mutate(
      { id: item.id, body: moveBody(values, item.version) },
      {
        onSuccess: () => {
          void message.success(t('approvals.move.done'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('approvals.move.title', { name: item.name })}
      okText={t('approvals.move.action')}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'approval-move-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MoveValues>
        form={form}
        layout="vertical"
        name="approval-move"
        initialValues={{
          on: latest,
          to: item.allowedMoves.length === 1 ? item.allowedMoves[0] : undefined,
          approvalNumber: item.approvalNumber ?? undefined,
          missingMaterials: [{ name: '' }],
        }}
        onFinish={submit}
      >
        <Form.Item label={t('approvals.move.current')}>
          <ApprovalStatusTag status={item.status} />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('approvals.move.to')}
          rules={[{ required: true, message: t('approvals.move.toRequired') }]}
        >
          <Select<ApprovalStatus>
            data-testid="approval-move-to"
            options={item.allowedMoves.map((status) => ({
              value: status,
              label: t(`approvals.status.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('approvals.move.on')}
          rules={[{ required: true, message: t('approvals.move.onRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(date) => date.isAfter(latest, 'day')}
            data-testid="approval-move-on"
          />
        </Form.Item>
        {to === 'approved' && (
          <Form.Item name="approvalNumber" label={t('approvals.move.approvalNumber')}>
            <Input maxLength={60} data-testid="approval-move-number" />
          </Form.Item>
        )}
        {to === 'accepted_with_gaps' && (
          <Form.List
            name="missingMaterials"
            rules={[
              {
                validator: async (_, materials?: unknown[]) => {
                  if (!materials || materials.length === 0)
                    throw new Error(t('approvals.move.missingRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Form.Item label={t('approvals.move.missing')} required>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('approvals.move.missingNameRequired'),
                        },
                      ]}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <Input
                        maxLength={100}
                        placeholder={t('approvals.move.missingName')}
                        data-testid="approval-missing-name"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'promisedDays']} style={{ width: 150, marginBottom: 8 }}>
                      <InputNumber
                        min={0}
                        max={400}
                        precision={0}
                        style={{ width: '100%' }}
                        aria-label={t('approvals.move.promisedDays')}
                        placeholder={t('approvals.move.promisedDaysPlaceholder')}
                        data-testid="approval-missing-days"
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('approvals.move.removeMissing')}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '' })}
                  data-testid="approval-missing-add"
                >
                  {t('approvals.move.addMissing')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            )}
          </Form.List>
        )}
        <Form.Item
          name="reason"
          label={t('approvals.move.reason')}
          rules={[{ required: needsReason, whitespace: true, message: t('approvals.move.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="approval-move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
