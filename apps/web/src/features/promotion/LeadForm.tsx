import type { PromotionLead, PromotionStage } from '@tuijin/contracts';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { useOrganisationsOfKind } from '../organisations/organisations.queries';
import { useRegions } from '../regions/regions.queries';
import { useCreatePromotionLead, useUpdatePromotionLead } from './promotion.queries';

interface Values {
  name: string;
  investorName: string;
  investorOrigin?: string;
  industry?: string;
  regionCode: string;
  contractWanYuan?: string;
  promisedRegistrationOn?: Dayjs | null;
  promisedStartOn?: Dayjs | null;
  promisedProductionOn?: Dayjs | null;
  responsibleOrganisationId?: string | null;
  note?: string;
  stage?: string;
  stageOn?: Dayjs | null;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * 新增/编辑招商项目: name, investor and origin, industry, region, contract amount (万元, typed as text
 * and checked by the server exactly), promised dates, responsible unit, note; a new lead also says
 * which stage it is in and since when.
 */
export function LeadForm({
  lead,
  stages,
  onClose,
}: {
  lead: PromotionLead | null;
  stages: PromotionStage[];
  onClose: (saved?: PromotionLead) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePromotionLead();
  const update = useUpdatePromotionLead();
  const reportError = useApiErrorHandler();
  const regions = useRegions();
  const departments = useOrganisationsOfKind('department');
  const offices = useOrganisationsOfKind('office');
  const units = [...(offices.data ?? []), ...(departments.data ?? [])];
  const date = (value: string | null) => (value ? dayjs(value) : null);
  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name.trim(),
      investorName: v.investorName.trim(),
      investorOrigin: blank(v.investorOrigin),
      industry: blank(v.industry),
      regionCode: v.regionCode,
      contractWanYuan: blank(v.contractWanYuan),
      promisedRegistrationOn: day(v.promisedRegistrationOn),
      promisedStartOn: day(v.promisedStartOn),
      promisedProductionOn: day(v.promisedProductionOn),
      responsibleOrganisationId: v.responsibleOrganisationId ?? null,
      note: blank(v.note),
    };
    try {
      const saved = lead
        ? await update.mutateAsync({ id: lead.id, body: { ...fields, version: lead.version } })
        : await create.mutateAsync({ ...fields, stage: v.stage, stageOn: day(v.stageOn) });
      void message.success(t('promotion.saved'));
      onClose(saved);
    } catch (error) {
      reportError(error, form);
    }
  };
  const required = [{ required: true, message: t('promotion.form.required') }];
  return (
    <FormDrawer
      title={lead ? t('promotion.form.editTitle') : t('promotion.form.createTitle')}
      isSaving={create.isPending || update.isPending}
      onSave={() => void submit().catch(() => undefined)}
      onClose={() => onClose()}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="promotion-lead-form"
        initialValues={
          lead
            ? {
                ...lead,
                investorOrigin: lead.investorOrigin ?? undefined,
                industry: lead.industry ?? undefined,
                contractWanYuan: lead.contractWanYuan ?? undefined,
                note: lead.note ?? undefined,
                promisedRegistrationOn: date(lead.promisedRegistrationOn),
                promisedStartOn: date(lead.promisedStartOn),
                promisedProductionOn: date(lead.promisedProductionOn),
              }
            : { stage: stages[0]?.key, stageOn: dayjs() }
        }
      >
        <Form.Item name="name" label={t('promotion.form.name')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="investorName" label={t('promotion.form.investorName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="investorOrigin" label={t('promotion.form.investorOrigin')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="industry" label={t('promotion.form.industry')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('promotion.form.regionCode')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="contractWanYuan" label={t('promotion.form.contractWanYuan')}>
          <Input inputMode="decimal" suffix={t('promotion.wanYuan')} />
        </Form.Item>
        <Form.Item name="promisedRegistrationOn" label={t('promotion.form.promisedRegistrationOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="promisedStartOn" label={t('promotion.form.promisedStartOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="promisedProductionOn" label={t('promotion.form.promisedProductionOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="responsibleOrganisationId" label={t('promotion.form.responsibleOrganisationId')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {!lead && (
          <>
            <Form.Item name="stage" label={t('promotion.form.stage')} rules={required}>
              <Select options={stages.map((s) => ({ value: s.key, label: s.name }))} />
            </Form.Item>
            <Form.Item name="stageOn" label={t('promotion.form.stageOn')}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('promotion.form.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
