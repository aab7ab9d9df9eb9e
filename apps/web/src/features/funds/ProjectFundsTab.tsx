import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { FundAllocation, FundApplication, FundKind, FundPayment, Project } from '@tuijin/contracts';
import { type FundApplicationStage, fundKinds } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { ProjectBankFollowUps } from '../bank-matchmaking/ProjectBankFollowUps';
import { PaymentDialog, PaymentsTable } from './FundPayments';
import { day } from './fund-dates';
import {
  useCreateFundAllocation,
  useCreateFundApplication,
  useMoveFundApplication,
  useProjectFunds,
  useRemoveFundAllocation,
  useRemoveFundApplication,
  useUpdateFundAllocation,
  useUpdateFundApplication,
} from './funds.queries';

const stageColours: Record<FundApplicationStage, string> = {
  planned: 'default',
  provincialReview: 'processing',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
};
const thisYear = () => dayjs().year();

/** 资金 tab of a project: applications through the pipeline, allocations and their payments. */
export function ProjectFundsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const funds = useProjectFunds(project.id);
  if (funds.isError) return <QueryError error={funds.error} onRetry={() => void funds.refetch()} />;
  if (funds.isPending) return <Spin />;
  const data = funds.data;
  return (
    <Flex vertical gap={12} data-testid="project-funds">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('funds.startStatus')}：</Typography.Text>
        {data.actualStartOn ? (
          <Tag color="green">{t('funds.started', { date: data.actualStartOn })}</Tag>
        ) : (
          <Tag>{t('funds.notStarted')}</Tag>
        )}
      </Flex>
      {!data.canManage && <Alert type="info" showIcon message={t('funds.readOnly')} />}
      <ApplicationsCard projectId={project.id} applications={data.applications} canManage={data.canManage} />
      <AllocationsCard
        projectId={project.id}
        allocations={data.allocations}
        canManage={data.canManage}
        canPay={data.canPay}
      />
      <ProjectBankFollowUps project={project} />
    </Flex>
  );
}

interface ApplicationValues {
  kind: FundKind;
  year: number;
  requestedWanYuan: string;
  plannedOn?: Dayjs | null;
  note?: string | null;
}

