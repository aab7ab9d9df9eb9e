import type { Contractor, CreateWorker, Worker } from '@tuijin/contracts';
import { accommodationKinds, checkIdNumber, idNumberProblemMessages, provinces } from '@tuijin/domain';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Popconfirm, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateWorker, useRemoveWorker, useUpdateWorker } from './workforce.queries';

interface Values extends Omit<CreateWorker, 'arrivedOn' | 'departedOn'> {
  arrivedOn: Dayjs;
  departedOn: Dayjs | null;
}

const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

/**
 * 登记 / 修改工人: one column of full-width fields (full width on a 375-px phone). On edit the ID
 * number is blank: a reader who sees it masked never retypes it; typing one replaces it.
 */
export function WorkerDrawer({
  projectId,
  contractors,
  worker,
  open,
  isPhone,
  onClose,
}: {
  projectId: string;
  contractors: Contractor[];
  worker: Worker | null;
  open: boolean;
  isPhone: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorker();
  const update = useUpdateWorker();
  const remove = useRemoveWorker();
  const onError = useApiErrorHandler();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      worker
        ? {
            ...worker,
            idNumber: '',
            arrivedOn: dayjs(worker.arrivedOn),
            departedOn: worker.departedOn ? dayjs(worker.departedOn) : null,
          }
        : {
            contractorId: contractors[0]?.id,
            arrivedOn: dayjs(),
            originProvince: '350000',
            accommodation: 'onSite',
          },
    );
  }, [open, worker, contractors, form]);

  const save = (values: Values) => {
    const body = {
      ...values,
      phone: blankToNull(values.phone),
      trade: blankToNull(values.trade),
      team: blankToNull(values.team),
      originCity: blankToNull(values.originCity),
      originCounty: blankToNull(values.originCounty),
      passNumber: blankToNull(values.passNumber),
      accommodation: values.accommodation ?? null,
      arrivedOn: values.arrivedOn.format('YYYY-MM-DD'),
      departedOn: values.departedOn ? values.departedOn.format('YYYY-MM-DD') : null,
    };
    const done = {
      onSuccess: () => {
        message.success(t('workforce.saved'));
        onClose();
      },
      onError: (error: unknown) => onError(error, form),
    };
    if (worker)
      update.mutate(
        { id: worker.id, body: { ...body, idNumber: blankToNull(values.idNumber), version: worker.version } },
        done,
      );
    else create.mutate({ id: projectId, body: { ...body, idNumber: values.idNumber } }, done);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 520}
      title={worker ? t('workforce.editWorker') : t('workforce.addWorker')}
      data-testid="worker-drawer"
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          {worker && (
            <Popconfirm
              title={t('workforce.removeConfirm', { name: worker.name })}
              onConfirm={() =>
                remove.mutate(
                  { id: worker.id, version: worker.version },
                  { onSuccess: onClose, onError: (error) => onError(error) },
                )
              }
            >
              <Button danger loading={remove.isPending} style={{ marginInlineEnd: 'auto' }}>
                {t('workforce.remove')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="worker-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={save} requiredMark>
        <Form.Item name="name" label={t('workforce.name')} rules={[{ required: true, max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('workforce.idNumber')}
          rules={[
            { required: !worker },
            {
              // The same GB 11643 check the server runs, so a wrong check character is caught at once.
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const reading = checkIdNumber(value, dayjs().format('YYYY-MM-DD'));
                if (!reading.ok) throw new Error(idNumberProblemMessages[reading.problem]);
              },
            },
          ]}
          extra={worker ? t('workforce.idNumberKeep', { masked: worker.idNumber }) : undefined}
        >
          <Input autoComplete="off" maxLength={18} inputMode="text" />
        </Form.Item>
        <Form.Item name="contractorId" label={t('workforce.contractor')} rules={[{ required: true }]}>
          <Select options={contractors.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('workforce.phone')}>
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="trade" label={t('workforce.trade')} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="team" label={t('workforce.team')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <Form.Item name="originProvince" label={t('workforce.originProvince')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={provinces.map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="originCity" label={t('workforce.originCity')} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="originCounty" label={t('workforce.originCounty')} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item
            name="arrivedOn"
            label={t('workforce.arrivedOn')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
          </Form.Item>
          <Form.Item name="departedOn" label={t('workforce.departedOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
          </Form.Item>
        </Flex>
        <Form.Item name="accommodation" label={t('workforce.accommodation')}>
          <Select
            allowClear
            options={accommodationKinds.map((k) => ({ value: k, label: t(`workforce.accommodations.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="passNumber" label={t('workforce.passNumber')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
