import { DownloadOutlined, QuestionCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { FundFigures, FundKind, FundOverviewQuery, IdleFund } from '@tuijin/contracts';
import { fundKinds } from '@tuijin/domain';
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
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { RegionPageTitle } from '../../components/RegionPageTitle';
import { YearInput } from '../../components/YearInput';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { useDrillParams } from '../../lib/drill-params';
import { useCan } from '../auth/use-current-user';
import { FundImportDrawer } from './FundImportDrawer';
import { fundLedgerUrl, useFundOverview } from './funds.queries';

type RegionFigures = FundFigures & { regionCode: string; regionName: string };
const percent = (value: string | null) => (value === null ? '—' : `${value}%`);

/** 资金保障: start and disbursement rates per region, idle money, the application pipeline, the ledger. */
export default function FundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  const drill = useDrillParams();
  const [query, setQuery] = useState<FundOverviewQuery>(() => {
    const kind = drill.params.get('kind');
    return {
      year: drill.year ?? dayjs().year(),
      kind: kind === 'all' ? undefined : (fundKinds.find((k) => k === kind) ?? 'specialBond'),
      ...(drill.regionCode ? { regionCode: drill.regionCode } : {}),
    };
  });
  const overview = useFundOverview(query);
  const data = overview.data;
  const kindName = query.kind ? t(`funds.kinds.${query.kind}`) : t('funds.allKinds');
  const formula = (text: string) => (
    <Tooltip title={text}>
      <QuestionCircleOutlined aria-label={text} style={{ marginInlineStart: 4 }} />
    </Tooltip>
  );
  const regionColumns: TableColumnsType<RegionFigures> = [
    {
      title: t('funds.page.region'),
      dataIndex: 'regionName',
      render: (name: string, row) =>
        row.regionCode === data?.regionCode ? (
          name
        ) : (
          <Button type="link" size="small" onClick={() => setQuery({ ...query, regionCode: row.regionCode })}>
            {name}
          </Button>
        ),
    },
    { title: t('funds.page.fundedProjects'), dataIndex: 'fundedProjects', align: 'right' },
    { title: t('funds.page.startedProjects'), dataIndex: 'startedProjects', align: 'right' },
    {
      title: t('funds.page.startRate'),
      key: 'startRate',
      align: 'right',
      render: (_: unknown, row) => percent(row.startRate.percent),
    },
    {
      title: t('funds.page.allocated'),
      dataIndex: 'allocatedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('funds.page.paid'),
      dataIndex: 'paidWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('funds.page.disbursementRate'),
      key: 'disbursementRate',
      align: 'right',
      render: (_: unknown, row) => percent(row.disbursementRate.percent),
    },
    {
      title: t('funds.page.idle'),
      dataIndex: 'idleWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
  ];
  const idleColumns: TableColumnsType<IdleFund> = [
    {
      title: t('funds.page.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => <Link to={`/projects/${row.projectId}?tab=funds`}>{name}</Link>,
    },
    { title: t('funds.page.region'), dataIndex: 'regionName' },
    { title: t('funds.kind'), dataIndex: 'kind', render: (kind: FundKind) => t(`funds.kinds.${kind}`) },
    { title: t('funds.year'), dataIndex: 'year' },
    { title: t('funds.batch'), dataIndex: 'batch', render: (batch: string | null) => batch ?? '' },
    {
      title: t('funds.amount'),
      dataIndex: 'amountWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    { title: t('funds.issuedOn'), dataIndex: 'issuedOn' },
    { title: t('funds.page.monthsIdle'), dataIndex: 'monthsIdle', align: 'right' },
  ];
  return (
    <Flex vertical gap={12} data-testid="funds-page">
      <RegionPageTitle
        title={t('funds.title')}
        regionName={data?.regionName}
        onUp={query.regionCode ? () => setQuery({ ...query, regionCode: undefined }) : undefined}
      />
      <Flex gap={8} wrap align="center">
        <YearInput
          label={t('funds.year')}
          value={query.year}
          onChange={(year) => setQuery({ ...query, year: year ?? undefined })}
        />
        <Select<FundKind | 'all'>
          aria-label={t('funds.kind')}
          style={{ minWidth: 200 }}
          value={query.kind ?? 'all'}
          onChange={(kind) => setQuery({ ...query, kind: kind === 'all' ? undefined : kind })}
          options={[
            { value: 'all', label: t('funds.allKinds') },
            ...fundKinds.map((kind) => ({ value: kind, label: t(`funds.kinds.${kind}`) })),
          ]}
        />
        <InputNumber
          aria-label={t('funds.page.idleMonths')}
          addonBefore={t('funds.page.idleMonths')}
          min={1}
          max={60}
          precision={0}
          value={query.idleMonths ?? 3}
          onChange={(months) => setQuery({ ...query, idleMonths: months ?? undefined })}
          style={{ width: 170 }}
        />
        <Button icon={<DownloadOutlined />} href={fundLedgerUrl(query)} download>
          {t('funds.page.download')}
        </Button>
        {can('fund.manage') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="fund-import-open">
            {t('funds.import.button')}
          </Button>
        )}
        {data && (
          <Typography.Text type="secondary">{t('funds.page.asOf', { date: data.asOf })}</Typography.Text>
        )}
      </Flex>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="fund-card-start-rate">
                <Statistic
                  title={
                    <span>
                      {t('funds.page.cards.startRate', { kind: kindName })}
                      {formula(t('funds.page.formulas.startRate'))}
                    </span>
                  }
                  value={percent(data.totals.startRate.percent)}
                />
                <Typography.Text type="secondary">
                  {t('funds.page.counts', {
                    started: data.totals.startedProjects,
                    funded: data.totals.fundedProjects,
                  })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="fund-card-disbursement">
                <Statistic
                  title={
                    <span>
                      {t('funds.page.cards.disbursementRate')}
                      {formula(t('funds.page.formulas.disbursementRate'))}
                    </span>
                  }
                  value={percent(data.totals.disbursementRate.percent)}
                />
                <Typography.Text type="secondary">
                  {t('funds.page.money', {
                    paid: formatTableAmount(data.totals.paidWanYuan),
                    allocated: formatTableAmount(data.totals.allocatedWanYuan),
                  })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="fund-card-idle">
                <Statistic
                  title={
                    <span>
                      {t('funds.page.cards.idle')}
                      {formula(t('funds.page.formulas.idle', { months: data.idleMonths }))}
                    </span>
                  }
                  value={formatTableAmount(data.totals.idleWanYuan)}
                  suffix={t('amounts.unit.wanYuan')}
                />
                <Typography.Text type="secondary">
                  {t('funds.page.idleCount', { count: data.totals.idleCount })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={regionColumns}
              dataSource={data.regions}
              loading={overview.isFetching}
            />
          </Card>
          <Card
            size="small"
            title={t('funds.page.idleTitle', { months: data.idleMonths })}
            data-testid="fund-idle"
          >
            <Table
              rowKey="allocationId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={idleColumns}
              dataSource={data.idle}
              locale={{ emptyText: t('funds.page.noIdle') }}
            />
          </Card>
          <Card
            size="small"
            title={t('funds.page.pipelineTitle', { year: data.year })}
            data-testid="fund-pipeline"
          >
            <Flex vertical gap={8}>
              {data.pipeline.map((row) => (
                <Flex key={row.kind} vertical gap={4}>
                  <Typography.Text strong>
                    {t('funds.page.pipelineLine', {
                      kind: t(`funds.kinds.${row.kind}`),
                      total: row.total,
                      passed: row.passedProvincialReview,
                    })}
                  </Typography.Text>
                  <Flex gap={6} wrap>
                    {Object.entries(row.byStage).map(([stage, count]) => (
                      <Tag key={stage}>
                        {t(`funds.stages.${stage as keyof typeof row.byStage}`)}：{count}
                      </Tag>
                    ))}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          </Card>
        </>
      )}
      {importing && <FundImportDrawer open={importing} onClose={() => setImporting(false)} />}
    </Flex>
  );
}
