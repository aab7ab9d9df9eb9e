import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { DictionaryEntry } from '@tuijin/contracts';
import type { DictionaryKind } from '@tuijin/domain';
import { App, Button, Form, Input, Space, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCreateDictionaryEntry, useDictionary, useUpdateDictionaryEntries } from './dictionaries.queries';
import { RenameEntryModal } from './RenameEntryModal';

const sortStep = 10;

/** One dictionary: add an entry, rename it, move it up or down, and switch it on or off. */
export function DictionaryKindPanel({ kind }: { kind: DictionaryKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dictionary = useDictionary(kind);
  const createEntry = useCreateDictionaryEntry();
  const updateEntries = useUpdateDictionaryEntries();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<DictionaryEntry | null>(null);
  const entries = dictionary.entries;

  const add = ({ name }: { name: string }) =>
    createEntry.mutate(
      { kind, name: name.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('dictionaries.created'));
        },
        onError: (error) => reportError(error, form),
      },
    );

  /** Moves an entry one place and renumbers the list in steps of ten, saving only what changed. */
  const move = (index: number, offset: -1 | 1) => {
    const order = [...entries];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + offset, 0, moved);
    const changes = order
      .map((entry, position) => ({ entry, sortOrder: (position + 1) * sortStep }))
      .filter(({ entry, sortOrder }) => entry.sortOrder !== sortOrder)
      .map(({ entry, sortOrder }) => ({
        id: entry.id,
        name: entry.name,
        isActive: entry.isActive,
        sortOrder,
      }));
    updateEntries.mutate(changes, { onError: (error) => reportError(error) });
  };

  const setActive = (entry: DictionaryEntry, isActive: boolean) =>
    updateEntries.mutate([{ id: entry.id, name: entry.name, sortOrder: entry.sortOrder, isActive }], {
      onSuccess: () => void message.success(t(isActive ? 'dictionaries.enabled' : 'dictionaries.disabled')),
      onError: (error) => reportError(error),
    });

  const columns: TableColumnsType<DictionaryEntry> = [
    { title: t('dictionaries.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('dictionaries.sortOrder'),
      dataIndex: 'sortOrder',
      key: 'sortOrder',
      width: 100,
      align: 'right',
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      width: 120,
      render: (isActive: boolean, entry) => (
        <Switch
          size="small"
          checked={isActive}
          checkedChildren={t('common.active')}
          unCheckedChildren={t('common.inactive')}
          loading={updateEntries.isPending}
          onChange={(checked) => setActive(entry, checked)}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, entry, index) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setRenaming(entry)}>
            {t('dictionaries.rename')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('dictionaries.moveUp')}
            disabled={index === 0 || updateEntries.isPending}
            onClick={() => move(index, -1)}
          />
          <Button
            type="link"
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('dictionaries.moveDown')}
            disabled={index === entries.length - 1 || updateEntries.isPending}
            onClick={() => move(index, 1)}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Form form={form} name={`dictionary-${kind}`} layout="inline" className="tj-filters" onFinish={add}>
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: t('projects.required') }]}
        >
          <Input maxLength={30} placeholder={t('dictionaries.newPlaceholder')} className="tj-filter-md" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={createEntry.isPending}>
            {t('dictionaries.add')}
          </Button>
        </Form.Item>
      </Form>
      {dictionary.isError && (
        <QueryError error={dictionary.error} onRetry={() => void dictionary.refetch()} />
      )}
      <Table<DictionaryEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        loading={dictionary.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {renaming && <RenameEntryModal entry={renaming} onClose={() => setRenaming(null)} />}
    </>
  );
}
