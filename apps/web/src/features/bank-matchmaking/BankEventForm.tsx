import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { BankEventDetail } from '@tuijin/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { ProjectPicker } from '../problems/ProjectPicker';
import { useBanks, useCreateBankEvent, useUpdateBankEvent } from './bank-matchmaking.queries';

interface PushValues {
  projectId: string;
  financingNeedWanYuan: string;
  purpose: string;
  banks: { bankId: string; signedWanYuan: string | null }[];
}

interface EventValues {
  title: string;
  heldOn: Dayjs;
  venue: string;
  organiser: string;
  note: string | null;
  bankIds: string[];
  pushes: PushValues[];
}

/**
 * 新建/编辑政银企对接会: title, date, venue, organiser, banks attending, and the projects pushed, each
 * with its financing need, purpose and the attending banks it goes to with the credit signed there.
 */
export function BankEventForm({ event, onClose }: { event: BankEventDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const banks = useBanks();
  const create = useCreateBankEvent();
  const update = useUpdateBankEvent();
  const reportError = useApiErrorHandler();
  const attending: string[] = Form.useWatch('bankIds', form) ?? event?.banks.map((b) => b.id) ?? [];
  const bankName = new Map((banks.data?.data ?? []).map((b) => [b.id, b.shortName ?? b.name]));
  const names = new Map((event?.pushes ?? []).map((p) => [p.projectId, p.projectName]));
  const currentOf = (id: string | undefined) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  const required = [{ required: true, whitespace: true, message: t('bankMatchmaking.required') }];
  const submit = (v: EventValues) => {
    const body = {
      title: v.title.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      venue: v.venue.trim(),
      organiser: v.organiser.trim(),
      note: v.note?.trim() ? v.note.trim() : null,
      bankIds: v.bankIds ?? [],
      pushes: (v.pushes ?? []).map((p) => ({
        projectId: p.projectId,
        financingNeedWanYuan: p.financingNeedWanYuan.trim(),
        purpose: p.purpose.trim(),
        banks: (p.banks ?? []).map((b) => ({
          bankId: b.bankId,
          signedWanYuan: b.signedWanYuan?.trim() ? b.signedWanYuan.trim() : null,
        })),
      })),
    };
    const options = {
      onSuccess: () => {
        onClose();
        void message.success(t('common.saved'));
      },
      onError: (e: unknown) => reportError(e, form),
    };
    if (event) update.mutate({ id: event.id, body: { ...body, version: event.version } }, options);
    else create.mutate(body, options);
  };
  return (
    <FormDrawer
      title={event ? t('bankMatchmaking.editEvent') : t('bankMatchmaking.newEvent')}
      isSaving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={820}
    >
      <Form
        form={form}
        name="bankEvent"
        layout="vertical"
        onFinish={submit}
        initialValues={
          event
            ? {
                ...event,
                heldOn: dayjs(event.heldOn),
                bankIds: event.banks.map((b) => b.id),
                pushes: event.pushes.map((p) => ({
                  projectId: p.projectId,
                  financingNeedWanYuan: p.financingNeedWanYuan,
                  purpose: p.purpose,
                  banks: p.banks.map((b) => ({ bankId: b.bankId, signedWanYuan: b.signedWanYuan })),
                })),
              }
            : { bankIds: [], pushes: [] }
        }
      >
        <Form.Item name="title" label={t('bankMatchmaking.event.title')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="heldOn"
            label={t('bankMatchmaking.event.heldOn')}
            rules={[{ required: true, message: t('bankMatchmaking.required') }]}
          >
            <DatePicker aria-label={t('bankMatchmaking.event.heldOn')} />
          </Form.Item>
          <Form.Item
            name="venue"
            label={t('bankMatchmaking.event.venue')}
            rules={required}
            style={{ flex: 1 }}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="organiser" label={t('bankMatchmaking.event.organiser')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="bankIds" label={t('bankMatchmaking.event.banks')}>
          <Select
            mode="multiple"
            aria-label={t('bankMatchmaking.event.banks')}
            loading={banks.isPending}
            optionFilterProp="label"
            options={(banks.data?.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Typography.Text strong>{t('bankMatchmaking.event.pushes')}</Typography.Text>
        <Form.List name="pushes">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`push-${i}`}
                  extra={
                    <Button
                      size="small"
                      aria-label={t('bankMatchmaking.event.remove')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  }
                  title={`${t('bankMatchmaking.event.project')} ${i + 1}`}
                >
                  <Form.Item
                    name={[field.name, 'projectId']}
                    rules={[{ required: true, message: t('bankMatchmaking.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <ProjectPicker
                      aria-label={`${t('bankMatchmaking.event.project')} ${i + 1}`}
                      current={currentOf(form.getFieldValue(['pushes', field.name, 'projectId']))}
                    />
                  </Form.Item>
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[field.name, 'financingNeedWanYuan']}
                      label={t('bankMatchmaking.event.need')}
                      rules={required}
                      style={{ width: 180, marginBottom: 8 }}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'purpose']}
                      label={t('bankMatchmaking.event.purpose')}
                      rules={required}
                      style={{ flex: '1 1 240px', marginBottom: 8 }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Flex>
                  <Form.List name={[field.name, 'banks']}>
                    {(bankFields, bankOps) => (
                      <Flex vertical gap={4}>
                        {bankFields.map((b, j) => (
                          <Flex key={b.key} gap={8} align="start">
                            <Form.Item
                              name={[b.name, 'bankId']}
                              rules={[{ required: true, message: t('bankMatchmaking.required') }]}
                              style={{ flex: '1 1 240px', marginBottom: 4 }}
                            >
                              <Select
                                aria-label={`${t('bankMatchmaking.event.bank')} ${i + 1}-${j + 1}`}
                                options={attending.map((id) => ({
                                  value: id,
                                  label: bankName.get(id) ?? id,
                                }))}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[b.name, 'signedWanYuan']}
                              style={{ width: 200, marginBottom: 4 }}
                            >
                              <Input
                                aria-label={`${t('bankMatchmaking.event.signed')} ${i + 1}-${j + 1}`}
                                inputMode="decimal"
                                placeholder={t('bankMatchmaking.event.signedPlaceholder')}
                              />
                            </Form.Item>
                            <Button
                              aria-label={t('bankMatchmaking.event.remove')}
                              icon={<DeleteOutlined />}
                              onClick={() => bankOps.remove(b.name)}
                            />
                          </Flex>
                        ))}
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          style={{ alignSelf: 'start' }}
                          onClick={() => bankOps.add({ bankId: undefined, signedWanYuan: null })}
                        >
                          {t('bankMatchmaking.event.addBank')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ projectId: undefined, financingNeedWanYuan: '', purpose: '', banks: [] })
                }
              >
                {t('bankMatchmaking.event.addProject')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t('bankMatchmaking.event.note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
