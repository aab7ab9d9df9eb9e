import { AlertOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { FactorDemand, FactorDemandStatus, Project, ProjectQuotaAllocation } from '@tuijin/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { DemandDialog, MoveDemandDialog } from './DemandDialogs';
import { metShare } from './factor-form';
import { useProjectFactors, useRaiseFactorProblem } from './factors.queries';

export const demandStatusColours: Record<FactorDemandStatus, string> = {
  pending: 'default',
  inProgress: 'processing',
  met: 'green',
  unmet: 'red',
};

/** The type's own facts of a demand in one line (用地类型、报批阶段、交地、银行、建材…). */
export function useDemandDetail() {
  const { t } = useTranslation();
  return (d: FactorDemand) =>
    [
      d.landKind && t(`factors.landKinds.${d.landKind}`),
      d.landQuotaStatus && t(`factors.landQuotaStatuses.${d.landQuotaStatus}`),
      d.landApprovalStage && t(`factors.landApprovalStages.${d.landApprovalStage}`),
      d.landDeliveryOn && `${t('factors.landDeliveryOn')} ${d.landDeliveryOn}`,
      d.coalTonnes && `${t('factors.coalTonnes')} ${d.coalTonnes}`,
      d.financePurpose,
      d.banksMatched && `${t('factors.banksMatched')}：${d.banksMatched}`,
      d.disbursedWanYuan && `${t('factors.disbursed')} ${d.disbursedWanYuan}`,
      d.utilityKind && t(`factors.utilityKinds.${d.utilityKind}`),
      d.materialName,
      d.note,
    ]
      .filter(Boolean)
      .join('；');
}

/**
 * What is met of a demand (with its share where asked); a 用工 demand also shows the real-name roster's
 * workers on site today, the figure the labour need is met by on the ground.
 */
export function DemandMet({ demand, withShare = false }: { demand: FactorDemand; withShare?: boolean }) {
  const { t } = useTranslation();
  const share = withShare ? metShare(demand) : null;
  return (
    <>
      {`${demand.metQuantity} ${demand.unit}${share ? `（${share}）` : ''}`}
      {demand.type === 'labour' && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12 }}
          data-testid="labour-roster"
        >
          {t('factors.rosterOnSite', { count: demand.rosterOnSite ?? 0 })}
        </Typography.Text>
      )}
    </>
  );
}

/** The date a demand is needed by, with its days overdue in red (the board and the project's tab). */
export function DemandNeededBy({ demand }: { demand: FactorDemand }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {demand.neededBy}
      {demand.isOverdue && <Tag color="red">{t('factors.overdueDays', { count: demand.daysOverdue })}</Tag>}
    </Space>
  );
}

/** A demand's status tag and the problem it was raised as, if any. */
export function DemandStatusCell({ demand, testId }: { demand: FactorDemand; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={demandStatusColours[demand.status]} data-testid={testId}>
        {t(`factors.statuses.${demand.status}`)}
      </Tag>
      <DemandProblem demand={demand} />
    </Space>
  );
}

export function DemandProblem({ demand }: { demand: FactorDemand }) {
  const { t } = useTranslation();
  if (!demand.problem) return null;
  return (
    <Link to={`/problems/${demand.problem.id}`} data-testid="demand-problem">
      <Tag color="orange">
        {t('factors.problem')} {demand.problem.referenceNumber}
      </Tag>
    </Link>
  );
}

