import { FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import type { ResumptionCount, ResumptionOverview, StoppedProject, ZoneProgress } from '@tuijin/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  Progress,
  Row,
  Space,
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
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useDrillParams } from '../../lib/drill-params';
import { stoppageColours } from './ProjectResumptionTab';
import { resumptionLedgerHref, useResumptionOverview, useSaveResumptionSettings } from './resumption.queries';
import { ZoneEditor } from './ZoneEditor';

const progressColours = { met: 'green', notMet: 'red', open: 'blue' } as const;

function Rate({ count }: { count: ResumptionCount }) {
  const { t } = useTranslation();
  return (
    <span>
      {count.ratePercent === null ? '—' : `${count.ratePercent}%`}{' '}
      <Typography.Text type="secondary">{t('resumption.rateOf', count)}</Typography.Text>
    </span>
  );
}

function ZoneCard({ zone }: { zone: ZoneProgress }) {
  const { t } = useTranslation();
  const percent = (c: ResumptionCount) => (c.ratePercent === null ? 100 : Number(c.ratePercent));
  return (
    <Card
      size="small"
      data-testid="zone-card"
      title={zone.name}
      extra={<Tag color={progressColours[zone.progress]}>{t(`resumption.progress.${zone.progress}`)}</Tag>}
    >
      <Flex vertical gap={6}>
        <Typography.Text>{zone.regions.map((r) => r.name).join('、')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('resumption.zoneTarget', { goal: zone.goal, date: zone.targetOn })}
        </Typography.Text>
        <div>
          {t('resumption.onTarget')}：<Rate count={zone.onTarget} />
        </div>
        <Progress
          percent={percent(zone.onTarget)}
          status={zone.progress === 'notMet' ? 'exception' : zone.progress === 'met' ? 'success' : 'active'}
          showInfo={false}
        />
        <div>
          {t('resumption.onDate')}：<Rate count={zone.onDate} />
        </div>
      </Flex>
    </Card>
  );
}

