import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type Project, type Worker, WorkerHealthStatus } from '@tuijin/contracts';
import { provinceNames } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { ContractorDialog } from './ContractorDialog';
import { HealthCheckDialog } from './HealthCheckDialog';
import {
  filterRoster,
  healthStatusColours,
  needsCheckToday,
  type RosterFilter,
  rosterTeams,
} from './roster-filter';
import { WorkerDrawer } from './WorkerDrawer';
import { WorkerImportDrawer } from './WorkerImportDrawer';
import {
  useDepartWorker,
  useProjectWorkforce,
  useRemoveContractor,
  useSaveHealthCheck,
  workersExportUrl,
} from './workforce.queries';

/** The health tag of a worker (nothing without a watch). */
export function HealthTag({ worker }: { worker: Worker }) {
  const { t } = useTranslation();
  if (!worker.health) return null;
  return (
    <Tag color={healthStatusColours[worker.health.status]} data-testid="worker-health">
      {t(`workforce.healthStatuses.${worker.health.status}`)}
    </Tag>
  );
}

/**
 * 用工 tab of a project: contractors, the roster (filters: contractor, team, on site / left, health),
 * add/edit drawer, import and export; under a health watch each worker's status and, on a phone,
 * a card per worker with a one-tap normal check (or the full check dialog).
 */
