import type { FactorDemand, FactorDemandStatus } from '@tuijin/contracts';
import {
  factorTypes,
  factorUnits,
  landApprovalStages,
  landKinds,
  landQuotaStatuses,
  utilityKinds,
} from '@tuijin/domain';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { type DemandFormValues, demandBody, demandFormValues, typeFields } from './factor-form';
import { useCreateFactorDemand, useMoveFactorDemand, useUpdateFactorDemand } from './factors.queries';

type FormValues = Omit<DemandFormValues, 'neededBy' | 'landDeliveryOn'> & {
  neededBy: Dayjs;
  landDeliveryOn?: Dayjs | null;
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** 新增/修改要素需求: type, quantity and met in the type's unit, department, date, the type's own fields. */
export function DemandDialog({
  projectId,
  demand,
  organisations,
  onClose,
}: {
  projectId: string;
  demand: FactorDemand | 'new';
  organisations: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateFactorDemand();
  const update = useUpdateFactorDemand();
  const isNew = demand === 'new';
  const type = Form.useWatch('type', form) ?? (isNew ? 'land' : demand.type);
  const shown = new Set(typeFields[type]);
  const fixedUnit = factorUnits[type];
  const submit = (values: FormValues) => {
    const body = demandBody({
      ...values,
      neededBy: day(values.neededBy)!,
      landDeliveryOn: day(values.landDeliveryOn),
    });
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('factors.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (isNew) create.mutate({ id: projectId, body }, done);
    else update.mutate({ id: demand.id, body: { ...body, version: demand.version } }, done);
  };
  const initial = isNew
    ? { type: 'land' as const, metQuantity: '0' }
    : (() => {
        const values = demandFormValues(demand);
        return {
          ...values,
          neededBy: dayjs(values.neededBy),
          landDeliveryOn: values.landDeliveryOn ? dayjs(values.landDeliveryOn) : null,
        };
      })();
  const required = [{ required: true, message: t('factors.required') }];
  const options = <K extends string>(keys: readonly K[], prefix: string) =>
    keys.map((key) => ({ value: key, label: t(`${prefix}.${key}` as 'factors.title') }));
  return (
    <Modal
      open
      title={isNew ? t('factors.addDemand') : t('factors.editDemand')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        name="factor-demand"
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
      >
        <Form.Item name="type" label={t('factors.type')} rules={required}>
          <Select data-testid="demand-type" options={options(factorTypes, 'factors.types')} />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={`${t(`factors.quantityLabels.${type}`)}${fixedUnit ? `（${fixedUnit}）` : ''}`}
          rules={required}
        >
          <Input inputMode="decimal" data-testid="demand-quantity" />
        </Form.Item>
        <Form.Item
          name="metQuantity"
          label={`${t(`factors.metLabels.${type}`)}${fixedUnit ? `（${fixedUnit}）` : ''}`}
        >
          <Input inputMode="decimal" data-testid="demand-met" />
        </Form.Item>
        {shown.has('unit') && (
          <Form.Item name="unit" label={t('factors.unit')} extra={t('factors.unitHelp')} rules={required}>
            <Input maxLength={20} />
          </Form.Item>
        )}
        {shown.has('landKind') && (
          <Form.Item name="landKind" label={t('factors.landKind')} rules={required}>
            <Select data-testid="demand-land-kind" options={options(landKinds, 'factors.landKinds')} />
          </Form.Item>
        )}
        {shown.has('landQuotaStatus') && (
          <Form.Item name="landQuotaStatus" label={t('factors.landQuotaStatus')}>
            <Select allowClear options={options(landQuotaStatuses, 'factors.landQuotaStatuses')} />
          </Form.Item>
        )}
        {shown.has('landApprovalStage') && (
          <Form.Item name="landApprovalStage" label={t('factors.landApprovalStage')}>
            <Select allowClear options={options(landApprovalStages, 'factors.landApprovalStages')} />
          </Form.Item>
        )}
        {shown.has('landDeliveryOn') && (
          <Form.Item name="landDeliveryOn" label={t('factors.landDeliveryOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {shown.has('coalTonnes') && (
          <Form.Item name="coalTonnes" label={t('factors.coalTonnes')}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {shown.has('financePurpose') && (
          <Form.Item name="financePurpose" label={t('factors.financePurpose')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {shown.has('banksMatched') && (
          <Form.Item name="banksMatched" label={t('factors.banksMatched')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {shown.has('disbursedWanYuan') && (
          <Form.Item name="disbursedWanYuan" label={t('factors.disbursed')}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {shown.has('utilityKind') && (
          <Form.Item name="utilityKind" label={t('factors.utilityKind')} rules={required}>
            <Select options={options(utilityKinds, 'factors.utilityKinds')} />
          </Form.Item>
        )}
        {shown.has('materialName') && (
          <Form.Item name="materialName" label={t('factors.materialName')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="responsibleOrganisationId" label={t('factors.responsible')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="demand-organisation"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="neededBy" label={t('factors.neededBy')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="demand-needed-by" />
        </Form.Item>
        <Form.Item name="note" label={t('factors.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A status move, with an optional note (why it cannot be met). */
export function MoveDemandDialog({
  demand,
  status,
  onClose,
}: {
  demand: FactorDemand;
  status: FactorDemandStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<{ note?: string }>();
  const move = useMoveFactorDemand();
  const submit = (values: { note?: string }) =>
    move.mutate(
      {
        id: demand.id,
        body: { version: demand.version, status, note: values.note?.trim() ? values.note.trim() : null },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('factors.saved'));
        },
        onError: (error: unknown) => reportError(error, form),
      },
    );
  return (
    <Modal
      open
      title={t('factors.moveTitle', { status: t(`factors.statuses.${status}`) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('factors.moveNote')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="demand-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
