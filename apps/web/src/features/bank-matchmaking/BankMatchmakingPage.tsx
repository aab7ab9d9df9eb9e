import { BankOutlined, DownloadOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { BankEventSummary, BankFollowUpStatus, BankMatchmakingOverview } from '@tuijin/contracts';
import { bankFollowUpStatuses } from '@tuijin/domain';
import {
  Button,
  Card,
  Col,
  Flex,
  InputNumber,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { useDrillParams } from '../../lib/drill-params';
import { BankEventDrawer } from './BankEventDrawer';
import { BankEventForm } from './BankEventForm';
import { BanksDialog } from './BanksDialog';
import { pushListUrl } from './bank-matchmaking';
import { useBankFollowUps, useBankOverview, useBanks } from './bank-matchmaking.queries';
import { FollowUpsTable } from './FollowUpsTable';

type RegionRow = BankMatchmakingOverview['regions'][number];

function Formula({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <QuestionCircleOutlined aria-label={text} style={{ marginInlineStart: 4 }} />
    </Tooltip>
  );
}

/** The year's figures as Gansu and Hui'an publish them, one card each. */
function YearCards({ totals }: { totals: BankMatchmakingOverview['totals'] }) {
  const { t } = useTranslation();
  const yi = t('amounts.unit.yiYuan');
  const money = (title: string, formula: string, y: string, wan: string, testId: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic
          title={
            <span>
              {title}
              <Formula text={formula} />
            </span>
          }
          value={y}
          suffix={yi}
        />
        <Typography.Text type="secondary">
          {t('bankMatchmaking.cards.wanLine', { wan: formatTableAmount(wan) })}
        </Typography.Text>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} data-testid="bank-year">
      <Col xs={12} md={8} xl={4}>
        <Card size="small" data-testid="bank-year-events">
          <Statistic
            title={
              <span>
                {t('bankMatchmaking.cards.events')}
                <Formula text={t('bankMatchmaking.formulas.events')} />
              </span>
            }
            value={totals.events}
            suffix={t('bankMatchmaking.cards.eventsUnit')}
          />
        </Card>
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Card size="small" data-testid="bank-year-projects">
          <Statistic
            title={t('bankMatchmaking.cards.projects')}
            value={totals.projectsPushed}
            suffix={t('bankMatchmaking.cards.projectsUnit')}
          />
        </Card>
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Card size="small">
          <Statistic
            title={
              <span>
                {t('bankMatchmaking.cards.banksPerProject')}
                <Formula text={t('bankMatchmaking.formulas.banksPerProject')} />
              </span>
            }
            value={totals.banksPerProject ?? '—'}
            suffix={t('bankMatchmaking.cards.banksPerProjectUnit')}
          />
          <Typography.Text type="secondary">
            {t('bankMatchmaking.cards.pairsLine', { pairs: totals.pairsPushed })}
          </Typography.Text>
        </Card>
      </Col>
      {money(
        t('bankMatchmaking.cards.credit'),
        t('bankMatchmaking.formulas.credit'),
        totals.creditSignedYiYuan,
        totals.creditSignedWanYuan,
        'bank-year-credit',
      )}
      {money(
        t('bankMatchmaking.cards.disbursed'),
        t('bankMatchmaking.formulas.loans'),
        totals.disbursedYiYuan,
        totals.disbursedWanYuan,
        'bank-year-disbursed',
      )}
      {money(
        t('bankMatchmaking.cards.rolledOver'),
        t('bankMatchmaking.formulas.loans'),
        totals.rolledOverYiYuan,
        totals.rolledOverWanYuan,
        'bank-year-rolled-over',
      )}
    </Row>
  );
}

/** 政银企对接 (/bank-matchmaking): year figures by region, events, follow-ups, banks and the push list. */
export default function BankMatchmakingPage() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [year, setYear] = useState(drill.year ?? dayjs().year());
  const [bankId, setBankId] = useState<string | null>(null);
  const [status, setStatus] = useState<BankFollowUpStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const [showBanks, setShowBanks] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const overview = useBankOverview({ year, ...(drill.regionCode ? { regionCode: drill.regionCode } : {}) });
  const banks = useBanks();
  const followUps = useBankFollowUps({ ...(bankId ? { bankId } : {}), ...(status ? { status } : {}) });
  const data = overview.data;
  const regionColumns: TableColumnsType<RegionRow> = [
    { title: t('bankMatchmaking.columns.region'), dataIndex: 'regionName' },
    { title: t('bankMatchmaking.columns.events'), dataIndex: 'events', align: 'right' },
    { title: t('bankMatchmaking.columns.projects'), dataIndex: 'projectsPushed', align: 'right' },
    {
      title: t('bankMatchmaking.columns.banksPerProject'),
      dataIndex: 'banksPerProject',
      align: 'right',
      render: (v: string | null) => v ?? '—',
    },
    { title: t('bankMatchmaking.columns.credit'), dataIndex: 'creditSignedYiYuan', ...amountColumn },
    { title: t('bankMatchmaking.columns.disbursed'), dataIndex: 'disbursedYiYuan', ...amountColumn },
    { title: t('bankMatchmaking.columns.rolledOver'), dataIndex: 'rolledOverYiYuan', ...amountColumn },
  ];
  const eventColumns: TableColumnsType<BankEventSummary> = [
    { title: t('bankMatchmaking.columns.heldOn'), dataIndex: 'heldOn' },
    {
      title: t('bankMatchmaking.columns.eventTitle'),
      dataIndex: 'title',
      render: (title: string, e) => (
        <Button type="link" size="small" onClick={() => setOpen(e.id)} data-testid={`bank-event-${title}`}>
          {title}
        </Button>
      ),
    },
    { title: t('bankMatchmaking.columns.venue'), dataIndex: 'venue' },
    { title: t('bankMatchmaking.columns.organiser'), dataIndex: 'organiser' },
    {
      title: t('bankMatchmaking.columns.banks'),
      dataIndex: 'banks',
      render: (list: BankEventSummary['banks']) => list.map((b) => b.shortName ?? b.name).join('、'),
    },
    { title: t('bankMatchmaking.columns.projectsPushed'), dataIndex: 'projectsPushed', align: 'right' },
    {
      title: t('bankMatchmaking.columns.signed'),
      dataIndex: 'creditSignedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
  ];
  const bankOptions = (banks.data?.data ?? []).map((b) => ({ value: b.id, label: b.shortName ?? b.name }));
  return (
    <Flex vertical gap={12} data-testid="bank-matchmaking-page">
      <Flex gap={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('bankMatchmaking.title')}
        </Typography.Title>
        <InputNumber
          aria-label={t('bankMatchmaking.year')}
          addonBefore={t('bankMatchmaking.year')}
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => setYear(v ?? dayjs().year())}
          style={{ width: 160 }}
        />
        {data?.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('bankMatchmaking.newEvent')}
          </Button>
        )}
        <Button icon={<BankOutlined />} onClick={() => setShowBanks(true)} data-testid="open-banks">
          {t('bankMatchmaking.banks')}
        </Button>
        <Typography.Text type="secondary">{t('bankMatchmaking.scopeNote')}</Typography.Text>
      </Flex>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && (
        <>
          <YearCards totals={data.totals} />
          <Card size="small" title={`${t('bankMatchmaking.regions')} · ${data.regionName}`}>
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={regionColumns}
              dataSource={data.regions.filter((r) => r.events > 0 || r.projectsPushed > 0)}
              data-testid="bank-regions"
            />
          </Card>
          <Card size="small" title={t('bankMatchmaking.events')} data-testid="bank-events">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={eventColumns}
              dataSource={data.events}
              locale={{ emptyText: t('bankMatchmaking.noEvents') }}
            />
          </Card>
        </>
      )}
      <Card
        size="small"
        title={t('bankMatchmaking.followUps')}
        data-testid="bank-follow-ups"
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              aria-label={t('bankMatchmaking.columns.bank')}
              placeholder={t('bankMatchmaking.allBanks')}
              style={{ minWidth: 180 }}
              value={bankId}
              onChange={(v) => setBankId(v ?? null)}
              options={bankOptions}
            />
            <Select
              allowClear
              aria-label={t('bankMatchmaking.columns.status')}
              placeholder={t('bankMatchmaking.allStatuses')}
              style={{ minWidth: 120 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={bankFollowUpStatuses.map((s) => ({
                value: s,
                label: t(`bankMatchmaking.statuses.${s}`),
              }))}
            />
            <Tooltip title={t('bankMatchmaking.exportHelp')}>
              <Button
                icon={<DownloadOutlined />}
                href={pushListUrl(year, bankId)}
                download
                data-testid="export-push-list"
              >
                {t('bankMatchmaking.export')}
              </Button>
            </Tooltip>
          </Flex>
        }
      >
        {followUps.isError && <QueryError error={followUps.error} onRetry={() => void followUps.refetch()} />}
        <FollowUpsTable rows={followUps.data?.data ?? []} loading={followUps.isPending} />
      </Card>
      {creating && <BankEventForm event={null} onClose={() => setCreating(false)} />}
      {open && <BankEventDrawer id={open} onClose={() => setOpen(null)} />}
      {showBanks && <BanksDialog canManage={data?.canManage ?? false} onClose={() => setShowBanks(false)} />}
    </Flex>
  );
}
