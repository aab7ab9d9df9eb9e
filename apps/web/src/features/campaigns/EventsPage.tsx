import { PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { Campaign, CampaignEventSummary } from '@tuijin/contracts';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Popconfirm,
  Progress,
  Row,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { formatTableAmount } from '../../lib/amount';
import { useDrillParams } from '../../lib/drill-params';
import { CampaignForm } from './CampaignForm';
import { useCampaignOverview, useDeleteCampaign } from './campaigns.queries';
import { EventDrawer } from './EventDrawer';
import { EventForm } from './EventForm';
import { EventsTable } from './EventsTable';

type Rate = { numerator: string; denominator: string; percent: string | null };

/** A bar for one target: done / target and the percentage (capped at 100 for the bar only). */
function TargetBar({ label, rate, amount }: { label: string; rate: Rate | null; amount?: boolean }) {
  const { t } = useTranslation();
  const shown = (v: string) => (amount ? formatTableAmount(v) : v);
  return (
    <Flex vertical style={{ minWidth: 220, flex: '1 1 220px' }}>
      <Typography.Text type="secondary">
        {label}：
        {rate
          ? t('campaigns.progress.value', { done: shown(rate.numerator), target: shown(rate.denominator) })
          : t('campaigns.progress.noTarget')}
      </Typography.Text>
      {rate && (
        <Progress
          percent={Math.min(100, Number(rate.percent ?? 0))}
          format={() => (rate.percent === null ? '—' : `${rate.percent}%`)}
          status={Number(rate.percent ?? 0) >= 100 ? 'success' : 'active'}
        />
      )}
    </Flex>
  );
}

function CampaignCard({
  campaign,
  onEdit,
  onOpen,
}: {
  campaign: Campaign;
  onEdit: () => void;
  onOpen: (e: CampaignEventSummary) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCampaign();
  const reportError = useApiErrorHandler();
  const f = campaign.figures;
  return (
    <Card
      size="small"
      title={campaign.name}
      data-testid={`campaign-${campaign.name}`}
      extra={
        campaign.canManage && (
          <Flex gap={8}>
            <Button size="small" onClick={onEdit}>
              {t('campaigns.editCampaign')}
            </Button>
            <Popconfirm
              title={t('campaigns.deleteCampaignConfirm', { name: campaign.name })}
              onConfirm={() =>
                remove.mutate(
                  { id: campaign.id, version: campaign.version },
                  { onError: (e) => reportError(e) },
                )
              }
            >
              <Button size="small" danger>
                {t('campaigns.deleteCampaign')}
              </Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text>
          {t('campaigns.campaignLine', {
            start: campaign.startsOn,
            end: campaign.endsOn,
            region: campaign.regionName,
            events: f.events,
            projects: f.projects,
            amount: formatTableAmount(f.investmentWanYuan),
          })}
        </Typography.Text>
        <Flex gap={16} wrap>
          <TargetBar label={t('campaigns.progress.start')} rate={f.startProgress} />
          <TargetBar label={t('campaigns.progress.completion')} rate={f.completionProgress} />
          <TargetBar label={t('campaigns.progress.investment')} rate={f.startInvestmentProgress} amount />
        </Flex>
        <EventsTable events={campaign.events} onOpen={onOpen} />
      </Flex>
    </Card>
  );
}

/** 攻坚行动与集中开竣工 (/events): the year's totals, each campaign's progress and events, the drawer. */
export default function EventsPage() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [year, setYear] = useState(drill.year ?? dayjs().year());
  const overview = useCampaignOverview({ year });
  const data = overview.data;
  const [campaignForm, setCampaignForm] = useState<Campaign | 'new' | null>(null);
  const [eventForm, setEventForm] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const formula = (text: string) => (
    <Tooltip title={text}>
      <QuestionCircleOutlined aria-label={text} style={{ marginInlineStart: 4 }} />
    </Tooltip>
  );
  const y = data?.yearFigures;
  return (
    <Flex vertical gap={12} data-testid="events-page">
      <Flex gap={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <InputNumber
          aria-label={t('campaigns.year')}
          addonBefore={t('campaigns.year')}
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => setYear(v ?? dayjs().year())}
          style={{ width: 160 }}
        />
        {data?.canManage && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setCampaignForm('new')}>
              {t('campaigns.newCampaign')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEventForm(true)}>
              {t('campaigns.newEvent')}
            </Button>
          </>
        )}
        <Typography.Text type="secondary">{t('campaigns.scopeNote')}</Typography.Text>
      </Flex>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && y && (
        <>
          <Row gutter={[12, 12]} data-testid="events-year">
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('campaigns.cards.events')}
                  value={y.events}
                  suffix={t('campaigns.cards.eventsUnit')}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('campaigns.cards.projects')} value={y.projects} />
                <Typography.Text type="secondary">
                  {t('campaigns.cards.projectsLine', {
                    start: y.startProjects,
                    completion: y.completionProjects,
                    distinct: y.distinctProjects,
                  })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="events-year-investment">
                <Statistic
                  title={
                    <span>
                      {t('campaigns.cards.investment')}
                      {formula(t('campaigns.formulas.year'))}
                    </span>
                  }
                  value={y.investmentYiYuan}
                  suffix={t('amounts.unit.yiYuan')}
                />
                <Typography.Text type="secondary">
                  {t('campaigns.cards.investmentLine', { wan: formatTableAmount(y.investmentWanYuan) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={
                    <span>
                      {t('campaigns.cards.reallyStarted')}
                      {formula(t('campaigns.formulas.reallyStarted'))}
                    </span>
                  }
                  value={y.reallyStartedRate.percent === null ? '—' : `${y.reallyStartedRate.percent}%`}
                />
                <Typography.Text type="secondary">
                  {t('campaigns.cards.reallyStartedLine', { done: y.reallyStarted, total: y.startProjects })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          {data.campaigns.length === 0 && <Empty description={t('campaigns.noCampaigns')} />}
          {data.campaigns.map((c) => (
            <CampaignCard
              key={c.id}
              campaign={c}
              onEdit={() => setCampaignForm(c)}
              onOpen={(e) => setOpen(e.id)}
            />
          ))}
          <Card size="small" title={t('campaigns.standalone')} data-testid="events-standalone">
            <EventsTable events={data.standaloneEvents} onOpen={(e) => setOpen(e.id)} />
          </Card>
        </>
      )}
      {campaignForm && (
        <CampaignForm
          campaign={campaignForm === 'new' ? null : campaignForm}
          onClose={() => setCampaignForm(null)}
        />
      )}
      {eventForm && (
        <EventForm event={null} campaigns={data?.campaigns ?? []} onClose={() => setEventForm(false)} />
      )}
      {open && <EventDrawer id={open} campaigns={data?.campaigns ?? []} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