/** 要素 tab of a project: its demands with their moves and raise-as-problem, and the quota allocated to it. */
export function ProjectFactorsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const query = useProjectFactors(project.id);
  const raise = useRaiseFactorProblem();
  const detail = useDemandDetail();
  const [editing, setEditing] = useState<FactorDemand | 'new' | null>(null);
  const [moving, setMoving] = useState<{ demand: FactorDemand; status: FactorDemandStatus } | null>(null);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Spin />;
  const data = query.data;
  const mayAct = data.canAdd || data.demands.some((d) => d.nextStatuses.length > 0);
  const columns: TableColumnsType<FactorDemand> = [
    {
      title: t('factors.type'),
      dataIndex: 'type',
      render: (type: FactorDemand['type']) => t(`factors.types.${type}`),
    },
    { title: t('factors.detail'), key: 'detail', render: (_: unknown, row) => detail(row) },
    {
      title: t('factors.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, row) => `${row.quantity} ${row.unit}`,
    },
    {
      title: t('factors.met'),
      key: 'met',
      align: 'right',
      render: (_: unknown, row) => <DemandMet demand={row} withShare />,
    },
    { title: t('factors.responsible'), dataIndex: 'responsibleOrganisationName' },
    {
      title: t('factors.neededBy'),
      dataIndex: 'neededBy',
      render: (_: string, row) => <DemandNeededBy demand={row} />,
    },
    {
      title: t('factors.status'),
      dataIndex: 'status',
      render: (_: FactorDemandStatus, row) => <DemandStatusCell demand={row} testId="demand-status" />,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, row) => (
        <Space wrap size={4}>
          {row.nextStatuses.map((status) => (
            <Button
              key={status}
              size="small"
              type={status === 'met' ? 'primary' : 'default'}
              data-testid={`demand-move-${status}`}
              onClick={() => setMoving({ demand: row, status })}
            >
              {`${t('factors.moveTo')} ${t(`factors.statuses.${status}`)}`}
            </Button>
          ))}
          {row.canRaiseProblem && (
            <Popconfirm
              title={t('factors.raiseProblemConfirm')}
              description={t('factors.raiseProblemHint')}
              onConfirm={() =>
                raise.mutate(
                  { id: row.id, body: { version: row.version, description: null, request: null } },
                  {
                    onSuccess: () => void message.success(t('factors.raised')),
                    onError: (error: unknown) => reportError(error),
                  },
                )
              }
            >
              <Button size="small" danger icon={<AlertOutlined />} data-testid="demand-raise-problem">
                {t('factors.raiseProblem')}
              </Button>
            </Popconfirm>
          )}
          {row.canEdit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(row)}
              aria-label={t('factors.editDemand')}
            />
          )}
        </Space>
      ),
    },
  ];
  const quotaColumns: TableColumnsType<ProjectQuotaAllocation> = [
    { title: t('factors.page.region'), dataIndex: 'quotaRegionName' },
    { title: t('factors.page.year'), dataIndex: 'year' },
    {
      title: t('factors.type'),
      dataIndex: 'kind',
      render: (kind: 'land' | 'energy') => t(`factors.types.${kind}`),
    },
    {
      title: t('factors.page.amount'),
      key: 'amount',
      align: 'right',
      render: (_: unknown, row) => `${row.amount} ${row.unit}`,
    },
    { title: t('factors.page.allocatedOn'), dataIndex: 'allocatedOn' },
    { title: t('factors.note'), dataIndex: 'note' },
  ];
  return (
    <Flex vertical gap={12} data-testid="project-factors">
      {!mayAct && <Alert type="info" showIcon message={t('factors.readOnly')} />}
      <Card
        size="small"
        title={
          <Space>
            {t('factors.demands')}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('factors.asOf', { date: data.asOf })}
            </Typography.Text>
          </Space>
        }
        extra={
          data.canAdd && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              data-testid="demand-add"
              onClick={() => setEditing('new')}
            >
              {t('factors.addDemand')}
            </Button>
          )
        }
      >
        <Table<FactorDemand>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.demands}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('factors.noDemands')} /> }}
          data-testid="demand-table"
        />
      </Card>
      <Card
        size="small"
        title={t('factors.quotaOnProject')}
        extra={
          <Typography.Text type="secondary">
            {data.actualStartOn
              ? t('factors.startedNote', { date: data.actualStartOn })
              : t('factors.notStarted')}
          </Typography.Text>
        }
      >
        <Table<ProjectQuotaAllocation>
          rowKey="id"
          size="small"
          columns={quotaColumns}
          dataSource={data.quotaAllocations}
          pagination={false}
          locale={{ emptyText: <Empty description={t('factors.noQuotaOnProject')} /> }}
        />
      </Card>
      {editing && (
        <DemandDialog
          projectId={project.id}
          demand={editing}
          organisations={data.organisations}
          onClose={() => setEditing(null)}
        />
      )}
      {moving && (
        <MoveDemandDialog demand={moving.demand} status={moving.status} onClose={() => setMoving(null)} />
      )}
    </Flex>
  );
}
