import type { CreateBatchScheme } from '@tuijin/contracts';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCurrentUser } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { useBatchPresets, useCreateBatchScheme } from './batches.queries';

const custom = 'custom';
type SchemeForm = CreateBatchScheme & { preset: string };

/** Creates a year's batch scheme from a preset (四个一批、五个一批、三个一批) or from custom batch names. */
export function CreateBatchSchemeModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<SchemeForm>();
  const presets = useBatchPresets();
  const createScheme = useCreateBatchScheme();
  const reportError = useApiErrorHandler();

  const choosePreset = (key: string) => {
    const preset = presets.data?.find((candidate) => candidate.key === key);
    form.setFieldsValue(preset ? { name: preset.name, batches: preset.batches } : { name: '', batches: [] });
  };

  const submit = ({ preset: _preset, ...values }: SchemeForm) =>
    createScheme.mutate(
      {
        ...values,
        name: values.name.trim(),
        batches: values.batches.map((name) => name.trim()).filter(Boolean),
      },
      {
        onSuccess: () => {
          void message.success(t('batches.created'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('batches.create')}
      okText={t('common.save')}
      confirmLoading={createScheme.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<SchemeForm>
        form={form}
        name="batch-scheme"
        layout="vertical"
        initialValues={{ regionCode: me.region.code, year, preset: custom, batches: [] }}
        onFinish={submit}
      >
        <Form.Item name="preset" label={t('batches.preset')}>
          <Select
            loading={presets.isLoading}
            onChange={choosePreset}
            options={[
              ...(presets.data ?? []).map((preset) => ({
                value: preset.key,
                label: t('batches.presetOption', {
                  name: preset.name,
                  batches: preset.batches.join('、'),
                  source: preset.source,
                }),
              })),
              { value: custom, label: t('batches.customPreset') },
            ]}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('batches.region')} rules={[{ required: true }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="year" label={t('batches.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('batches.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={30} placeholder={t('batches.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="batches"
          label={t('batches.batches')}
          extra={t('batches.batchesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('batches.batchesRequired') }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
