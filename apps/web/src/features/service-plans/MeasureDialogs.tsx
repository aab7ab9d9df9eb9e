import type { Measure, MeasureStatus } from '@tuijin/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateMeasure, useMoveMeasure, useUpdateMeasure } from './service-plans.queries';

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

interface MeasureValues {
  content: string;
  responsibleOrganisationId: string;
  dueOn: Dayjs;
}

/** 新增/修改措施: text, responsible unit (the project's jurisdiction) and due date. */
export function MeasureDialog({
  projectId,
  measure,
  organisations,
  onClose,
}: {
  projectId: string;
  measure: Measure | 'new';
  organisations: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<MeasureValues>();
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const isNew = measure === 'new';
  const submit = (values: MeasureValues) => {
    const body = {
      content: values.content.trim(),
      responsibleOrganisationId: values.responsibleOrganisationId,
      dueOn: day(values.dueOn)!,
    };
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('servicePlans.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (isNew) create.mutate({ id: projectId, body }, done);
    else update.mutate({ id: measure.id, body: { ...body, version: measure.version } }, done);
  };
  return (
    <Modal
      open
      title={isNew ? t('servicePlans.addMeasure') : t('servicePlans.editMeasure')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<MeasureValues>
        form={form}
        name="service-measure"
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? {}
            : {
                content: measure.content,
                responsibleOrganisationId: measure.responsibleOrganisationId,
                dueOn: dayjs(measure.dueOn),
              }
        }
      >
        <Form.Item
          name="content"
          label={t('servicePlans.content')}
          rules={[{ required: true, whitespace: true, message: t('servicePlans.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="responsibleOrganisationId"
          label={t('servicePlans.responsible')}
          rules={[{ required: true, message: t('servicePlans.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="measure-organisation"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('servicePlans.dueOn')}
          rules={[{ required: true, message: t('servicePlans.required') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="measure-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MoveValues {
  completedOn?: Dayjs | null;
  note?: string | null;
}

/** A status move; 已完成 asks for its date (today unless changed) and what was done. */
export function MoveDialog({
  measure,
  status,
  onClose,
}: {
  measure: Measure;
  status: MeasureStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveMeasure();
  const asksNote = status === 'done' || status === 'cancelled';
  const submit = (values: MoveValues) =>
    move.mutate(
      {
        id: measure.id,
        body: {
          version: measure.version,
          status,
          completedOn: status === 'done' ? day(values.completedOn) : null,
          note: asksNote ? values.note?.trim() || null : null,
        },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('servicePlans.saved'));
        },
        onError: (error: unknown) => reportError(error, form),
      },
    );
  return (
    <Modal
      open
      title={`${measure.content} → ${t(`servicePlans.statuses.${status}`)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form<MoveValues>
        form={form}
        name="service-measure-move"
        layout="vertical"
        onFinish={submit}
        initialValues={{ completedOn: dayjs() }}
      >
        {status === 'done' && (
          <Form.Item name="completedOn" label={t('servicePlans.completedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {asksNote && (
          <Form.Item name="note" label={t('servicePlans.note')} extra={t('servicePlans.noteHelp')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
