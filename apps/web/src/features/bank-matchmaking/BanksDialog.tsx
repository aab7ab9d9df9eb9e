import { PlusOutlined } from '@ant-design/icons';
import type { Bank, BankLevel } from '@tuijin/contracts';
import { bankLevels } from '@tuijin/domain';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useBanks, useCreateBank, useDeleteBank, useUpdateBank } from './bank-matchmaking.queries';

interface BankValues {
  name: string;
  shortName: string | null;
  level: BankLevel;
  sortOrder: number;
}

function BankForm({ bank, onClose }: { bank: Bank | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BankValues>();
  const create = useCreateBank();
  const update = useUpdateBank();
  const reportError = useApiErrorHandler();
  const submit = (v: BankValues) => {
    const body = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() ? v.shortName.trim() : null,
      level: v.level,
      sortOrder: v.sortOrder ?? 0,
    };
    const options = {
      onSuccess: () => {
        onClose();
        void message.success(t('common.saved'));
      },
      onError: (e: unknown) => reportError(e, form),
    };
    if (bank) update.mutate({ id: bank.id, body: { ...body, version: bank.version } }, options);
    else create.mutate(body, options);
  };
  return (
    <Modal
      open
      title={bank ? t('bankMatchmaking.bank.edit') : t('bankMatchmaking.bank.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="bank"
        layout="vertical"
        onFinish={submit}
        initialValues={bank ?? { level: 'city', sortOrder: 0 }}
      >
        <Form.Item
          name="name"
          label={t('bankMatchmaking.bank.name')}
          rules={[{ required: true, whitespace: true, message: t('bankMatchmaking.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('bankMatchmaking.bank.shortName')}>
          <Input maxLength={30} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="level" label={t('bankMatchmaking.bank.level')} style={{ flex: 1 }}>
            <Select
              aria-label={t('bankMatchmaking.bank.level')}
              options={bankLevels.map((l) => ({ value: l, label: t(`bankMatchmaking.levels.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('bankMatchmaking.bank.sortOrder')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** 银行名录: the banks of the reader's jurisdiction and above; its own office adds, edits and deletes. */
export function BanksDialog({ canManage, onClose }: { canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const banks = useBanks();
  const remove = useDeleteBank();
  const reportError = useApiErrorHandler();
  const [editing, setEditing] = useState<Bank | 'new' | null>(null);
  return (
    <Modal open title={t('bankMatchmaking.banks')} onCancel={onClose} footer={null} width={820}>
      <Flex vertical gap={8} data-testid="banks-dialog">
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ alignSelf: 'start' }}>
            {t('bankMatchmaking.bank.add')}
          </Button>
        )}
        {banks.isError && <QueryError error={banks.error} onRetry={() => void banks.refetch()} />}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={banks.isPending}
          dataSource={banks.data?.data ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('bankMatchmaking.bank.name'), dataIndex: 'name' },
            { title: t('bankMatchmaking.bank.shortName'), dataIndex: 'shortName' },
            {
              title: t('bankMatchmaking.bank.level'),
              dataIndex: 'level',
              render: (l: BankLevel) => t(`bankMatchmaking.levels.${l}`),
            },
            { title: t('bankMatchmaking.bank.region'), dataIndex: 'regionName' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, b: Bank) =>
                b.canManage && (
                  <Flex gap={4}>
                    <Button size="small" onClick={() => setEditing(b)}>
                      {t('bankMatchmaking.bank.edit')}
                    </Button>
                    <Popconfirm
                      title={t('bankMatchmaking.bank.deleteConfirm', { name: b.name })}
                      onConfirm={() =>
                        remove.mutate({ id: b.id, version: b.version }, { onError: (e) => reportError(e) })
                      }
                    >
                      <Button size="small" danger>
                        {t('bankMatchmaking.bank.delete')}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      </Flex>
      {editing && <BankForm bank={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Modal>
  );
}
