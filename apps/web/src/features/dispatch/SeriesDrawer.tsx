import type { MeetingSeries } from '@tuijin/contracts';
import { meetingKinds } from '@tuijin/domain';
import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { DispatchOrganisationSelect } from './DispatchBits';
import { useCreateMeetingSeries, useUpdateMeetingSeries } from './dispatch.queries';
import { isoWeekdayOf } from './dispatch-logic';
import { useDispatchError } from './use-dispatch-error';

interface SeriesValues {
  code?: string;
  name: string;
  kind: MeetingSeries['kind'];
  chairTitle: string;
  cadenceKind: MeetingSeries['cadence']['kind'];
  weekday?: 1 | 2 | 3 | 4 | 5;
  everyWeeks?: number;
  anchorOn?: Dayjs;
  nthWorkingDay?: number;
  ladderLevel?: number | null;
  attendeeOrganisationIds?: string[];
  active: boolean;
}

const valuesOf = (series: MeetingSeries | null): SeriesValues => {
  const cadence = series?.cadence ?? { kind: 'weekly', weekday: 1, everyWeeks: 1, anchorOn: '' };
  return {
    name: series?.name ?? '',
    kind: series?.kind ?? 'weekly',
    chairTitle: series?.chairTitle ?? '',
    cadenceKind: cadence.kind,
    weekday: cadence.kind === 'weekly' ? cadence.weekday : 1,
    everyWeeks: cadence.kind === 'weekly' ? cadence.everyWeeks : 1,
    anchorOn: cadence.kind === 'weekly' && cadence.anchorOn ? dayjs(cadence.anchorOn) : undefined,
    nthWorkingDay: cadence.kind === 'monthly' ? cadence.nthWorkingDay : 3,
    ladderLevel: series?.ladderLevel ?? null,
    attendeeOrganisationIds: series?.attendeeOrganisationIds ?? [],
    active: series?.active ?? true,
  };
};

function cadenceOf(values: SeriesValues): MeetingSeries['cadence'] {
  if (values.cadenceKind === 'adHoc') return { kind: 'adHoc' };
  if (values.cadenceKind === 'monthly') return { kind: 'monthly', nthWorkingDay: values.nthWorkingDay ?? 1 };
  return {
    kind: 'weekly',
    weekday: values.weekday ?? 1,
    everyWeeks: values.everyWeeks ?? 1,
    anchorOn: values.anchorOn?.format('YYYY-MM-DD') ?? '',
  };
}

/**
 * 新增 / 编辑 a meeting series: name, kind, chair, the cadence editor (weekly on a weekday every N weeks
 * from a first date, the n-th working day of the month, or as needed), the ladder level it takes up
 * and the attending organisations. A stale version rereads the list.
 */
