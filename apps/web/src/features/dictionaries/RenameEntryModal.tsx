import type { DictionaryEntry } from '@tuijin/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useUpdateDictionaryEntries } from './dictionaries.queries';

/** Renames a dictionary entry. */
export function RenameEntryModal({ entry, onClose }: { entry: DictionaryEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const updateEntries = useUpdateDictionaryEntries();
  const reportError = useApiErrorHandler();

  const submit = ({ name }: { name: string }) =>
    updateEntries.mutate(
      [{ id: entry.id, name: name.trim(), sortOrder: entry.sortOrder, isActive: entry.isActive }],
      {
        onSuccess: () => {
          void message.success(t('dictionaries.renamed'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('dictionaries.renameTitle', { name: entry.name })}
      okText={t('common.save')}
      confirmLoading={updateEntries.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="dictionary-rename"
        layout="vertical"
        initialValues={{ name: entry.name }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('dictionaries.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
