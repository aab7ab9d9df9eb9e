import type { PromotionLead } from '@tuijin/contracts';
import { projectLevels } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { formatTableAmount } from '../../lib/amount';
import { useDictionary } from '../dictionaries/dictionaries.queries';
import { useOrganisationsOfKind } from '../organisations/organisations.queries';
import { LeadForm } from './LeadForm';
import { LinkLeadModal } from './LinkLeadModal';
import {
  useConvertPromotionLead,
  useDropPromotionLead,
  useMovePromotionLead,
  usePromotionLead,
} from './promotion.queries';

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** Overdue promises as red tags ("开工逾期"). */
export function PromiseTags({ lead }: { lead: PromotionLead }) {
  const { t } = useTranslation();
  return (
    <>
      {lead.overduePromises.map((p) => (
        <Tag color="red" key={p}>
          {t('promotion.overdueTag', { what: t(`promotion.promises.${p}`) })}
        </Tag>
      ))}
    </>
  );
}

/**
 * The lead drawer: its facts, stage history with dwell days, the library project it became, and the
 * office's actions — change stage (forward dated, back as a correction), drop with a reason, 转入项目库.
 */
export function LeadDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = usePromotionLead(id);
  const lead = query.data;
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const [linking, setLinking] = useState(false);
  return (
    <Drawer
      open
      title={lead?.name ?? ''}
      size={screens.sm === false ? '100%' : 640}
      onClose={onClose}
      extra={
        lead?.canManage && !lead.isDropped ? (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('promotion.actions.edit')}</Button>
            {lead.canConvert && (
              <Button type="primary" data-testid="promotion-convert" onClick={() => setConverting(true)}>
                {t('promotion.actions.convert')}
              </Button>
            )}
            {lead.canConvert && (
              <Button data-testid="promotion-link" onClick={() => setLinking(true)}>
                {t('promotion.actions.link')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {lead && (
        <Flex vertical gap={16} data-testid="promotion-lead-drawer">
          <LeadFacts lead={lead} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('promotion.drawer.history')}
          </Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            current={lead.history.length - 1}
            items={lead.history.map((h) => ({
              title: h.name,
              content: `${h.enteredOn} · ${t('promotion.drawer.days', { days: h.days })}`,
            }))}
          />
          {lead.isDropped && (
            <Alert
              type="warning"
              showIcon
              title={t('promotion.drawer.dropInfo', { date: lead.droppedOn, reason: lead.dropReason })}
            />
          )}
          {lead.canManage && !lead.isDropped && <LeadActions lead={lead} />}
        </Flex>
      )}
      {editing && lead && <LeadForm lead={lead} stages={lead.stages} onClose={() => setEditing(false)} />}
      {converting && lead && <ConvertModal lead={lead} onClose={() => setConverting(false)} />}
      {linking && lead && <LinkLeadModal lead={lead} onClose={() => setLinking(false)} />}
    </Drawer>
  );
}

function LeadFacts({ lead }: { lead: PromotionLead }) {
  const { t } = useTranslation();
  const dash = (v: string | null) => v ?? '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'investor', label: t('promotion.columns.investor'), children: lead.investorName },
        { key: 'origin', label: t('promotion.drawer.investorOrigin'), children: dash(lead.investorOrigin) },
        { key: 'industry', label: t('promotion.drawer.industry'), children: dash(lead.industry) },
        { key: 'region', label: t('promotion.columns.region'), children: lead.regionName },
        {
          key: 'amount',
          label: t('promotion.columns.amount'),
          children: lead.contractWanYuan ? formatTableAmount(lead.contractWanYuan) : '—',
        },
        { key: 'signedOn', label: t('promotion.columns.signedOn'), children: dash(lead.signedOn) },
        {
          key: 'stage',
          label: t('promotion.columns.stage'),
          children: (
            <Space wrap>
              {lead.isDropped ? (
                <Tag>{t('promotion.dropped')}</Tag>
              ) : (
                <Tag color="blue">{lead.stageName}</Tag>
              )}
              <PromiseTags lead={lead} />
            </Space>
          ),
        },
        {
          key: 'promises',
          label: t('promotion.columns.promises'),
          children: [
            `${t('promotion.drawer.promisedRegistrationOn')} ${dash(lead.promisedRegistrationOn)}`,
            `${t('promotion.drawer.promisedStartOn')} ${dash(lead.promisedStartOn)}`,
            `${t('promotion.drawer.promisedProductionOn')} ${dash(lead.promisedProductionOn)}`,
          ].join('；'),
        },
        {
          key: 'unit',
          label: t('promotion.drawer.responsible'),
          children: dash(lead.responsibleOrganisationName),
        },
        {
          key: 'project',
          label: t('promotion.drawer.project'),
          children: lead.project ? (
            <Space wrap data-testid="promotion-lead-project">
              <Link to={`/projects/${lead.project.id}`}>{lead.project.name}</Link>
              <Typography.Text type="secondary">
                {lead.project.actualStartOn
                  ? t('promotion.drawer.projectStart', { date: lead.project.actualStartOn })
                  : t('promotion.drawer.projectNotStarted')}
              </Typography.Text>
            </Space>
          ) : (
            t('promotion.drawer.noProject')
          ),
        },
        { key: 'note', label: t('promotion.drawer.note'), children: dash(lead.note) },
      ]}
    />
  );
}

