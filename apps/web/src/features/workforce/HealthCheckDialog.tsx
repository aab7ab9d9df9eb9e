import type { Worker } from '@tuijin/contracts';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useSaveHealthCheck } from './workforce.queries';

interface Values {
  temperature: string;
  hasSymptoms: boolean;
  note?: string;
}

/** Today's health check of a worker with its temperature, symptoms and note (a second entry updates it). */
export function HealthCheckDialog({ worker, onClose }: { worker: Worker | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveHealthCheck();
  const onError = useApiErrorHandler();
  useEffect(() => {
    if (worker)
      form.setFieldsValue({
        temperature: worker.health?.latestCheck?.temperature ?? '36.5',
        hasSymptoms: false,
        note: '',
      });
  }, [worker, form]);
  return (
    <Modal
      open={worker !== null}
      title={worker ? t('workforce.checkTitle', { name: worker.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'health-check-save' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          worker &&
          save.mutate(
            {
              id: worker.id,
              body: {
                checkedOn: dayjs().format('YYYY-MM-DD'),
                temperature: values.temperature,
                hasSymptoms: values.hasSymptoms,
                note: values.note?.trim() ? values.note.trim() : null,
              },
            },
            {
              onSuccess: () => {
                message.success(t('workforce.checkSaved'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item name="temperature" label={t('workforce.temperature')} rules={[{ required: true }]}>
          <Input inputMode="decimal" maxLength={4} data-testid="health-check-temperature" />
        </Form.Item>
        <Form.Item name="hasSymptoms" valuePropName="checked">
          <Checkbox>{t('workforce.hasSymptoms')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('workforce.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
