/** 支付 of an allocation: the table of payments and the dialog that records or edits one. */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { FundAllocation, FundPayment } from '@tuijin/contracts';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { day } from './fund-dates';
import { useCreateFundPayment, useRemoveFundPayment, useUpdateFundPayment } from './funds.queries';

export function PaymentsTable({
  allocation,
  canPay,
  onEdit,
}: {
  allocation: FundAllocation;
  canPay: boolean;
  onEdit: (payment: FundPayment) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const remove = useRemoveFundPayment();
  if (allocation.payments.length === 0)
    return <Typography.Paragraph type="secondary">{t('funds.noPayments')}</Typography.Paragraph>;
  const columns: TableColumnsType<FundPayment> = [
    { title: t('funds.paidOn'), dataIndex: 'paidOn' },
    {
      title: t('funds.paymentAmount'),
      dataIndex: 'amountWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    { title: t('funds.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
    ...(canPay
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: FundPayment) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('funds.edit')}
                  onClick={() => onEdit(row)}
                />
                <Popconfirm
                  title={t('funds.confirmRemove')}
                  onConfirm={() =>
                    remove
                      .mutateAsync({ id: row.id, version: row.version })
                      .then(() => void message.success(t('funds.removed')))
                      .catch((error: unknown) => reportError(error))
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('funds.remove')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={allocation.payments}
      style={{ marginTop: 8 }}
    />
  );
}

interface PaymentValues {
  paidOn: Dayjs;
  amountWanYuan: string;
  note?: string | null;
}

export function PaymentDialog({
  allocation,
  payment,
  onClose,
}: {
  allocation: FundAllocation;
  payment: FundPayment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<PaymentValues>();
  const create = useCreateFundPayment();
  const update = useUpdateFundPayment();
  const submit = (values: PaymentValues) => {
    const body = {
      paidOn: day(values.paidOn) ?? '',
      amountWanYuan: values.amountWanYuan,
      note: values.note?.trim() || null,
      evidenceFileId: payment?.evidenceFileId ?? null,
    };
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('funds.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (payment) update.mutate({ id: payment.id, body: { ...body, version: payment.version } }, done);
    else create.mutate({ id: allocation.id, body }, done);
  };
  return (
    <Modal
      open
      title={payment ? t('funds.edit') : t('funds.addPayment')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('funds.amount')}：{formatTableAmount(allocation.amountWanYuan)}；{t('funds.remaining')}：
        {formatTableAmount(allocation.remainingWanYuan)}
      </Typography.Paragraph>
      <Form<PaymentValues>
        form={form}
        name="fund-payment"
        layout="vertical"
        onFinish={submit}
        initialValues={
          payment
            ? { paidOn: dayjs(payment.paidOn), amountWanYuan: payment.amountWanYuan, note: payment.note }
            : { paidOn: dayjs() }
        }
      >
        <Form.Item
          name="paidOn"
          label={t('funds.paidOn')}
          rules={[{ required: true, message: t('funds.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="amountWanYuan"
          label={t('funds.paymentAmount')}
          rules={[{ required: true, message: t('funds.required') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('funds.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
