import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Measure, MeasureStatus, Project, ProjectServicePlan } from '@tuijin/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { MeasureDialog, MoveDialog } from './MeasureDialogs';
import { useProjectServicePlan, useSaveServicePlan } from './service-plans.queries';

export const measureStatusColours: Record<MeasureStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  done: 'green',
  cancelled: 'default',
};

/**
 * 一项目一策 tab of a project: the plan (aim, lead, counts) and its measures with their moves. Needs
 * only the project's id, so the list can show it in a drawer to a unit that cannot open the project.
 */
export function ProjectServicePlanTab({ project }: { project: Pick<Project, 'id'> }) {
  const { t } = useTranslation();
  const query = useProjectServicePlan(project.id);
  const [editingPlan, setEditingPlan] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Spin />;
  const data = query.data;
  return (
    <Flex vertical gap={12} data-testid="project-service-plan">
      {!data.canManage && <Alert type="info" showIcon message={t('servicePlans.readOnly')} />}
      <Card
        size="small"
        title={t('servicePlans.plan')}
        extra={
          data.canManage && (
            <Button
              size="small"
              type={data.plan ? 'default' : 'primary'}
              icon={data.plan ? <EditOutlined /> : <PlusOutlined />}
              onClick={() => setEditingPlan(true)}
            >
              {data.plan ? t('servicePlans.editPlan') : t('servicePlans.createPlan')}
            </Button>
          )
        }
      >
        {data.plan ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('servicePlans.summary')}>{data.plan.summary}</Descriptions.Item>
            <Descriptions.Item label={t('servicePlans.lead')}>{data.plan.lead}</Descriptions.Item>
            <Descriptions.Item label={t('servicePlans.measures')}>
              <Space wrap>
                <span data-testid="service-plan-counts">{t('servicePlans.counts', data.plan.counts)}</span>
                {data.plan.counts.overdue > 0 && (
                  <Tag color="red">{t('servicePlans.overdueCount', { count: data.plan.counts.overdue })}</Tag>
                )}
                <Typography.Text type="secondary">
                  {t('servicePlans.asOf', { date: data.asOf })}
                </Typography.Text>
              </Space>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty description={t('servicePlans.noPlan')} />
        )}
      </Card>
      {data.plan && <MeasuresCard projectId={project.id} data={data} />}
      {editingPlan && <PlanDialog projectId={project.id} data={data} onClose={() => setEditingPlan(false)} />}
    </Flex>
  );
}

function MeasuresCard({ projectId, data }: { projectId: string; data: ProjectServicePlan }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [moving, setMoving] = useState<{ measure: Measure; status: MeasureStatus } | null>(null);
  const columns: TableColumnsType<Measure> = [
    { title: t('servicePlans.content'), dataIndex: 'content' },
    { title: t('servicePlans.responsible'), dataIndex: 'responsibleOrganisationName' },
    {
      title: t('servicePlans.dueOn'),
      dataIndex: 'dueOn',
      render: (dueOn: string, row) => (
        <Space size={4}>
          {dueOn}
          {row.isOverdue && <Tag color="red">{t('servicePlans.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('servicePlans.status'),
      dataIndex: 'status',
      render: (status: MeasureStatus) => (
        <Tag color={measureStatusColours[status]}>{t(`servicePlans.statuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('servicePlans.completed'),
      key: 'completed',
      render: (_: unknown, row) =>
        [row.completedOn, row.completionNote].filter((part) => part !== null && part !== '').join(' '),
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
              type={status === 'done' ? 'primary' : 'default'}
              data-testid={`measure-move-${status}`}
              onClick={() => setMoving({ measure: row, status })}
            >
              {status === 'done'
                ? t('servicePlans.markDone')
                : `${t('servicePlans.moveTo')} ${t(`servicePlans.statuses.${status}`)}`}
            </Button>
          ))}
          {row.canEdit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(row)}
              aria-label={t('servicePlans.editMeasure')}
            />
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('servicePlans.measures')}
      data-testid="service-plan-measures"
      extra={
        data.canManage && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('servicePlans.addMeasure')}
          </Button>
        )
      }
    >
      {data.measures.length === 0 ? (
        <Empty description={t('servicePlans.noMeasures')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={data.measures}
        />
      )}
      {editing && (
        <MeasureDialog
          projectId={projectId}
          measure={editing}
          organisations={data.organisations}
          onClose={() => setEditing(null)}
        />
      )}
      {moving && (
        <MoveDialog measure={moving.measure} status={moving.status} onClose={() => setMoving(null)} />
      )}
    </Card>
  );
}

interface PlanValues {
  summary: string;
  lead: string;
}

function PlanDialog({
  projectId,
  data,
  onClose,
}: {
  projectId: string;
  data: ProjectServicePlan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<PlanValues>();
  const save = useSaveServicePlan();
  const submit = (values: PlanValues) =>
    save.mutate(
      {
        id: projectId,
        body: {
          summary: values.summary.trim(),
          lead: values.lead.trim(),
          version: data.plan?.version ?? null,
        },
      },
      {
        onSuccess: () => {
          onClose();
          void message.success(t('servicePlans.saved'));
        },
        onError: (error: unknown) => reportError(error, form),
      },
    );
  return (
    <Modal
      open
      title={data.plan ? t('servicePlans.editPlan') : t('servicePlans.createPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<PlanValues>
        form={form}
        name="service-plan"
        layout="vertical"
        onFinish={submit}
        initialValues={data.plan ? { summary: data.plan.summary, lead: data.plan.lead } : {}}
      >
        <Form.Item
          name="summary"
          label={t('servicePlans.summary')}
          extra={t('servicePlans.summaryHelp')}
          rules={[{ required: true, whitespace: true, message: t('servicePlans.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="lead"
          label={t('servicePlans.lead')}
          rules={[{ required: true, whitespace: true, message: t('servicePlans.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
