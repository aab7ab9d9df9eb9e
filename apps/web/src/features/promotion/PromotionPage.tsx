import { DownloadOutlined, PlusOutlined, QuestionCircleOutlined, SettingOutlined } from '@ant-design/icons';
import type { PromotionLead, PromotionLeadQuery, PromotionOverview } from '@tuijin/contracts';
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EChart } from '../../components/EChart';
import { QueryError } from '../../components/QueryError';
import { RegionPageTitle } from '../../components/RegionPageTitle';
import { YearInput } from '../../components/YearInput';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { useDrillParams } from '../../lib/drill-params';
import { LeadDrawer, PromiseTags } from './LeadDrawer';
import { LeadForm } from './LeadForm';
import { usePromotionLeads, usePromotionOverview } from './promotion.queries';
import { funnelChartOption, percentText, promotionLedgerUrl, quarterOptions } from './promotion-logic';
import { StageSettingsModal } from './StageSettingsModal';

type RegionRow = PromotionOverview['regions'][number];
type DwellRow = PromotionOverview['dwell'][number];

/**
 * 招商引资 (/promotion): the period's cards (live leads, 签约转开工, broken promises), the funnel and
 * dwell per stage, the per-region table, the leads list with its filters, drawer and ledger export,
 * and the stage settings.
 */
