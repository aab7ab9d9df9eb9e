import { DownloadOutlined, LockOutlined, PrinterOutlined, RedoOutlined } from '@ant-design/icons';
import type { MilestoneNode, Project, ProjectMilestones } from '@tuijin/contracts';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useProjectApprovals } from '../approvals/approvals.queries';
import { useCan } from '../auth/use-current-user';
import { downloadSvgAsPng, printMilestones } from './chart-export';
import { ProjectFishbone } from './FishboneChart';
import { MilestoneGantt } from './MilestoneGantt';
import { chartFileName, isAdjustReasonRequired, summaryParts } from './milestone-logic';
import { useFreezeMilestones, useProjectMilestones } from './milestones.queries';
import { AdjustNodeModal, RecordActualModal } from './NodeDialogs';
import { NodeTable } from './NodeTable';
import { PlanCard, ReplanModal } from './PlanForm';
import { useMilestoneError } from './use-milestone-error';
import './milestones.css';

type View = 'gantt' | 'fishbone';
type Dialog = { kind: 'adjust' | 'actual'; nodeId: string } | { kind: 'replan' };
type Plan = NonNullable<ProjectMilestones['plan']>;

/** The plan's template, target, status, and for the office 重新倒排 and 冻结为基线 while a draft. */
function PlanHeader({ data, plan, onReplan }: { data: ProjectMilestones; plan: Plan; onReplan: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const freeze = useFreezeMilestones();
  const onError = useMilestoneError();
  const target = data.nodes.find((node) => node.code === plan.targetCode);
  const isDraft = plan.status === 'draft';
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap data-testid="milestone-plan">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ flex: '1 1 480px' }}
        items={[
          { key: 'template', label: t('milestones.header.template'), children: plan.templateName },
          {
            key: 'target',
            label: t('milestones.header.target'),
            children: t('milestones.header.targetValue', {
              name: target?.name ?? plan.targetCode,
              date: plan.targetOn,
            }),
          },
          {
            key: 'status',
            label: t('milestones.header.status'),
            children: (
              <span data-testid="milestone-plan-status" data-status={plan.status}>
                <Tag color={isDraft ? 'default' : 'blue'}>{t(`milestones.planStatus.${plan.status}`)}</Tag>
                {plan.frozenOn && (
                  <Typography.Text type="secondary">
                    {t('milestones.frozenOn', { date: plan.frozenOn })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
        ]}
      />
      {data.canManage && isDraft && (
        <Space wrap>
          <Button icon={<RedoOutlined />} onClick={onReplan} data-testid="milestone-replan">
            {t('milestones.plan.replan')}
          </Button>
          <Popconfirm
            title={t('milestones.plan.freeze')}
            description={t('milestones.plan.freezeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ loading: freeze.isPending }}
            onConfirm={() =>
              freeze.mutateAsync({ projectId: data.projectId, version: plan.version }).then(
                () => void message.success(t('milestones.plan.frozenDone')),
                (error: unknown) => onError(error),
              )
            }
          >
            <Button type="primary" icon={<LockOutlined />} data-testid="milestone-freeze">
              {t('milestones.plan.freeze')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Flex>
  );
}

/** 共 N 个节点，已完成 n，超期 n，本月到期 n — late and due-this-month counts stand out when any. */
function SummaryLine({ summary }: { summary: ProjectMilestones['summary'] }) {
  const { t } = useTranslation();
  return (
    <div className="tj-milestone-summary" data-testid="milestone-summary">
      {summaryParts(summary).map((part) => (
        <Typography.Text key={part.key} type={part.tone === 'secondary' ? undefined : part.tone}>
          {t(`milestones.${part.key}`, part.values)}
        </Typography.Text>
      ))}
    </div>
  );
}

/** 冻结后调整记录: node, from → to, reason, who and when. */
function AdjustmentList({ adjustments }: { adjustments: ProjectMilestones['adjustments'] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="milestone-adjustments">
      <Typography.Title level={5}>{t('milestones.adjustments.title')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={adjustments}
        locale={{ emptyText: t('milestones.adjustments.empty') }}
        columns={[
          { key: 'node', title: t('milestones.adjustments.node'), dataIndex: 'nodeName' },
          {
            key: 'change',
            title: t('milestones.adjustments.change'),
            render: (_, row) => t('milestones.adjustments.changeValue', { from: row.fromOn, to: row.toOn }),
          },
          { key: 'reason', title: t('milestones.adjustments.reason'), dataIndex: 'reason' },
          { key: 'actor', title: t('milestones.adjustments.actor'), dataIndex: 'actorName' },
          {
            key: 'at',
            title: t('milestones.adjustments.at'),
            render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </div>
  );
}

/** The chart with 导出图片 and 打印, and the node table; what is printed is this block alone. */
function PlanChart({
  project,
  data,
  onAdjust,
  onRecordActual,
}: {
  project: Project;
  data: ProjectMilestones;
  onAdjust: (node: MilestoneNode) => void;
  onRecordActual: (node: MilestoneNode) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const approvals = useProjectApprovals(project.id, can('approval.read'));
  const svg = useRef<SVGSVGElement>(null);
  const [isExporting, setExporting] = useState(false);
  const exportImage = async () => {
    if (!svg.current) return;
    setExporting(true);
    try {
      await downloadSvgAsPng(svg.current, chartFileName(t('milestones.gantt.title'), data.projectName));
    } catch {
      void message.error(t('milestones.gantt.exportFailed'));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end" gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={isExporting}
          onClick={() => void exportImage()}
          data-testid="milestone-export"
        >
          {t('milestones.gantt.exportImage')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={printMilestones} data-testid="milestone-print">
          {t('milestones.gantt.print')}
        </Button>
      </Flex>
      <div className="tj-milestone-print">
        <Flex vertical gap={12}>
          <MilestoneGantt plan={data} approvals={approvals.data} svgRef={svg} />
          <NodeTable plan={data} onAdjust={onAdjust} onRecordActual={onRecordActual} />
        </Flex>
      </div>
    </Flex>
  );
}

/**
 * 节点计划 tab of the project page: without a plan, the 倒排 form for the office (an empty note for
 * others); with one, its header, the summary, the 时间节点图 (approvals and nodes) with export and
 * print, the node table with 调整 and 填报完成, the adjustments after freezing; and the 鱼刺图.
 */
export function ProjectMilestonesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  const mayRead = can('milestone.read');
  const milestones = useProjectMilestones(project.id, mayRead);
  const [view, setView] = useState<View>('gantt');
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (!mayRead) return <Empty description={t('milestones.noRead')} />;
  if (milestones.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (milestones.isError)
    return <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} />;

  const data = milestones.data;
  const plan = data.plan;
  const close = () => setDialog(null);
  const node =
    dialog && dialog.kind !== 'replan' ? data.nodes.find((n) => n.id === dialog.nodeId) : undefined;

  const ganttView = plan ? (
    <Flex vertical gap={16}>
      <PlanChart
        project={project}
        data={data}
        onAdjust={(target) => setDialog({ kind: 'adjust', nodeId: target.id })}
        onRecordActual={(target) => setDialog({ kind: 'actual', nodeId: target.id })}
      />
      {(plan.status === 'frozen' || data.adjustments.length > 0) && (
        <AdjustmentList adjustments={data.adjustments} />
      )}
    </Flex>
  ) : data.canManage ? (
    <PlanCard project={project} approvalStart={data.approvalStart} />
  ) : (
    <Empty description={t('milestones.noPlan')} data-testid="milestone-empty" />
  );

  return (
    <Flex vertical gap={16} data-testid="project-milestones">
      {plan && <PlanHeader data={data} plan={plan} onReplan={() => setDialog({ kind: 'replan' })} />}
      {plan && <SummaryLine summary={data.summary} />}
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'gantt', label: t('milestones.view.gantt') },
          { value: 'fishbone', label: t('milestones.view.fishbone') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="milestone-view"
      />
      {view === 'gantt' ? ganttView : <ProjectFishbone projectId={project.id} />}
      {dialog?.kind === 'replan' && plan && (
        <ReplanModal project={project} approvalStart={data.approvalStart} plan={plan} onClose={close} />
      )}
      {dialog?.kind === 'adjust' && node && (
        <AdjustNodeModal node={node} isReasonRequired={isAdjustReasonRequired(plan)} onClose={close} />
      )}
      {dialog?.kind === 'actual' && node && (
        <RecordActualModal node={node} projectId={project.id} today={data.today} onClose={close} />
      )}
    </Flex>
  );
}