function Settings({ settings }: { settings: ResumptionOverview['settings'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveResumptionSettings();
  const reportError = useApiErrorHandler();
  const [group, setGroup] = useState(settings.inspectionGroup ?? '');
  const write = (acceptanceRequired: boolean) =>
    save.mutate(
      { acceptanceRequired, inspectionGroup: group.trim() || null, version: settings.version },
      { onSuccess: () => void message.success(t('common.saved')), onError: (e) => reportError(e) },
    );
  return (
    <Card size="small" title={t('resumption.settings')} data-testid="resumption-settings">
      <Flex vertical gap={8}>
        <Space wrap>
          <Switch
            checked={settings.acceptanceRequired}
            disabled={!settings.canManage}
            loading={save.isPending}
            onChange={write}
            aria-label={t('resumption.acceptanceRequired')}
          />
          <span>{t('resumption.acceptanceRequired')}</span>
        </Space>
        {settings.canManage && (
          <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
            <Input
              value={group}
              placeholder={t('resumption.defaultInspectionGroup')}
              onChange={(e) => setGroup(e.target.value)}
              maxLength={200}
            />
            <Button onClick={() => write(settings.acceptanceRequired)}>{t('common.save')}</Button>
          </Space.Compact>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 复工复产: the jurisdiction's 复工率 on a date (formula shown), its zones against their target
 * dates, per region and per level, the projects not resumed, the acceptance rule, the zone editor and
 * the Excel ledger.
 */
export default function ResumptionPage() {
  const { t } = useTranslation();
  const { params } = useDrillParams();
  const [date, setDate] = useState<string | undefined>(() => {
    const asked = params.get('date');
    return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : undefined;
  });
  const [editing, setEditing] = useState(false);
  const query = date ? { date } : {};
  const overview = useResumptionOverview(query);
  const data = overview.data;
  const countColumns = <T extends { count: ResumptionCount }>(): TableColumnsType<T> => [
    { title: t('resumption.due'), key: 'due', align: 'right', render: (_, r) => r.count.due },
    { title: t('resumption.resumed'), key: 'resumed', align: 'right', render: (_, r) => r.count.resumed },
    {
      title: t('resumption.rate'),
      key: 'rate',
      align: 'right',
      render: (_, r) => (r.count.ratePercent === null ? '—' : `${r.count.ratePercent}%`),
    },
  ];
  const stoppedColumns: TableColumnsType<StoppedProject> = [
    {
      title: t('resumption.project'),
      key: 'project',
      render: (_, r) => (
        <Space wrap size={4}>
          <Link to={`/projects/${r.projectId}?tab=stoppages`}>{r.projectName}</Link>
          {r.whitelisted && <Tag color="gold">{t('resumption.whitelisted')}</Tag>}
        </Space>
      ),
    },
    { title: t('resumption.region'), dataIndex: 'regionName', responsive: ['sm'] },
    { title: t('resumption.stoppedOn'), dataIndex: 'stoppedOn' },
    {
      title: t('resumption.reasonCategory'),
      key: 'reason',
      responsive: ['md'],
      render: (_, r) => t(`resumption.reasons.${r.reasonCategory}`),
    },
    { title: t('resumption.expectedResumeOn'), dataIndex: 'expectedResumeOn', responsive: ['md'] },
    {
      title: t('resumption.status'),
      key: 'status',
      render: (_, r) => <Tag color={stoppageColours[r.status]}>{t(`resumption.statuses.${r.status}`)}</Tag>,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('resumption.title')}
        extra={
          <Space wrap>
            <DatePicker
              aria-label={t('resumption.date')}
              placeholder={t('resumption.date')}
              value={date ? dayjs(date) : null}
              onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
            />
            <Button icon={<FileExcelOutlined />} href={resumptionLedgerHref(query)} download>
              {t('resumption.exportExcel')}
            </Button>
          </Space>
        }
      >
        {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
        {data && (
          <Flex vertical gap={8}>
            <Space wrap size="large" data-testid="resumption-total">
              <span>
                {t('resumption.total')}（{data.date}）：
              </span>
              <span>
                {t('resumption.due')} {data.total.due}
              </span>
              <span>
                {t('resumption.resumed')} {data.total.resumed}
              </span>
              <span>
                {t('resumption.rate')} <Rate count={data.total} />
              </span>
            </Space>
            <Typography.Text type="secondary">{t('resumption.formula')}</Typography.Text>
          </Flex>
        )}
      </Card>
      {data && (
        <>
          <Card
            title={t('resumption.zones')}
            size="small"
            extra={
              data.canManageZones && (
                <Button size="small" icon={<SettingOutlined />} onClick={() => setEditing(true)}>
                  {t('resumption.editZones')}
                </Button>
              )
            }
          >
            {data.zones.length === 0 ? (
              <Typography.Text type="secondary">{t('resumption.noZones')}</Typography.Text>
            ) : (
              <Row gutter={[12, 12]}>
                {data.zones.map((zone) => (
                  <Col xs={24} md={12} xl={8} key={zone.id}>
                    <ZoneCard zone={zone} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title={t('resumption.byRegion')} size="small">
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={data.byRegion}
                  columns={[
                    { title: t('resumption.region'), dataIndex: 'name' },
                    ...countColumns<ResumptionOverview['byRegion'][number]>(),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('resumption.byLevel')} size="small">
                <Table
                  size="small"
                  rowKey="level"
                  pagination={false}
                  dataSource={data.byLevel}
                  columns={[
                    {
                      title: t('resumption.level'),
                      key: 'level',
                      render: (_, r) => t(`resumption.levels.${r.level}`),
                    },
                    ...countColumns<ResumptionOverview['byLevel'][number]>(),
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('resumption.stopped')} size="small">
            <Table
              size="small"
              rowKey="stoppageId"
              dataSource={data.stopped}
              columns={stoppedColumns}
              locale={{ emptyText: t('resumption.noneStopped') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="stopped-projects"
            />
          </Card>
          <Settings key={`${data.settings.version}`} settings={data.settings} />
        </>
      )}
      {editing && <ZoneEditor onClose={() => setEditing(false)} />}
    </Flex>
  );
}