export default function PromotionPage() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [period, setPeriod] = useState<{ regionCode?: string; year: number; quarter?: number }>({
    year: drill.year ?? dayjs().year(),
    ...(drill.regionCode ? { regionCode: drill.regionCode } : {}),
  });
  const [filters, setFilters] = useState<Omit<PromotionLeadQuery, 'regionCode' | 'year' | 'quarter'>>({
    dropped: 'false',
  });
  const [params, setParams] = useSearchParams();
  const openId = params.get('lead');
  const setOpenId = (id: string | null) => setParams(id ? { lead: id } : {}, { replace: true });
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const overview = usePromotionOverview(period);
  const leadQuery: PromotionLeadQuery = { ...period, ...filters };
  const leads = usePromotionLeads(leadQuery);
  const data = overview.data;
  const formula = (text: string) => (
    <Tooltip title={text}>
      <QuestionCircleOutlined aria-label={text} style={{ marginInlineStart: 4 }} />
    </Tooltip>
  );
  const regionColumns: TableColumnsType<RegionRow> = [
    {
      title: t('promotion.regions.region'),
      dataIndex: 'regionName',
      render: (name: string, row) =>
        row.regionCode === data?.regionCode ? (
          name
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => setPeriod({ ...period, regionCode: row.regionCode })}
          >
            {name}
          </Button>
        ),
    },
    { title: t('promotion.regions.leads'), dataIndex: 'leads', align: 'right' },
    {
      title: t('promotion.regions.amount'),
      dataIndex: 'contractWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    { title: t('promotion.regions.signed'), dataIndex: 'signed', align: 'right' },
    { title: t('promotion.regions.started'), dataIndex: 'started', align: 'right' },
    {
      title: t('promotion.regions.conversion'),
      key: 'conversion',
      align: 'right',
      render: (_: unknown, row) => percentText(row.conversion.percent),
    },
    { title: t('promotion.regions.converted'), dataIndex: 'converted', align: 'right' },
    {
      title: t('promotion.regions.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('promotion.regions.dropped'), dataIndex: 'dropped', align: 'right' },
  ];
  const dwellColumns: TableColumnsType<DwellRow> = [
    { title: t('promotion.dwell.stage'), dataIndex: 'name' },
    { title: t('promotion.dwell.count'), dataIndex: 'count', align: 'right' },
    {
      title: t('promotion.dwell.average'),
      dataIndex: 'averageDays',
      align: 'right',
      render: (v) => v ?? '—',
    },
    { title: t('promotion.dwell.median'), dataIndex: 'medianDays', align: 'right', render: (v) => v ?? '—' },
  ];
  const leadColumns: TableColumnsType<PromotionLead> = [
    {
      title: t('promotion.columns.name'),
      dataIndex: 'name',
      render: (name: string, lead) => (
        <Button type="link" size="small" onClick={() => setOpenId(lead.id)} style={{ padding: 0 }}>
          {name}
        </Button>
      ),
    },
    { title: t('promotion.columns.investor'), dataIndex: 'investorName' },
    { title: t('promotion.columns.region'), dataIndex: 'regionName' },
    {
      title: t('promotion.columns.amount'),
      dataIndex: 'contractWanYuan',
      ...amountColumn,
      render: (v: string | null) => (v ? formatTableAmount(v) : '—'),
    },
    { title: t('promotion.columns.signedOn'), dataIndex: 'signedOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('promotion.columns.stage'),
      key: 'stage',
      render: (_: unknown, lead) =>
        lead.isDropped ? <Tag>{t('promotion.dropped')}</Tag> : <Tag color="blue">{lead.stageName}</Tag>,
    },
    {
      title: t('promotion.columns.promises'),
      key: 'promises',
      render: (_: unknown, lead) => <PromiseTags lead={lead} />,
    },
    {
      title: t('promotion.columns.project'),
      key: 'project',
      render: (_: unknown, lead) =>
        lead.project ? <Link to={`/projects/${lead.project.id}`}>{lead.project.name}</Link> : '—',
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="promotion-page">
      <RegionPageTitle
        title={t('promotion.title')}
        regionName={data?.regionName}
        onUp={period.regionCode ? () => setPeriod({ ...period, regionCode: undefined }) : undefined}
      />
      <Flex gap={8} wrap align="center">
        <YearInput
          label={t('promotion.year')}
          value={period.year}
          onChange={(year) => setPeriod({ ...period, year: year ?? dayjs().year() })}
        />
        <Select
          aria-label={t('promotion.wholeYear')}
          style={{ width: 130 }}
          value={period.quarter ?? 0}
          onChange={(q) => setPeriod({ ...period, quarter: q === 0 ? undefined : q })}
          options={quarterOptions.map((q) => ({
            value: q,
            label: q === 0 ? t('promotion.wholeYear') : t('promotion.quarter', { n: q }),
          }))}
        />
        <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
          {t('promotion.actions.settings')}
        </Button>
        {leads.data?.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('promotion.actions.create')}
          </Button>
        )}
        {data && (
          <Typography.Text type="secondary">
            {t('promotion.asOf', { from: data.from, to: data.to, date: data.asOf })}
          </Typography.Text>
        )}
      </Flex>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="promotion-card-leads">
                <Statistic title={t('promotion.cards.leads')} value={data.totals.leads} />
                <Typography.Text type="secondary">
                  {t('promotion.cards.leadsLine', { amount: formatTableAmount(data.totals.contractWanYuan) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="promotion-card-conversion">
                <Statistic
                  title={
                    <span>
                      {t('promotion.cards.conversion')}
                      {formula(t('promotion.formulas.conversion'))}
                    </span>
                  }
                  value={percentText(data.conversion.percent)}
                />
                <Typography.Text type="secondary">
                  {t('promotion.cards.conversionLine', {
                    signed: data.conversion.signed,
                    started: data.conversion.started,
                  })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="promotion-card-overdue">
                <Statistic title={t('promotion.cards.overdue')} value={data.totals.overdue} />
                <Typography.Text type="secondary">{t('promotion.cards.overdueLine')}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={
                  <span>
                    {t('promotion.funnelTitle')}
                    {formula(t('promotion.formulas.funnel'))}
                  </span>
                }
              >
                <EChart
                  ariaLabel={t('promotion.funnelTitle')}
                  testId="promotion-funnel"
                  height={320}
                  option={funnelChartOption(data.funnel, {
                    reached: t('promotion.funnelReached'),
                    current: t('promotion.funnelCurrent'),
                    amount: t('promotion.funnelAmount'),
                  })}
                  onClick={({ dataIndex }) => {
                    const stage = data.funnel[dataIndex]?.key;
                    if (stage) setFilters({ ...filters, stage });
                  }}
                />
                {data.otherStages.count > 0 && (
                  <Typography.Text type="secondary">
                    {t('promotion.otherStages', {
                      count: data.otherStages.count,
                      amount: formatTableAmount(data.otherStages.wanYuan),
                    })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={
                  <span>
                    {t('promotion.dwellTitle')}
                    {formula(t('promotion.formulas.dwell'))}
                  </span>
                }
              >
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={dwellColumns}
                  dataSource={data.dwell}
                  data-testid="promotion-dwell"
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('promotion.regionsTitle')}>
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={regionColumns}
              dataSource={data.regions}
              loading={overview.isFetching}
              data-testid="promotion-regions"
            />
          </Card>
        </>
      )}
      <Card size="small" title={t('promotion.leadsTitle')}>
        <Flex vertical gap={8}>
          <Space wrap>
            <Select
              aria-label={t('promotion.filters.allStages')}
              style={{ minWidth: 140 }}
              value={filters.stage ?? ''}
              onChange={(stage) => setFilters({ ...filters, stage: stage || undefined })}
              options={[
                { value: '', label: t('promotion.filters.allStages') },
                ...(data?.stages ?? []).map((s) => ({ value: s.key, label: s.name })),
              ]}
              data-testid="promotion-filter-stage"
            />
            <Select
              aria-label={t('promotion.filters.allRegions')}
              style={{ minWidth: 140 }}
              value={filters.region ?? ''}
              onChange={(region) => setFilters({ ...filters, region: region || undefined })}
              options={[
                { value: '', label: t('promotion.filters.allRegions') },
                ...(data?.regions ?? [])
                  .filter((r) => r.regionCode !== data?.regionCode)
                  .map((r) => ({ value: r.regionCode, label: r.regionName })),
              ]}
            />
            <Select
              aria-label={t('promotion.filters.status.all')}
              style={{ minWidth: 120 }}
              value={filters.dropped ?? ''}
              onChange={(dropped) =>
                setFilters({
                  ...filters,
                  dropped: dropped === '' ? undefined : (dropped as 'true' | 'false'),
                })
              }
              options={[
                { value: '', label: t('promotion.filters.status.all') },
                { value: 'false', label: t('promotion.filters.status.live') },
                { value: 'true', label: t('promotion.filters.status.dropped') },
              ]}
            />
            <Space>
              <Switch
                checked={filters.period === 'signed'}
                onChange={(on) => setFilters({ ...filters, period: on ? 'signed' : undefined })}
              />
              {t('promotion.filters.signedInPeriod')}
            </Space>
            <Space>
              <Switch
                data-testid="promotion-filter-overdue"
                checked={filters.overdue === 'true'}
                onChange={(on) => setFilters({ ...filters, overdue: on ? 'true' : undefined })}
              />
              {t('promotion.filters.overdueOnly')}
            </Space>
            <Button icon={<DownloadOutlined />} href={promotionLedgerUrl(leadQuery)} download>
              {t('promotion.actions.export')}
            </Button>
          </Space>
          {leads.isError && <QueryError error={leads.error} onRetry={() => void leads.refetch()} />}
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            columns={leadColumns}
            dataSource={leads.data?.data ?? []}
            loading={leads.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="promotion-leads"
          />
          <Typography.Text type="secondary">{t('promotion.scopeNote')}</Typography.Text>
        </Flex>
      </Card>
      {openId && <LeadDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && (
        <LeadForm
          lead={null}
          stages={data?.stages ?? []}
          onClose={(saved) => {
            setCreating(false);
            if (saved) setOpenId(saved.id);
          }}
        />
      )}
      <StageSettingsModal
        open={settingsOpen}
        regionCode={period.regionCode}
        onClose={() => setSettingsOpen(false)}
      />
    </Flex>
  );
}
