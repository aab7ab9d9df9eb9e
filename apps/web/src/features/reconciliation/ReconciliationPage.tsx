import { DownloadOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import type { ReconciliationFlag, ReconciliationQuery, ReconciliationRow } from '@tuijin/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { useCan } from '../auth/use-current-user';
import { ReconciliationSettingsModal } from './ReconciliationSettingsModal';
import { reconciliationExportUrl, useReconciliation } from './reconciliation.queries';
import { StatisticsImportDrawer } from './StatisticsImportDrawer';

const flagColours: Record<ReconciliationFlag, string> = {
  reportedVsStatistics: 'red',
  notInStatistics: 'orange',
  fundsBeyondReported: 'volcano',
};

/**
 * 三数比对: per project, the year-to-date investment reported (自报), the statistics bureau's 入统
 * figure and the special funds paid, for a month (default the reporting month); the gaps beyond
 * the jurisdiction's thresholds first; the office imports the bureau's sheet and sets thresholds.
 */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [query, setQuery] = useState<ReconciliationQuery>({});
  const [importing, setImporting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const result = useReconciliation(query);
  const data = result.data;
  const manage = can('reconciliation.manage');
  const shownMonth = data ? dayjs(`${data.year}-${String(data.month).padStart(2, '0')}-01`) : null;

  const columns: TableColumnsType<ReconciliationRow> = [
    {
      title: t('reconciliation.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${row.projectId}`}>{name}</Link>
          {row.projectCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.projectCode}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('reconciliation.region'), dataIndex: 'regionName', width: 100 },
    {
      title: t('reconciliation.reported'),
      dataIndex: 'reportedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('reconciliation.statistics'),
      dataIndex: 'statisticsWanYuan',
      ...amountColumn,
      render: (v: string | null) =>
        v === null ? (
          <Typography.Text type="secondary">{t('reconciliation.none')}</Typography.Text>
        ) : (
          formatTableAmount(v)
        ),
    },
    {
      title: t('reconciliation.fundsPaid'),
      dataIndex: 'fundsPaidWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('reconciliation.gap'),
      dataIndex: 'gapWanYuan',
      ...amountColumn,
      render: (v: string | null) => (v === null ? '—' : formatTableAmount(v)),
    },
    {
      title: t('reconciliation.gapPercent'),
      dataIndex: 'gapPercent',
      align: 'right',
      width: 90,
      render: (v: string | null) => (v === null ? '—' : `${v}%`),
    },
    {
      title: t('reconciliation.flags'),
      dataIndex: 'flags',
      render: (flags: ReconciliationFlag[]) =>
        flags.length === 0 ? (
          <Tag color="green">{t('reconciliation.consistent')}</Tag>
        ) : (
          flags.map((flag) => (
            <Tag key={flag} color={flagColours[flag]}>
              {t(`reconciliation.flag.${flag}`)}
            </Tag>
          ))
        ),
    },
  ];

  return (
    <Card
      title={t('reconciliation.title')}
      data-testid="reconciliation"
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={shownMonth}
            data-testid="reconciliation-month"
            onChange={(m) => m && setQuery({ ...query, year: m.year(), month: m.month() + 1 })}
          />
          <Space>
            <Switch
              checked={query.flaggedOnly === 'true'}
              onChange={(on) => setQuery({ ...query, flaggedOnly: on ? 'true' : undefined })}
              data-testid="reconciliation-flagged-only"
            />
            {t('reconciliation.flaggedOnly')}
          </Space>
          <Button icon={<DownloadOutlined />} href={reconciliationExportUrl(query)} download>
            {t('reconciliation.export')}
          </Button>
          {manage && (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
                {t('reconciliation.settings.button')}
              </Button>
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="statistics-import-open"
              >
                {t('reconciliation.import.button')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('reconciliation.intro', {
              region: data.regionName,
              month: data.month,
              percent: data.settings.gapPercent,
              min: data.settings.gapMinWanYuan,
            })}
          </Typography.Paragraph>
          {data.imports.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="reconciliation-no-import"
              title={t('reconciliation.noImport')}
            />
          ) : (
            <Typography.Text type="secondary" data-testid="reconciliation-imports">
              {data.imports
                .map((i) =>
                  t('reconciliation.imported', {
                    file: i.fileName ?? '—',
                    by: i.importedByName,
                    at: dayjs(i.importedAt).format('YYYY-MM-DD HH:mm'),
                    rows: i.rowCount,
                  }),
                )
                .join('；')}
            </Typography.Text>
          )}
          <Row gutter={[16, 16]} data-testid="reconciliation-totals">
            <Col xs={12} md={4}>
              <Statistic title={t('reconciliation.projects')} value={data.totals.projects} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic
                title={t('reconciliation.flagged')}
                value={data.totals.flagged}
                styles={{ content: { color: data.totals.flagged > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('reconciliation.reported')}
                value={formatTableAmount(data.totals.reportedWanYuan)}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('reconciliation.statistics')}
                value={formatTableAmount(data.totals.statisticsWanYuan)}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('reconciliation.fundsPaid')}
                value={formatTableAmount(data.totals.fundsPaidWanYuan)}
              />
            </Col>
          </Row>
          <Space wrap>
            {(Object.keys(flagColours) as ReconciliationFlag[]).map((flag) => (
              <Tag key={flag} color={flagColours[flag]}>
                {t(`reconciliation.flag.${flag}`)} {data.totals.byFlag[flag]}
              </Tag>
            ))}
          </Space>
          <Table<ReconciliationRow>
            rowKey="projectId"
            size="small"
            loading={result.isFetching}
            dataSource={data.rows}
            columns={columns}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 1000 }}
            data-testid="reconciliation-table"
          />
        </Flex>
      )}
      {manage && shownMonth && importing && (
        <StatisticsImportDrawer
          open={importing}
          initialMonth={shownMonth}
          regionCode={query.regionCode ?? null}
          onClose={() => setImporting(false)}
        />
      )}
      {manage && (
        <ReconciliationSettingsModal
          open={settingsOpen}
          regionCode={query.regionCode}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </Card>
  );
}