export function ProjectWorkforceTab({ project }: { project: Pick<Project, 'id'> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const query = useProjectWorkforce(project.id);
  const [filter, setFilter] = useState<RosterFilter>({ presence: 'onSite' });
  const [editing, setEditing] = useState<Worker | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const [addingContractor, setAddingContractor] = useState(false);
  const [checking, setChecking] = useState<Worker | null>(null);
  const [departing, setDeparting] = useState<Worker | null>(null);
  const [departedOn, setDepartedOn] = useState(dayjs());
  const quickCheck = useSaveHealthCheck();
  const depart = useDepartWorker();
  const removeContractor = useRemoveContractor();
  const onError = useApiErrorHandler();
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Spin />;
  const data = query.data;
  const rows = filterRoster(data.workers, filter);
  const recordNormal = (w: Worker) =>
    quickCheck.mutate(
      {
        id: w.id,
        body: {
          checkedOn: dayjs().format('YYYY-MM-DD'),
          temperature: '36.5',
          hasSymptoms: false,
          note: null,
        },
      },
      { onSuccess: () => message.success(t('workforce.checkSaved')), onError: (e) => onError(e) },
    );
  const healthCell = (w: Worker) =>
    w.health && (
      <Flex vertical gap={2}>
        <span>
          <HealthTag worker={w} />
          {w.health.observationEndOn && w.health.status === 'observing' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('workforce.observationEnd', { date: w.health.observationEndOn })}
            </Typography.Text>
          )}
        </span>
        {w.health.latestCheck && w.health.checkedToday && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workforce.checkedToday', { temperature: w.health.latestCheck.temperature })}
          </Typography.Text>
        )}
      </Flex>
    );
  const actions = (w: Worker) =>
    w.canEdit && (
      <Space wrap size={4}>
        {data.watch && w.isOnSite && (
          <>
            {needsCheckToday(w) && (
              <Button size="small" type="primary" onClick={() => recordNormal(w)} data-testid="health-quick">
                {t('workforce.checkNormal')}
              </Button>
            )}
            <Button size="small" onClick={() => setChecking(w)} data-testid="health-check">
              {t('workforce.checkOther')}
            </Button>
          </>
        )}
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(w)}
          aria-label={t('workforce.editWorker')}
        />
        {w.isOnSite && (
          <Button size="small" onClick={() => setDeparting(w)}>
            {t('workforce.depart')}
          </Button>
        )}
      </Space>
    );
  const columns: TableColumnsType<Worker> = [
    { title: t('workforce.name'), dataIndex: 'name', fixed: 'left', width: 90 },
    { title: t('workforce.idNumber'), dataIndex: 'idNumber', width: 190 },
    { title: t('workforce.contractor'), dataIndex: 'contractorName', ellipsis: true },
    { title: t('workforce.trade'), dataIndex: 'trade' },
    { title: t('workforce.team'), dataIndex: 'team' },
    {
      title: t('workforce.origin'),
      render: (_, w) =>
        [provinceNames[w.originProvince], w.originCity, w.originCounty].filter(Boolean).join(' '),
    },
    { title: t('workforce.arrivedOn'), dataIndex: 'arrivedOn', width: 110 },
    {
      title: t('workforce.departedOn'),
      dataIndex: 'departedOn',
      width: 110,
      render: (d: string | null) => d ?? '',
    },
    {
      title: t('workforce.accommodation'),
      dataIndex: 'accommodation',
      render: (a: Worker['accommodation']) => (a ? t(`workforce.accommodations.${a}`) : ''),
    },
    { title: t('workforce.passNumber'), dataIndex: 'passNumber' },
    ...(data.watch
      ? [{ title: t('workforce.health'), render: (_: unknown, w: Worker) => healthCell(w) }]
      : []),
    ...(data.canManage ? [{ title: '', render: (_: unknown, w: Worker) => actions(w) }] : []),
  ];
  return (
    <Flex vertical gap={12} data-testid="project-workforce">
      {!data.canManage && <Alert type="info" showIcon title={t('workforce.readOnly')} />}
      <Alert
        type={data.watch ? 'warning' : 'info'}
        showIcon
        data-testid="workforce-watch"
        title={
          data.watch
            ? t('workforce.watchOn', {
                name: data.watch.name,
                from: data.watch.fromOn,
                days: data.watch.observationDays,
              })
            : t('workforce.watchOff')
        }
      />
      <Card
        size="small"
        title={t('workforce.contractors')}
        extra={
          data.canManage && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingContractor(true)}>
              {t('workforce.addContractor')}
            </Button>
          )
        }
      >
        {data.contractors.length === 0 ? (
          <Typography.Text type="secondary">{t('workforce.noContractors')}</Typography.Text>
        ) : (
          <Flex wrap gap={8}>
            {data.contractors.map((c) => (
              <Tag
                key={c.id}
                style={{ padding: '4px 8px', whiteSpace: 'normal' }}
                closable={data.canManage}
                onClose={(event) => {
                  event.preventDefault();
                  modal.confirm({
                    title: t('workforce.removeContractorConfirm', { name: c.name }),
                    onOk: () =>
                      removeContractor.mutateAsync(
                        { id: c.id, version: c.version },
                        { onError: (e) => onError(e) },
                      ),
                  });
                }}
              >
                {c.name}（{t(`workforce.roles.${c.role}`)}）
                {t('workforce.onSiteCount', { count: c.workersOnSite })}{' '}
                <a
                  href={workersExportUrl(project.id, c.id)}
                  download
                  aria-label={t('workforce.exportContractor')}
                >
                  <DownloadOutlined />
                </a>
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
      <Card
        size="small"
        title={`${t('workforce.roster')}（${t('workforce.count', { count: rows.length })}）`}
        extra={
          <Space wrap>
            {data.canManage && data.contractors.length > 0 && (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="worker-add"
                >
                  {t('workforce.addWorker')}
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('workforce.import')}
                </Button>
              </>
            )}
            <Button icon={<DownloadOutlined />} href={workersExportUrl(project.id)} download>
              {t('workforce.export')}
            </Button>
          </Space>
        }
      >
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented
            value={filter.presence}
            onChange={(presence) => setFilter({ ...filter, presence: presence as RosterFilter['presence'] })}
            options={(['onSite', 'departed', 'all'] as const).map((p) => ({
              value: p,
              label: t(`workforce.presence.${p}`),
            }))}
          />
          <Select
            allowClear
            placeholder={t('workforce.allContractors')}
            style={{ minWidth: 160, flex: isPhone ? '1 1 100%' : undefined }}
            value={filter.contractorId}
            onChange={(contractorId) => setFilter({ ...filter, contractorId })}
            options={data.contractors.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Select
            allowClear
            placeholder={t('workforce.allTeams')}
            style={{ minWidth: 120 }}
            value={filter.team}
            onChange={(team) => setFilter({ ...filter, team })}
            options={rosterTeams(data.workers).map((team) => ({ value: team, label: team }))}
          />
          {data.watch && (
            <Select
              allowClear
              placeholder={t('workforce.allHealth')}
              style={{ minWidth: 120 }}
              value={filter.health}
              onChange={(health) => setFilter({ ...filter, health })}
              options={WorkerHealthStatus.options.map((s) => ({
                value: s,
                label: t(`workforce.healthStatuses.${s}`),
              }))}
            />
          )}
          <Input.Search
            allowClear
            placeholder={t('workforce.search')}
            style={{ width: isPhone ? '100%' : 220 }}
            onSearch={(text) => setFilter({ ...filter, text })}
          />
        </Flex>
        {isPhone ? (
          <List
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('workforce.empty')} /> }}
            renderItem={(w) => (
              <List.Item key={w.id} style={{ display: 'block' }} data-testid="worker-card">
                <Typography.Text strong>{w.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {w.idNumber} · {w.team ?? w.trade ?? ''} · {provinceNames[w.originProvince]}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('workforce.arrivedOn')} {w.arrivedOn}
                  {w.departedOn ? ` · ${t('workforce.departedOn')} ${w.departedOn}` : ''}
                </Typography.Text>
                {w.health && <div style={{ marginTop: 4 }}>{healthCell(w)}</div>}
                <div style={{ marginTop: 8 }}>{actions(w)}</div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Worker>
            size="small"
            rowKey="id"
            dataSource={rows}
            columns={columns}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('workforce.empty') }}
            data-testid="worker-table"
          />
        )}
      </Card>
      <WorkerDrawer
        projectId={project.id}
        contractors={data.contractors}
        worker={editing === 'new' ? null : editing}
        open={editing !== null}
        isPhone={isPhone}
        onClose={() => setEditing(null)}
      />
      <WorkerImportDrawer
        projectId={project.id}
        contractors={data.contractors}
        open={importing}
        isPhone={isPhone}
        onClose={() => setImporting(false)}
      />
      <ContractorDialog
        projectId={project.id}
        open={addingContractor}
        onClose={() => setAddingContractor(false)}
      />
      <HealthCheckDialog worker={checking} onClose={() => setChecking(null)} />
      <Modal
        open={departing !== null}
        title={departing ? t('workforce.departTitle', { name: departing.name }) : ''}
        onCancel={() => setDeparting(null)}
        confirmLoading={depart.isPending}
        onOk={() =>
          departing &&
          depart.mutate(
            {
              id: departing.id,
              body: { version: departing.version, departedOn: departedOn.format('YYYY-MM-DD') },
            },
            { onSuccess: () => setDeparting(null), onError: (e) => onError(e) },
          )
        }
      >
        <DatePicker value={departedOn} onChange={(d) => d && setDepartedOn(d)} style={{ width: '100%' }} />
      </Modal>
    </Flex>
  );
}
