import type { ReportingCalendarRule, ReportingCalendarView, SetReportingCalendar } from '@tuijin/contracts';
import { reportCheckIds } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import { useCurrentUser } from '../auth/use-current-user';
import { PhotoEvidenceSettingsCard } from './PhotoEvidenceSettingsCard';
import { useDeleteReportingCalendar, useReportingCalendar, useSetReportingCalendar } from './reports.queries';
import './reports.css';

/** A rule in words: "次月 5 日截止，截止日前 10 天开始填报，允许逾期补报". */
function useRuleText() {
  const { t } = useTranslation();
  return (rule: ReportingCalendarRule) =>
    [
      rule.deadlineKind === 'dayOfMonth'
        ? t('reports.calendar.ruleText.dayOfMonth', {
            day: rule.deadlineDay,
            offset: t(`reports.calendar.offsets.${rule.deadlineMonthOffset === 1 ? '1' : '0'}`),
          })
        : t('reports.calendar.ruleText.workingDays', { n: rule.deadlineWorkingDays }),
      t('reports.calendar.ruleText.opens', { days: rule.opensDaysBefore }),
      rule.lateAllowed
        ? rule.lateCloseDays !== null
          ? t('reports.calendar.ruleText.lateClose', { days: rule.lateCloseDays })
          : t('reports.calendar.ruleText.late')
        : t('reports.calendar.ruleText.noLate'),
    ].join('，');
}

/**
 * 报送日历: the effective reporting rule of the office's region (own, inherited or default), its edit,
 * the next 12 deadlines; below it, the region's site-photo distance threshold.
 */
export default function ReportingCalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const regionCode = me.region.code;
  const view = useReportingCalendar(regionCode);
  const [isEditing, setEditing] = useState(false);
  const ruleText = useRuleText();

  return (
    <Flex vertical gap={16}>
      <Card title={t('reports.calendar.title')} className="tj-report-card">
        <Typography.Paragraph type="secondary">{t('reports.calendar.intro')}</Typography.Paragraph>
        {view.isPending ? (
          <Spin />
        ) : view.isError ? (
          <QueryError error={view.error} onRetry={() => void view.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <Descriptions
              size="small"
              bordered
              column={1}
              className="tj-report-plan"
              items={[
                { key: 'region', label: t('reports.region'), children: view.data.regionName },
                {
                  key: 'source',
                  label: t('reports.calendar.rule'),
                  children: (
                    <Flex vertical gap={4}>
                      <span>
                        <Tag
                          color={view.data.source === 'own' ? 'blue' : 'default'}
                          data-testid="calendar-source"
                        >
                          {t(`reports.calendar.source.${view.data.source}`)}
                        </Tag>
                        {view.data.inheritedFrom &&
                          t('reports.calendar.inheritedFrom', { name: view.data.inheritedFrom.name })}
                      </span>
                      <span data-testid="calendar-rule">{ruleText(view.data.rule)}</span>
                    </Flex>
                  ),
                },
                {
                  key: 'blocking',
                  label: t('reports.calendar.blockingChecks'),
                  children: view.data.rule.blockingChecks.map((check) => (
                    <Tag key={check}>{t(`reports.calendar.checks.${check}`)}</Tag>
                  )),
                },
              ]}
            />
            {view.data.canManage && !isEditing && (
              <Flex gap={8} wrap>
                <Button type="primary" onClick={() => setEditing(true)} data-testid="calendar-edit">
                  {view.data.source === 'own' ? t('reports.calendar.edit') : t('reports.calendar.create')}
                </Button>
                {view.data.source === 'own' && view.data.version !== null && (
                  <RemoveOwnRule regionCode={regionCode} version={view.data.version} />
                )}
              </Flex>
            )}
            {isEditing && <RuleForm view={view.data} onDone={() => setEditing(false)} />}
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('reports.calendar.upcoming')}
            </Typography.Title>
            <Table
              rowKey={(row) => `${row.year}-${row.month}`}
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={view.data.upcoming}
              data-testid="calendar-upcoming"
              columns={[
                {
                  key: 'month',
                  title: t('reports.month'),
                  render: (_, row) => t('reports.monthOption', { year: row.year, month: row.month }),
                },
                {
                  key: 'opens',
                  title: t('reports.calendar.opensOn'),
                  render: (_, row) => row.opensOn ?? '—',
                },
                {
                  key: 'due',
                  title: t('reports.calendar.dueOn'),
                  render: (_, row) => (
                    <>
                      <strong>{row.dueOn ?? '—'}</strong>
                      {row.isProvisional && <ProvisionalTag />}
                    </>
                  ),
                },
                {
                  key: 'closes',
                  title: t('reports.calendar.closesOn'),
                  render: (_, row) =>
                    row.problem ? (
                      <Typography.Text type="warning">{row.problem}</Typography.Text>
                    ) : (
                      (row.closesOn ??
                      (view.data.rule.lateAllowed ? t('reports.calendar.neverCloses') : row.dueOn))
                    ),
                },
              ]}
            />
          </Flex>
        )}
      </Card>
      <PhotoEvidenceSettingsCard regionCode={regionCode} />
    </Flex>
  );
}

