import { Alert, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { useReconciliationSettings, useSaveReconciliationSettings } from './reconciliation.queries';

interface Values {
  gapPercent: number;
  gapMinWanYuan: number;
}

/** 差异阈值: the jurisdiction's share of 入统 and minimum amount beyond which a gap is listed. */
export function ReconciliationSettingsModal({
  open,
  regionCode,
  onClose,
}: {
  open: boolean;
  regionCode: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const current = useReconciliationSettings(regionCode);
  const save = useSaveReconciliationSettings();
  useEffect(() => {
    if (open && current.data)
      form.setFieldsValue({
        gapPercent: current.data.gapPercent,
        gapMinWanYuan: Number(current.data.gapMinWanYuan),
      });
  }, [open, current.data, form]);
  const submit = async () => {
    const values = await form.validateFields();
    await save.mutateAsync({
      ...(regionCode ? { regionCode } : {}),
      gapPercent: values.gapPercent,
      gapMinWanYuan: String(values.gapMinWanYuan),
      version: current.data?.version ?? 0,
    });
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('reconciliation.settings.title')}
      okText={t('common.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {current.data?.fromRegionCode === null
          ? t('reconciliation.settings.defaults')
          : current.data && current.data.fromRegionCode !== current.data.regionCode
            ? t('reconciliation.settings.inherited', { code: current.data.fromRegionCode })
            : t('reconciliation.settings.own')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="reconciliation-settings-form">
        <Form.Item
          name="gapPercent"
          label={t('reconciliation.settings.gapPercent')}
          rules={[{ required: true, message: t('reconciliation.settings.gapPercentRequired') }]}
        >
          <InputNumber min={0.1} max={100} step={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="gapMinWanYuan"
          label={t('reconciliation.settings.gapMin')}
          rules={[{ required: true, message: t('reconciliation.settings.gapMinRequired') }]}
        >
          <InputNumber min={0} step={10} suffix={t('reconciliation.wanYuan')} style={{ width: 200 }} />
        </Form.Item>
      </Form>
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
    </Modal>
  );
}
