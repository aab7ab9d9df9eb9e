import type { CadenceRow } from '@tuijin/contracts';
import { Button, Card, Flex, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth.queries';
import { useUsersWithRole } from '../users/users.queries';
import { CadenceCounts, EvidenceLinks, MonthPicker, ShortfallTag } from './CadenceBits';
import { todayIso } from './DispatchBits';
import { useDispatchError } from './use-dispatch-error';
import { monthOf } from './visit-logic';
import { useCadenceCompliance, useCadenceRules, useSaveCadenceRules } from './visits.queries';
import './dispatch.css';

const roles = ['department', 'linkedLeader', 'head'] as const;
const preset321 = { department: 3, linkedLeader: 2, head: 1 };

type RulesValues = Record<(typeof roles)[number], number> & { headUserId?: string | null };

/** 调度频次要求 of the reader's jurisdiction: per role a number a month, the head, 321 in one click. */
function CadenceRulesCard() {
  const { t } = useTranslation();
  const me = useMe();
  const regionCode = me.data?.region.code;
  const rules = useCadenceRules(regionCode);
  const save = useSaveCadenceRules();
  const onError = useDispatchError();
  const leaders = useUsersWithRole('leader');
  const [form] = Form.useForm<RulesValues>();
  const data = rules.data;
  useEffect(() => {
    if (!data) return;
    const perMonth = (role: (typeof roles)[number]) =>
      data.requirements.find((q) => q.role === role)?.perMonth ?? 0;
    form.setFieldsValue({
      department: perMonth('department'),
      linkedLeader: perMonth('linkedLeader'),
      head: perMonth('head'),
      headUserId: data.headUserId,
    });
  }, [data, form]);
  if (!data || !regionCode) return null;
  const submit = (values: RulesValues) =>
    save.mutate(
      {
        regionCode,
        body: {
          requirements: roles.map((role) => ({ role, perMonth: values[role] ?? 0 })),
          headUserId: values.headUserId ?? null,
          version: data.saved ? data.version : null,
        },
      },
      { onError: (error) => onError(error, form) },
    );
  return (
    <Card
      size="small"
      title={t('cadence.rules.title')}
      extra={!data.saved && <Tag>{t('cadence.rules.defaultPreset')}</Tag>}
      data-testid="cadence-rules"
    >
      <Form<RulesValues>
        form={form}
        layout="inline"
        name="cadence-rules"
        onFinish={submit}
        disabled={!data.canManage}
      >
        {roles.map((role) => (
          <Form.Item key={role} name={role} label={t(`cadence.roles.${role}`)}>
            <InputNumber
              min={0}
              max={31}
              precision={0}
              addonAfter={t('cadence.perMonth')}
              style={{ width: 140 }}
            />
          </Form.Item>
        ))}
        <Form.Item name="headUserId" label={t('cadence.rules.head')}>
          <Select
            allowClear
            style={{ minWidth: 180 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(leaders.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        {data.canManage && (
          <Space>
            <Button onClick={() => form.setFieldsValue(preset321)} data-testid="cadence-preset">
              {t('cadence.rules.preset321')}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="cadence-save">
              {t('common.save')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}

/**
 * 调度频次: for a month (default this month) each department, linked leader and the head of the
 * jurisdiction with the dispatches required and held (meetings chaired, visits, hearings), the
 * shortfall in red, and every dispatch linked to its evidence (the meeting, the visit record).
 */
export default function CadencePage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => monthOf(todayIso()));
  const compliance = useCadenceCompliance(month);
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('cadence.title')}
        extra={<MonthPicker month={month} onChange={setMonth} data-testid="cadence-month" />}
      >
        <Typography.Paragraph type="secondary">{t('cadence.help')}</Typography.Paragraph>
        <Table<CadenceRow>
          rowKey={(r) => r.party.key}
          size="small"
          className="tj-dispatch-table"
          loading={compliance.isFetching}
          dataSource={compliance.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cadence.empty') }}
          data-testid="cadence-table"
          rowClassName={(r) => (r.met ? '' : 'tj-cadence-short')}
          columns={[
            {
              key: 'party',
              title: t('cadence.party'),
              render: (_, r) => (
                <span data-testid="cadence-party">
                  <Tag>{t(`cadence.roles.${r.party.role}`)}</Tag>
                  {r.party.name}
                </span>
              ),
            },
            { key: 'required', title: t('cadence.required'), dataIndex: 'required' },
            {
              key: 'held',
              title: t('cadence.held'),
              render: (_, r) => <CadenceCounts row={r} />,
            },
            {
              key: 'short',
              title: t('cadence.shortBy'),
              render: (_, r) => <ShortfallTag row={r} />,
            },
            {
              key: 'evidence',
              title: t('cadence.evidence'),
              render: (_, r) => <EvidenceLinks evidence={r.evidence} />,
            },
          ]}
        />
      </Card>
      <CadenceRulesCard />
    </Flex>
  );
}