export function SeriesDrawer({
  series,
  regionCode,
  onClose,
}: {
  series: MeetingSeries | null;
  regionCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SeriesValues>();
  const create = useCreateMeetingSeries();
  const update = useUpdateMeetingSeries();
  const onError = useDispatchError();
  const cadenceKind = Form.useWatch('cadenceKind', form) ?? valuesOf(series).cadenceKind;
  const weekday = Form.useWatch('weekday', form);

  const submit = (values: SeriesValues) => {
    const fields = {
      name: values.name.trim(),
      kind: values.kind,
      chairTitle: values.chairTitle.trim(),
      cadence: cadenceOf(values),
      ladderLevel: values.ladderLevel ?? null,
      attendeeOrganisationIds: values.attendeeOrganisationIds ?? [],
    };
    const done = {
      onSuccess: () => {
        void message.success(t(series ? 'dispatch.series.saved' : 'dispatch.series.created'));
        onClose();
      },
      onError: (error: unknown) => onError(error, form),
    };
    if (series)
      update.mutate(
        { id: series.id, body: { ...fields, active: values.active, version: series.version } },
        done,
      );
    else create.mutate({ regionCode, code: values.code?.trim() ?? '', ...fields }, done);
  };

  return (
    <FormDrawer
      title={series ? t('dispatch.series.editTitle', { name: series.name }) : t('dispatch.series.addTitle')}
      isSaving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={560}
    >
      <Form<SeriesValues>
        form={form}
        layout="vertical"
        name="meeting-series"
        initialValues={valuesOf(series)}
        onFinish={submit}
      >
        {!series && (
          <Form.Item
            name="code"
            label={t('dispatch.series.code')}
            extra={t('dispatch.series.codeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('dispatch.series.codeRequired') },
              { pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t('dispatch.series.codeHelp') },
            ]}
          >
            <Input maxLength={40} data-testid="series-code" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('dispatch.series.name')}
          rules={[{ required: true, whitespace: true, message: t('dispatch.series.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="series-name" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="kind" label={t('dispatch.series.kind')} style={{ minWidth: 160 }}>
            <Select options={meetingKinds.map((k) => ({ value: k, label: t(`dispatch.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="chairTitle"
            label={t('dispatch.series.chair')}
            rules={[{ required: true, whitespace: true, message: t('dispatch.series.chairRequired') }]}
          >
            <Input maxLength={40} placeholder={t('dispatch.series.chairPlaceholder')} />
          </Form.Item>
        </Space>
        <Form.Item name="cadenceKind" label={t('dispatch.cadence.kind')}>
          <Radio.Group
            optionType="button"
            data-testid="series-cadence-kind"
            options={[
              { value: 'weekly', label: t('dispatch.cadence.kindWeekly') },
              { value: 'monthly', label: t('dispatch.cadence.kindMonthly') },
              { value: 'adHoc', label: t('dispatch.cadence.kindAdHoc') },
            ]}
          />
        </Form.Item>
        {cadenceKind === 'weekly' && (
          <Space wrap size={16} align="start">
            <Form.Item name="weekday" label={t('dispatch.cadence.weekday')} style={{ minWidth: 120 }}>
              <Select
                options={([1, 2, 3, 4, 5] as const).map((d) => ({
                  value: d,
                  label: t(`dispatch.weekdays.${String(d) as '1'}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="everyWeeks" label={t('dispatch.cadence.everyWeeksLabel')}>
              <InputNumber min={1} max={8} precision={0} suffix={t('dispatch.cadence.everyWeeksUnit')} />
            </Form.Item>
            <Form.Item
              name="anchorOn"
              label={t('dispatch.cadence.anchorOn')}
              tooltip={t('dispatch.cadence.anchorHint')}
              dependencies={['weekday']}
              rules={[
                { required: true, message: t('dispatch.cadence.anchorWeekday') },
                {
                  validator: async (_, value?: Dayjs) => {
                    if (value && isoWeekdayOf(value.format('YYYY-MM-DD')) !== weekday)
                      throw new Error(t('dispatch.cadence.anchorWeekday'));
                  },
                },
              ]}
            >
              <DatePicker
                disabledDate={(d) => isoWeekdayOf(d.format('YYYY-MM-DD')) !== weekday}
                data-testid="series-anchor"
              />
            </Form.Item>
          </Space>
        )}
        {cadenceKind === 'monthly' && (
          <Form.Item name="nthWorkingDay" label={t('dispatch.cadence.nthWorkingDay')}>
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          name="ladderLevel"
          label={t('dispatch.series.ladderLevel')}
          extra={t('dispatch.series.ladderLevelHint')}
        >
          <Select
            allowClear
            style={{ maxWidth: 200 }}
            data-testid="series-ladder-level"
            options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => ({
              value: level,
              label: t('dispatch.series.ladderLevelValue', { level }),
            }))}
          />
        </Form.Item>
        <Form.Item name="attendeeOrganisationIds" label={t('dispatch.series.attendees')}>
          <DispatchOrganisationSelect mode="multiple" allowClear />
        </Form.Item>
        {series && (
          <Form.Item name="active" label={t('dispatch.series.active')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
