import type { BankFollowUp, BankFollowUpStatus } from '@tuijin/contracts';
import { App, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { type FollowUpField, followUpFieldsOf, statusOptions } from './bank-matchmaking';
import { useUpdateBankFollowUp } from './bank-matchmaking.queries';

interface FollowUpValues {
  status: BankFollowUpStatus;
  failureReason: string | null;
  creditGrantedWanYuan: string | null;
  disbursedWanYuan: string | null;
  disbursedOn: Dayjs | null;
  rolledOverWanYuan: string | null;
  rolledOverOn: Dayjs | null;
  nextStep: string | null;
  followedUpOn: Dayjs | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/**
 * 更新跟进: the status (the current one and the moves the table allows) and the fields it needs —
 * credit for 已授信, loans for 已放款, a reason for 未成功 — with the next step and the date.
 */
export function FollowUpForm({ followUp, onClose }: { followUp: BankFollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpValues>();
  const update = useUpdateBankFollowUp();
  const reportError = useApiErrorHandler();
  const status = Form.useWatch('status', form) ?? followUp.status;
  const fields = followUpFieldsOf(status);
  const keepLoans = followUp.disbursedWanYuan !== null || followUp.rolledOverWanYuan !== null;
  /** A pair with loans on record keeps showing them, unless it is being marked 未成功. */
  const show = (f: FollowUpField) =>
    fields.includes(f) || (keepLoans && f !== 'failureReason' && status !== 'failed');
  const submit = (v: FollowUpValues) => {
    update.mutate(
      {
        id: followUp.id,
        body: {
          status: v.status,
          failureReason: show('failureReason') ? blank(v.failureReason) : null,
          creditGrantedWanYuan: show('creditGrantedWanYuan') ? blank(v.creditGrantedWanYuan) : null,
          disbursedWanYuan: show('disbursed') ? blank(v.disbursedWanYuan) : null,
          disbursedOn: show('disbursed') ? day(v.disbursedOn) : null,
          rolledOverWanYuan: show('rolledOver') ? blank(v.rolledOverWanYuan) : null,
          rolledOverOn: show('rolledOver') ? day(v.rolledOverOn) : null,
          nextStep: blank(v.nextStep),
          followedUpOn: day(v.followedUpOn),
          version: followUp.version,
        },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('common.saved'));
        },
        onError: (e) => reportError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={t('bankMatchmaking.followUp.title', { project: followUp.projectName, bank: followUp.bankName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="bankFollowUp"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          ...followUp,
          disbursedOn: followUp.disbursedOn ? dayjs(followUp.disbursedOn) : null,
          rolledOverOn: followUp.rolledOverOn ? dayjs(followUp.rolledOverOn) : null,
          followedUpOn: followUp.followedUpOn ? dayjs(followUp.followedUpOn) : dayjs(),
        }}
      >
        {followUp.firstPushedOn && (
          <Typography.Paragraph type="secondary">
            {t('bankMatchmaking.followUp.firstPushed', { date: followUp.firstPushedOn })}
          </Typography.Paragraph>
        )}
        <Form.Item name="status" label={t('bankMatchmaking.followUp.status')}>
          <Select
            aria-label={t('bankMatchmaking.followUp.status')}
            options={statusOptions(followUp.status, followUp.moves).map((s) => ({
              value: s,
              label: t(`bankMatchmaking.statuses.${s}`),
            }))}
          />
        </Form.Item>
        {show('failureReason') && (
          <Form.Item name="failureReason" label={t('bankMatchmaking.followUp.failureReason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {show('creditGrantedWanYuan') && (
          <Form.Item name="creditGrantedWanYuan" label={t('bankMatchmaking.followUp.creditGranted')}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {show('disbursed') && (
          <Flex gap={12}>
            <Form.Item
              name="disbursedWanYuan"
              label={t('bankMatchmaking.followUp.disbursed')}
              style={{ flex: 1 }}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="disbursedOn" label={t('bankMatchmaking.followUp.disbursedOn')}>
              <DatePicker aria-label={t('bankMatchmaking.followUp.disbursedOn')} />
            </Form.Item>
          </Flex>
        )}
        {show('rolledOver') && (
          <Flex gap={12}>
            <Form.Item
              name="rolledOverWanYuan"
              label={t('bankMatchmaking.followUp.rolledOver')}
              style={{ flex: 1 }}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="rolledOverOn" label={t('bankMatchmaking.followUp.rolledOverOn')}>
              <DatePicker aria-label={t('bankMatchmaking.followUp.rolledOverOn')} />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="nextStep" label={t('bankMatchmaking.followUp.nextStep')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="followedUpOn" label={t('bankMatchmaking.followUp.followedUpOn')}>
          <DatePicker aria-label={t('bankMatchmaking.followUp.followedUpOn')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