function ApplicationsCard({
  projectId,
  applications,
  canManage,
}: {
  projectId: string;
  applications: FundApplication[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [editing, setEditing] = useState<FundApplication | 'new' | null>(null);
  const move = useMoveFundApplication();
  const remove = useRemoveFundApplication();
  const columns: TableColumnsType<FundApplication> = [
    { title: t('funds.kind'), dataIndex: 'kind', render: (kind: FundKind) => t(`funds.kinds.${kind}`) },
    { title: t('funds.year'), dataIndex: 'year', width: 70 },
    {
      title: t('funds.requested'),
      dataIndex: 'requestedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('funds.stage'),
      dataIndex: 'stage',
      render: (stage: FundApplicationStage) => (
        <Tag color={stageColours[stage]}>{t(`funds.stages.${stage}`)}</Tag>
      ),
    },
    {
      title: t('funds.stageDates'),
      key: 'dates',
      render: (_: unknown, row) =>
        (['plannedOn', 'provincialReviewOn', 'submittedOn', 'approvedOn', 'rejectedOn'] as const)
          .filter((key) => row[key])
          .map((key) => `${t(`funds.stages.${stageOfDate[key]}`)} ${row[key]}`)
          .join('；'),
    },
    { title: t('funds.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: FundApplication) => (
              <Space wrap size={4}>
                {row.nextStages.map((stage) => (
                  <Button
                    key={stage}
                    size="small"
                    data-testid={`fund-move-${stage}`}
                    loading={move.isPending}
                    onClick={() =>
                      move
                        .mutateAsync({ id: row.id, body: { version: row.version, stage, on: null } })
                        .then(() => void message.success(t('funds.saved')))
                        .catch((error: unknown) => reportError(error))
                    }
                  >
                    {t('funds.moveTo')} {t(`funds.stages.${stage}`)}
                  </Button>
                ))}
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(row)}
                  aria-label={t('funds.edit')}
                />
                <Popconfirm
                  title={t('funds.confirmRemove')}
                  onConfirm={() =>
                    remove
                      .mutateAsync({ id: row.id, version: row.version })
                      .then(() => void message.success(t('funds.removed')))
                      .catch((error: unknown) => reportError(error))
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('funds.remove')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={t('funds.applications')}
      data-testid="fund-applications"
      extra={
        canManage && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('funds.addApplication')}
          </Button>
        )
      }
    >
      {applications.length === 0 ? (
        <Empty description={t('funds.noApplications')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={applications}
        />
      )}
      {editing && (
        <ApplicationDialog projectId={projectId} application={editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

const stageOfDate = {
  plannedOn: 'planned',
  provincialReviewOn: 'provincialReview',
  submittedOn: 'submitted',
  approvedOn: 'approved',
  rejectedOn: 'rejected',
} as const;

function ApplicationDialog({
  projectId,
  application,
  onClose,
}: {
  projectId: string;
  application: FundApplication | 'new';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<ApplicationValues>();
  const create = useCreateFundApplication();
  const update = useUpdateFundApplication();
  const isNew = application === 'new';
  const submit = (values: ApplicationValues) => {
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('funds.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    const common = {
      kind: values.kind,
      year: values.year,
      requestedWanYuan: values.requestedWanYuan,
      note: values.note?.trim() || null,
    };
    if (isNew) create.mutate({ id: projectId, body: { ...common, plannedOn: day(values.plannedOn) } }, done);
    else update.mutate({ id: application.id, body: { ...common, version: application.version } }, done);
  };
  return (
    <Modal
      open
      title={isNew ? t('funds.addApplication') : t('funds.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<ApplicationValues>
        form={form}
        name="fund-application"
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? { kind: 'specialBond', year: thisYear(), plannedOn: dayjs() }
            : {
                kind: application.kind,
                year: application.year,
                requestedWanYuan: application.requestedWanYuan,
                note: application.note,
              }
        }
      >
        <KindAndYear />
        <Form.Item
          name="requestedWanYuan"
          label={t('funds.requested')}
          rules={[{ required: true, message: t('funds.required') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        {isNew && (
          <Form.Item name="plannedOn" label={t('funds.stages.planned')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('funds.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function KindAndYear() {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="kind"
        label={t('funds.kind')}
        rules={[{ required: true, message: t('funds.required') }]}
        style={{ flex: '1 1 200px' }}
      >
        <Select options={fundKinds.map((kind) => ({ value: kind, label: t(`funds.kinds.${kind}`) }))} />
      </Form.Item>
      <Form.Item
        name="year"
        label={t('funds.year')}
        rules={[{ required: true, message: t('funds.required') }]}
        style={{ flex: '0 1 120px' }}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Flex>
  );
}

function AllocationsCard({
  projectId,
  allocations,
  canManage,
  canPay,
}: {
  projectId: string;
  allocations: FundAllocation[];
  canManage: boolean;
  canPay: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const remove = useRemoveFundAllocation();
  const [editing, setEditing] = useState<FundAllocation | 'new' | null>(null);
  const [paying, setPaying] = useState<{ allocation: FundAllocation; payment: FundPayment | null } | null>(
    null,
  );
  return (
    <Card
      size="small"
      title={t('funds.allocations')}
      data-testid="fund-allocations"
      extra={
        canManage && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('funds.addAllocation')}
          </Button>
        )
      }
    >
      {allocations.length === 0 ? (
        <Empty description={t('funds.noAllocations')} />
      ) : (
        <Flex vertical gap={12}>
          {allocations.map((allocation) => (
            <Card
              key={allocation.id}
              type="inner"
              size="small"
              data-testid="fund-allocation"
              title={
                <Flex gap={8} wrap>
                  <span>{t(`funds.kinds.${allocation.kind}`)}</span>
                  <span>
                    {allocation.year} {allocation.batch ?? ''}
                  </span>
                </Flex>
              }
              extra={
                <Space wrap size={4}>
                  {canPay && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setPaying({ allocation, payment: null })}
                    >
                      {t('funds.addPayment')}
                    </Button>
                  )}
                  {canManage && (
                    <>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('funds.edit')}
                        onClick={() => setEditing(allocation)}
                      />
                      <Popconfirm
                        title={t('funds.confirmRemove')}
                        onConfirm={() =>
                          remove
                            .mutateAsync({ id: allocation.id, version: allocation.version })
                            .then(() => void message.success(t('funds.removed')))
                            .catch((error: unknown) => reportError(error))
                        }
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('funds.remove')}
                        />
                      </Popconfirm>
                    </>
                  )}
                </Space>
              }
            >
              <Flex gap={16} wrap>
                <span>
                  {t('funds.amount')}：{formatTableAmount(allocation.amountWanYuan)}
                </span>
                <span>
                  {t('funds.issuedOn')}：{allocation.issuedOn}
                </span>
                {allocation.documentNumber && (
                  <span>
                    {t('funds.documentNumber')}：{allocation.documentNumber}
                  </span>
                )}
                <span data-testid="fund-allocation-paid">
                  {t('funds.paid')}：{formatTableAmount(allocation.paidWanYuan)}
                </span>
                <span>
                  {t('funds.remaining')}：{formatTableAmount(allocation.remainingWanYuan)}
                </span>
              </Flex>
              <PaymentsTable
                allocation={allocation}
                canPay={canPay}
                onEdit={(payment) => setPaying({ allocation, payment })}
              />
            </Card>
          ))}
        </Flex>
      )}
      {editing && (
        <AllocationDialog projectId={projectId} allocation={editing} onClose={() => setEditing(null)} />
      )}
      {paying && <PaymentDialog {...paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}

interface AllocationValues {
  kind: FundKind;
  year: number;
  batch?: string | null;
  amountWanYuan: string;
  issuedOn: Dayjs;
  documentNumber?: string | null;
}

function AllocationDialog({
  projectId,
  allocation,
  onClose,
}: {
  projectId: string;
  allocation: FundAllocation | 'new';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<AllocationValues>();
  const create = useCreateFundAllocation();
  const update = useUpdateFundAllocation();
  const isNew = allocation === 'new';
  const submit = (values: AllocationValues) => {
    const body = {
      kind: values.kind,
      year: values.year,
      batch: values.batch?.trim() || null,
      amountWanYuan: values.amountWanYuan,
      issuedOn: day(values.issuedOn) ?? '',
      documentNumber: values.documentNumber?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('funds.saved'));
      },
      onError: (error: unknown) => reportError(error, form),
    };
    if (isNew) create.mutate({ id: projectId, body }, done);
    else update.mutate({ id: allocation.id, body: { ...body, version: allocation.version } }, done);
  };
  return (
    <Modal
      open
      title={isNew ? t('funds.addAllocation') : t('funds.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<AllocationValues>
        form={form}
        name="fund-allocation"
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? { kind: 'specialBond', year: thisYear(), issuedOn: dayjs() }
            : { ...allocation, issuedOn: dayjs(allocation.issuedOn) }
        }
      >
        <KindAndYear />
        <Form.Item name="batch" label={t('funds.batch')}>
          <Input maxLength={50} placeholder={t('funds.batchPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="amountWanYuan"
          label={t('funds.amount')}
          rules={[{ required: true, message: t('funds.required') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('funds.issuedOn')}
          rules={[{ required: true, message: t('funds.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentNumber" label={t('funds.documentNumber')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
