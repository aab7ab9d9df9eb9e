import type { EvaluationAdjustment, EvaluationAdjustmentKind } from '@tuijin/contracts';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { QueryError } from '../../components/QueryError';
import { useCampaignOverview } from '../campaigns/campaigns.queries';
import { eventsInQuarter } from './adjustment-events';
import {
  useAddEvaluationAdjustment,
  useDeleteEvaluationAdjustment,
  useEvaluationAdjustments,
} from './evaluation.queries';

interface FormValues {
  entityCode: string;
  kind: EvaluationAdjustmentKind;
  points?: string;
  reason: string;
  campaignEventId?: string;
}

const kinds: EvaluationAdjustmentKind[] = ['bonus', 'penalty', 'exemption'];

/** 加减分与免责 of the quarter: the list and, for the scheme's office, a form to add or delete one. */
export function AdjustmentsCard(props: {
  schemeId: string;
  quarter: string;
  canManage: boolean;
  units: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const list = useEvaluationAdjustments(props.schemeId, props.quarter, true);
  const add = useAddEvaluationAdjustment();
  const remove = useDeleteEvaluationAdjustment();
  const kind = Form.useWatch('kind', form);
  const events = eventsInQuarter(
    useCampaignOverview({ year: Number(props.quarter.slice(0, 4)) }).data,
    props.quarter,
  );
  const submit = (values: FormValues) =>
    add.mutate(
      {
        id: props.schemeId,
        quarter: props.quarter,
        entityCode: values.entityCode,
        kind: values.kind,
        points: values.kind === 'exemption' ? null : (values.points ?? '').trim() || null,
        reason: values.reason,
        campaignEventId: values.kind === 'bonus' ? (values.campaignEventId ?? null) : null,
      },
      {
        onSuccess: () => {
          void message.success(t('evaluation.adjust.added'));
          form.resetFields(['points', 'reason', 'campaignEventId']);
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <div>
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {props.canManage && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          initialValues={{ kind: 'bonus' }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="entityCode"
            label={t('evaluation.adjust.entity')}
            rules={[{ required: true, message: t('evaluation.adjust.required') }]}
          >
            <Select
              style={{ width: 160 }}
              options={props.units.map((u) => ({ value: u.code, label: u.name }))}
              data-testid="adjust-entity"
            />
          </Form.Item>
          <Form.Item name="kind" label={t('evaluation.adjust.kind')}>
            <Select
              style={{ width: 100 }}
              options={kinds.map((k) => ({ value: k, label: t(`evaluation.adjust.kinds.${k}`) }))}
              data-testid="adjust-kind"
            />
          </Form.Item>
          {kind !== 'exemption' && (
            <Form.Item
              name="points"
              label={t('evaluation.adjust.points')}
              rules={[{ required: true, message: t('evaluation.adjust.required') }]}
            >
              <Input style={{ width: 80 }} data-testid="adjust-points" />
            </Form.Item>
          )}
          {kind === 'bonus' && events.length > 0 && (
            <Form.Item name="campaignEventId" label={t('evaluation.adjust.event')}>
              <Select
                allowClear
                style={{ width: 240 }}
                placeholder={t('evaluation.adjust.eventHint')}
                options={events.map((e) => ({ value: e.id, label: `${e.heldOn} ${e.name}` }))}
                data-testid="adjust-event"
              />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('evaluation.adjust.reason')}
            rules={[{ required: true, message: t('evaluation.adjust.required') }]}
          >
            <Input
              style={{ width: 320 }}
              placeholder={t('evaluation.adjust.reasonHint')}
              maxLength={500}
              data-testid="adjust-reason"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('evaluation.adjust.add')}
          </Button>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('evaluation.adjust.empty') }}
        columns={[
          { title: t('evaluation.adjust.entity'), dataIndex: 'entityName' },
          {
            title: t('evaluation.adjust.kind'),
            dataIndex: 'kind',
            render: (k: EvaluationAdjustmentKind) => t(`evaluation.adjust.kinds.${k}`),
          },
          {
            title: t('evaluation.adjust.points'),
            dataIndex: 'points',
            render: (p: string | null) => p ?? '—',
          },
          { title: t('evaluation.adjust.reason'), dataIndex: 'reason' },
          {
            title: t('evaluation.adjust.event'),
            dataIndex: 'campaignEvent',
            render: (e: EvaluationAdjustment['campaignEvent']) => (e ? `${e.heldOn} ${e.name}` : ''),
          },
          { title: t('evaluation.adjust.by'), dataIndex: 'createdByName' },
          ...(props.canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, row: { id: string }) => (
                    <Space>
                      <Popconfirm
                        title={t('evaluation.adjust.remove')}
                        onConfirm={() =>
                          remove.mutate(row.id, {
                            onSuccess: () => void message.success(t('evaluation.adjust.removed')),
                            onError: (e) => void message.error(errorText(e)),
                          })
                        }
                      >
                        <Button size="small" danger>
                          {t('evaluation.adjust.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