function RemoveOwnRule({ regionCode, version }: { regionCode: string; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const remove = useDeleteReportingCalendar(regionCode);
  return (
    <Popconfirm
      title={t('reports.calendar.removeConfirm')}
      onConfirm={async () => {
        try {
          await remove.mutateAsync(version);
          void message.success(t('reports.calendar.removed'));
        } catch (error) {
          onError(error);
        }
      }}
    >
      <Button danger loading={remove.isPending}>
        {t('reports.calendar.removeOwn')}
      </Button>
    </Popconfirm>
  );
}

type RuleValues = Omit<SetReportingCalendar, 'version'>;

/** Edits the region's own rule, starting from the effective one (own, inherited or default). */
function RuleForm({ view, onDone }: { view: ReportingCalendarView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<RuleValues>();
  const save = useSetReportingCalendar(view.regionCode);
  const kind = Form.useWatch('deadlineKind', form);
  const lateAllowed = Form.useWatch('lateAllowed', form);
  const onFinish = async (values: RuleValues) => {
    const isDay = values.deadlineKind === 'dayOfMonth';
    try {
      await save.mutateAsync({
        ...values,
        deadlineDay: isDay ? values.deadlineDay : null,
        deadlineMonthOffset: isDay ? values.deadlineMonthOffset : 0,
        deadlineWorkingDays: isDay ? null : values.deadlineWorkingDays,
        lateCloseDays: values.lateAllowed ? (values.lateCloseDays ?? null) : null,
        version: view.source === 'own' ? view.version : null,
      });
      void message.success(t('reports.calendar.saved'));
      onDone();
    } catch (error) {
      onError(error, form);
    }
  };
  return (
    <Card size="small">
      {view.source !== 'own' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`reports.calendar.source.${view.source}`)}
        />
      )}
      <Form<RuleValues>
        form={form}
        layout="vertical"
        initialValues={{
          ...view.rule,
          deadlineDay: view.rule.deadlineDay ?? 25,
          deadlineWorkingDays: view.rule.deadlineWorkingDays ?? 5,
        }}
        onFinish={(values) => void onFinish(values)}
        data-testid="calendar-form"
      >
        <Form.Item name="deadlineKind" label={t('reports.calendar.deadlineKind')}>
          <Radio.Group
            options={(['dayOfMonth', 'workingDaysAfterMonthEnd'] as const).map((value) => ({
              value,
              label: t(`reports.calendar.kinds.${value}`),
            }))}
          />
        </Form.Item>
        {kind === 'workingDaysAfterMonthEnd' ? (
          <Form.Item
            name="deadlineWorkingDays"
            label={t('reports.calendar.deadlineWorkingDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="deadlineMonthOffset" label={t('reports.calendar.deadlineMonthOffset')}>
                <Select
                  options={[0, 1].map((value) => ({
                    value,
                    label: t(`reports.calendar.offsets.${value === 1 ? '1' : '0'}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="deadlineDay"
                label={t('reports.calendar.deadlineDay')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item
          name="opensDaysBefore"
          label={t('reports.calendar.opensDaysBefore')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="lateAllowed" label={t('reports.calendar.lateAllowed')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="lateCloseDays" label={t('reports.calendar.lateCloseDays')}>
              <InputNumber
                min={1}
                max={365}
                precision={0}
                style={{ width: '100%' }}
                disabled={!lateAllowed}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="blockingChecks" label={t('reports.calendar.blockingChecks')}>
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {reportCheckIds.map((check) => (
                <Checkbox key={check} value={check}>
                  {t(`reports.calendar.checks.${check}`)}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Flex gap={8}>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
