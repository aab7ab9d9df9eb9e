import type { CreateHealthWatch } from '@tuijin/contracts';
import { originKinds, provinces } from '@tuijin/domain';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateHealthWatch } from './workforce.queries';

interface Values extends Omit<CreateHealthWatch, 'fromOn' | 'toOn'> {
  fromOn: Dayjs;
  toOn: Dayjs | null;
}

/** 开启健康监测 for a region: name, period, who is observed (省外 or listed provinces), days, retention. */
export function HealthWatchDialog({
  regionCode,
  open,
  onClose,
}: {
  regionCode: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHealthWatch();
  const onError = useApiErrorHandler();
  const kind = Form.useWatch('originKind', form);
  return (
    <Modal
      open={open}
      title={t('workforce.page.switchOn')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'watch-save' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: t('workforce.page.watchNameDefault'),
          fromOn: dayjs(),
          toOn: null,
          originKind: 'outsideProvince',
          originProvinces: [],
          observationDays: 14,
          retentionDays: 30,
        }}
        onFinish={(values) =>
          create.mutate(
            {
              ...values,
              regionCode,
              fromOn: values.fromOn.format('YYYY-MM-DD'),
              toOn: values.toOn ? values.toOn.format('YYYY-MM-DD') : null,
            },
            {
              onSuccess: () => {
                message.success(t('workforce.saved'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('workforce.page.watchName')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="fromOn" label={t('workforce.page.fromOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="toOn" label={t('workforce.page.toOn')} extra={t('workforce.page.toOnHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="originKind" label={t('workforce.page.originKind')}>
          <Radio.Group
            options={originKinds.map((k) => ({ value: k, label: t(`workforce.page.originKinds.${k}`) }))}
          />
        </Form.Item>
        {kind === 'listed' && (
          <Form.Item
            name="originProvinces"
            label={t('workforce.page.originProvinces')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={provinces.map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="observationDays"
          label={t('workforce.page.observationDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="retentionDays"
          label={t('workforce.page.retentionDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={365} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