function LeadActions({ lead }: { lead: PromotionLead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMovePromotionLead();
  const drop = useDropPromotionLead();
  const reportError = useApiErrorHandler();
  const [to, setTo] = useState<string | null>(null);
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const [reason, setReason] = useState('');
  const [dropOn, setDropOn] = useState<Dayjs | null>(dayjs());
  const submitMove = async () => {
    if (!to) return;
    try {
      await move.mutateAsync({ id: lead.id, body: { version: lead.version, stage: to, on: day(on) } });
      void message.success(t('promotion.saved'));
      setTo(null);
    } catch (error) {
      reportError(error);
    }
  };
  const submitDrop = async () => {
    try {
      await drop.mutateAsync({
        id: lead.id,
        body: { version: lead.version, reason: reason.trim(), on: day(dropOn) },
      });
      void message.success(t('promotion.saved'));
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('promotion.drawer.moveHint')}</Typography.Text>
      <Space wrap>
        <Select
          aria-label={t('promotion.drawer.moveTo')}
          placeholder={t('promotion.drawer.moveTo')}
          style={{ minWidth: 160 }}
          value={to}
          onChange={setTo}
          data-testid="promotion-move-stage"
          options={lead.stages
            .filter((s) => s.key !== lead.stage)
            .map((s) => ({ value: s.key, label: s.name }))}
        />
        <DatePicker
          aria-label={t('promotion.drawer.moveOn')}
          value={on}
          onChange={setOn}
          disabledDate={notAfterToday}
        />
        <Button type="primary" disabled={!to} loading={move.isPending} onClick={() => void submitMove()}>
          {t('promotion.actions.move')}
        </Button>
      </Space>
      {!lead.project && (
        <Space wrap>
          <Input
            aria-label={t('promotion.drawer.dropReason')}
            placeholder={t('promotion.drawer.dropReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            style={{ width: 260 }}
          />
          <DatePicker
            aria-label={t('promotion.drawer.dropOn')}
            value={dropOn}
            onChange={setDropOn}
            disabledDate={notAfterToday}
          />
          <Button danger disabled={!reason.trim()} loading={drop.isPending} onClick={() => void submitDrop()}>
            {t('promotion.actions.drop')}
          </Button>
        </Space>
      )}
    </Flex>
  );
}

interface ConvertValues {
  name: string;
  ownerOrganisationId: string;
  domain: string;
  levels: string[];
  startYear: number;
  endYear: number;
}

/** 转入项目库: the project's owner, domain, levels and years; name, region and investment come from the lead. */
function ConvertModal({ lead, onClose }: { lead: PromotionLead; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<ConvertValues>();
  const convert = useConvertPromotionLead();
  const reportError = useApiErrorHandler();
  const owners = useOrganisationsOfKind('owner');
  const domains = useDictionary('domain');
  const year = dayjs().year();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await convert.mutateAsync({
        id: lead.id,
        body: {
          version: lead.version,
          name: v.name.trim(),
          ownerOrganisationId: v.ownerOrganisationId,
          domain: v.domain,
          levels: v.levels as ('provincial' | 'city' | 'county')[],
          startYear: v.startYear,
          endYear: v.endYear,
          constructionType: 'new',
        },
      });
      void message.success(t('promotion.saved'));
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  };
  const required = [{ required: true, message: t('promotion.form.required') }];
  return (
    <Modal
      open
      title={t('promotion.convert.title')}
      okText={t('promotion.actions.convert')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('promotion.convert.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        data-testid="promotion-convert-form"
        initialValues={{ name: lead.name, levels: ['county'], startYear: year, endYear: year + 2 }}
      >
        <Form.Item name="name" label={t('promotion.convert.name')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="ownerOrganisationId"
          label={t('promotion.convert.ownerOrganisationId')}
          rules={required}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="domain" label={t('promotion.convert.domain')} rules={required}>
          <Select options={domains.entries.map((d) => ({ value: d.name, label: d.name }))} />
        </Form.Item>
        <Form.Item name="levels" label={t('promotion.convert.levels')} rules={required}>
          <Select
            mode="multiple"
            options={projectLevels.map((l) => ({ value: l, label: labels.projectLevel(l) }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="startYear" label={t('promotion.convert.startYear')} rules={required}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="endYear" label={t('promotion.convert.endYear')} rules={required}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
