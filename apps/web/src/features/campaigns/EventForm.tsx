import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  Campaign,
  CampaignEventDetail,
  EventKind,
  EventLevel,
  ParticipantRole,
} from '@tuijin/contracts';
import { eventKinds, eventLevels, rolesOfKind } from '@tuijin/domain';
import { App, Button, DatePicker, Flex, Form, type FormInstance, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { ProjectPicker } from '../problems/ProjectPicker';
import { useCreateCampaignEvent, useUpdateCampaignEvent } from './campaigns.queries';

interface EventFormValues {
  campaignId: string | null;
  name: string;
  heldOn: Dayjs;
  kind: EventKind;
  level: EventLevel;
  mainVenue: string;
  subVenues: string[];
  note: string | null;
  participants: { projectId: string; role: ParticipantRole; investmentWanYuan: string | null }[];
}

/** Puts the server's messages about one project row (`participants.1.investmentWanYuan`) on that row's field. */
function placeParticipantErrors(form: FormInstance<EventFormValues>, error: unknown) {
  if (!(error instanceof ApiError)) return;
  const rows = error.details.filter((d) => /^participants\.\d+\./.test(d.path));
  form.setFields(
    rows.map((d) => {
      const [, index, field] = d.path.split('.');
      const column = field === 'role' || field === 'investmentWanYuan' ? field : 'projectId';
      return { name: ['participants', Number(index), column] as const, errors: [d.message] };
    }),
  );
}

/**
 * 新建/编辑集中开竣工活动: campaign (or none), name, date, kind, level, venues, and its projects each
 * with a role the kind allows and the investment it brings (blank: the project's total).
 */
export function EventForm({
  event,
  campaigns,
  onClose,
}: {
  event: CampaignEventDetail | null;
  campaigns: Campaign[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventFormValues>();
  const create = useCreateCampaignEvent();
  const update = useUpdateCampaignEvent();
  const reportError = useApiErrorHandler();
  const kind = Form.useWatch('kind', form) ?? event?.kind ?? 'start';
  const own = campaigns.filter((c) => c.canManage);
  const names = new Map((event?.participants ?? []).map((p) => [p.projectId, p.projectName]));
  const currentOf = (id: string | undefined) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  const submit = (v: EventFormValues) => {
    const body = {
      campaignId: v.campaignId ?? null,
      name: v.name.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      kind: v.kind,
      level: v.level,
      mainVenue: v.mainVenue.trim(),
      subVenues: (v.subVenues ?? []).map((s) => s.trim()).filter(Boolean),
      note: v.note?.trim() ? v.note.trim() : null,
      participants: (v.participants ?? []).map((p) => ({
        projectId: p.projectId,
        role: p.role,
        investmentWanYuan: p.investmentWanYuan?.trim() ? p.investmentWanYuan.trim() : null,
      })),
    };
    const options = {
      onSuccess: () => {
        onClose();
        void message.success(t('common.saved'));
      },
      onError: (error: unknown) => {
        reportError(error, form);
        placeParticipantErrors(form, error);
      },
    };
    if (event) update.mutate({ id: event.id, body: { ...body, version: event.version } }, options);
    else create.mutate(body, options);
  };
  const required = [{ required: true, whitespace: true, message: t('campaigns.required') }];
  return (
    <FormDrawer
      title={event ? t('campaigns.editEvent') : t('campaigns.newEvent')}
      isSaving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={720}
    >
      <Form
        form={form}
        name="campaignEvent"
        layout="vertical"
        onFinish={submit}
        initialValues={
          event
            ? {
                ...event,
                heldOn: dayjs(event.heldOn),
                participants: event.participants.map((p) => ({
                  projectId: p.projectId,
                  role: p.role,
                  investmentWanYuan: p.investmentWanYuan,
                })),
              }
            : { campaignId: null, kind: 'start', level: 'city', subVenues: [], participants: [] }
        }
      >
        <Form.Item name="campaignId" label={t('campaigns.event.campaign')}>
          <Select
            aria-label={t('campaigns.event.campaign')}
            options={[
              { value: null, label: t('campaigns.event.noCampaign') },
              ...own.map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} 至 ${c.endsOn}）` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('campaigns.event.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="heldOn"
            label={t('campaigns.event.heldOn')}
            rules={[{ required: true, message: t('campaigns.required') }]}
          >
            <DatePicker aria-label={t('campaigns.event.heldOn')} />
          </Form.Item>
          <Form.Item name="kind" label={t('campaigns.event.kind')}>
            <Select
              aria-label={t('campaigns.event.kind')}
              style={{ minWidth: 160 }}
              options={eventKinds.map((k) => ({ value: k, label: t(`campaigns.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t('campaigns.event.level')}>
            <Select
              aria-label={t('campaigns.event.level')}
              style={{ minWidth: 160 }}
              options={eventLevels.map((l) => ({ value: l, label: t(`campaigns.levels.${l}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="mainVenue" label={t('campaigns.event.mainVenue')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="subVenues" label={t('campaigns.event.subVenues')}>
          <Select
            mode="tags"
            aria-label={t('campaigns.event.subVenues')}
            placeholder={t('campaigns.event.subVenuesPlaceholder')}
            open={false}
          />
        </Form.Item>
        <Typography.Text strong>{t('campaigns.event.participants')}</Typography.Text>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start" wrap data-testid={`participant-${i}`}>
                  <Form.Item
                    name={[field.name, 'projectId']}
                    rules={[{ required: true, message: t('campaigns.required') }]}
                    style={{ flex: '1 1 260px', marginBottom: 8 }}
                  >
                    <ProjectPicker
                      aria-label={`${t('campaigns.event.project')} ${i + 1}`}
                      current={currentOf(form.getFieldValue(['participants', field.name, 'projectId']))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} style={{ width: 100, marginBottom: 8 }}>
                    <Select
                      aria-label={`${t('campaigns.event.role')} ${i + 1}`}
                      options={rolesOfKind[kind].map((r) => ({ value: r, label: t(`campaigns.roles.${r}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'investmentWanYuan']} style={{ width: 180, marginBottom: 8 }}>
                    <Input
                      aria-label={`${t('campaigns.event.investment')} ${i + 1}`}
                      inputMode="decimal"
                      placeholder={t('campaigns.event.investmentPlaceholder')}
                    />
                  </Form.Item>
                  <Button
                    aria-label={t('campaigns.event.remove')}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ projectId: undefined, role: rolesOfKind[kind][0], investmentWanYuan: null })
                }
              >
                {t('campaigns.event.addProject')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t('campaigns.note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
