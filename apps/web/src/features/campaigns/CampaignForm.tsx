import type { Campaign } from '@tuijin/contracts';
import { campaignPresets } from '@tuijin/domain';
import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateCampaign, useUpdateCampaign } from './campaigns.queries';

interface CampaignFormValues {
  name: string;
  period: [Dayjs, Dayjs];
  targetStartProjects: number | null;
  targetCompletionProjects: number | null;
  targetStartInvestmentWanYuan: string | null;
  note: string | null;
}

/** 新建/编辑攻坚行动: name (presets 开门红, 服务季, 落地大比拼, 五赛五拼冬季攻坚), period, targets. */
export function CampaignForm({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const reportError = useApiErrorHandler();
  const submit = (v: CampaignFormValues) => {
    const body = {
      name: v.name.trim(),
      startsOn: v.period[0].format('YYYY-MM-DD'),
      endsOn: v.period[1].format('YYYY-MM-DD'),
      targetStartProjects: v.targetStartProjects ?? null,
      targetCompletionProjects: v.targetCompletionProjects ?? null,
      targetStartInvestmentWanYuan: v.targetStartInvestmentWanYuan?.trim()
        ? v.targetStartInvestmentWanYuan.trim()
        : null,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    const options = {
      onSuccess: () => {
        onClose();
        void message.success(t('common.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (campaign) update.mutate({ id: campaign.id, body: { ...body, version: campaign.version } }, options);
    else create.mutate(body, options);
  };
  return (
    <Modal
      open
      title={campaign ? t('campaigns.editCampaign') : t('campaigns.newCampaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      width={560}
    >
      <Form
        form={form}
        name="campaign"
        layout="vertical"
        onFinish={submit}
        initialValues={
          campaign
            ? {
                ...campaign,
                period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)],
              }
            : { targetStartProjects: null, targetCompletionProjects: null }
        }
      >
        <Form.Item
          name="name"
          label={t('campaigns.name')}
          rules={[{ required: true, whitespace: true, message: t('campaigns.required') }]}
        >
          <AutoComplete
            aria-label={t('campaigns.name')}
            placeholder={t('campaigns.namePlaceholder')}
            options={campaignPresets.map((name) => ({ value: name }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('campaigns.period')}
          rules={[{ required: true, message: t('campaigns.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetStartProjects" label={t('campaigns.targetStartProjects')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetCompletionProjects" label={t('campaigns.targetCompletionProjects')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetStartInvestmentWanYuan" label={t('campaigns.targetStartInvestment')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('campaigns.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
