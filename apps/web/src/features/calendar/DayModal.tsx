import { App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { type CalendarDay, useSetCalendarOverride } from './calendar.queries';
import { useRestoreOfficial } from './use-restore-official';

interface DayValues {
  kind: CalendarDay['kind'];
  name?: string;
}

/** Sets one date as a day off or a make-up workday, or removes an admin entry for it. */
export function DayModal({
  date,
  entry,
  onClose,
}: {
  date: string;
  entry: CalendarDay | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const setOverride = useSetCalendarOverride();
  const restore = useRestoreOfficial();
  const reportError = useApiErrorHandler();
  const day = dayjs(date);
  const weekend = day.day() === 0 || day.day() === 6;
  const state = entry
    ? [t(`calendar.${entry.kind}`), entry.name].filter(Boolean).join(' ')
    : t(weekend ? 'calendar.ordinaryWeekend' : 'calendar.ordinaryWorkday');

  const submit = ({ kind, name }: DayValues) =>
    setOverride.mutate(
      { date, kind, name: name?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('calendar.saved', { date }));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('calendar.modalTitle', { date, weekday: day.format('dddd') })}
      onCancel={onClose}
      width={420}
      footer={[
        entry?.source === 'override' && (
          <Button
            key="restore"
            danger
            loading={restore.isPending}
            onClick={() => restore.run(date, onClose)}
            style={{ float: 'left' }}
          >
            {t('calendar.restore')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={setOverride.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t('calendar.modalCurrent', { state })}
        {entry &&
          ` · ${t(entry.source === 'override' ? 'calendar.sourceOverride' : 'calendar.sourcePackage')}`}
      </Typography.Paragraph>
      <Form<DayValues>
        form={form}
        name="calendar-day"
        layout="vertical"
        initialValues={{ kind: entry?.kind ?? (weekend ? 'workday' : 'holiday'), name: entry?.name ?? '' }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')}>
          <Input maxLength={30} allowClear placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
