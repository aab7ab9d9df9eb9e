import type { BulletinKind } from '@tuijin/contracts';
import { bulletinKinds, chinaDate, defaultBulletinPeriod, isoWeekOf } from '@tuijin/domain';
import { App, type ButtonProps, DatePicker, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { periodOfPickedDate, periodPickerDate } from './bulletin-logic';
import { useCreateBulletin } from './bulletins.queries';
import { useBulletinError } from './use-bulletin-error';

interface CreateValues {
  kind: BulletinKind;
  day?: Dayjs | null;
}

const pickers: Record<BulletinKind, 'month' | 'week' | 'date'> = {
  monthly: 'month',
  weekly: 'week',
  daily: 'date',
};

/** The picker's default for a kind: last month, last week or yesterday, counted on China's date. */
function defaultDay(kind: BulletinKind): Dayjs {
  const start = periodPickerDate(kind, defaultBulletinPeriod(kind, chinaDate(new Date())));
  return dayjs(start ?? undefined);
}

/** 生成通报: the kind and its period (month, ISO week or day), then the draft opens. */
export function CreateBulletinModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateBulletin();
  const onError = useBulletinError();
  const kind = Form.useWatch('kind', form) ?? 'monthly';
  const day = Form.useWatch('day', form);

  const hint =
    kind === 'monthly'
      ? t('bulletins.create.monthHint')
      : kind === 'weekly'
        ? t('bulletins.create.weekHint', { week: day ? isoWeekOf(day.format('YYYY-MM-DD')) : '—' })
        : t('bulletins.create.dayHint');

  const submit = (values: CreateValues) => {
    if (!values.day) return;
    const period = periodOfPickedDate(values.kind, values.day.format('YYYY-MM-DD'));
    create.mutate(
      { kind: values.kind, period },
      {
        onSuccess: (bulletin) => {
          void message.success(t('bulletins.create.created'));
          onClose();
          void navigate(`/bulletins/${bulletin.id}`);
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('bulletins.create.title')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'bulletin-create-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="bulletin-create"
        initialValues={{ kind: 'monthly', day: defaultDay('monthly') }}
        onValuesChange={(changed: Partial<CreateValues>) => {
          if (changed.kind) form.setFieldValue('day', defaultDay(changed.kind));
        }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('bulletins.create.kind')}>
          <Radio.Group
            optionType="button"
            data-testid="bulletin-create-kind"
            options={bulletinKinds.map((k) => ({ value: k, label: t(`bulletins.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('bulletins.create.period')}
          extra={hint}
          rules={[{ required: true, message: t('bulletins.create.periodRequired') }]}
        >
          <DatePicker picker={pickers[kind]} allowClear={false} data-testid="bulletin-create-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
