import { PaperClipOutlined } from '@ant-design/icons';
import type { EvidencePhoto, MilestoneNode, ProjectMilestones } from '@tuijin/contracts';
import { Button, Image, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectFileUrl, projectThumbnailUrl } from '../../api/project-files';
import { PhotoEvidenceTags } from '../../components/photo-evidence/PhotoEvidenceTags';
import { nodeStatus } from './milestone-logic';

/**
 * 佐证: the node's evidence file — a photo as a small thumbnail (a tap shows it whole) with its
 * warning tags against the project and the week up to the day reached; a document as a link.
 */
function NodeEvidence({ file }: { file: EvidencePhoto }) {
  const { t } = useTranslation();
  const url = projectFileUrl(file.projectId, file.id);
  return (
    <Space orientation="vertical" size={2} data-testid="milestone-evidence">
      {file.kind === 'photo' && file.hasThumbnail ? (
        <Space size={6} align="center">
          <Image
            src={projectThumbnailUrl(file.projectId, file.id)}
            alt={file.name}
            preview={{ src: url }}
            width={48}
            height={36}
            style={{ objectFit: 'cover' }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('photos.node.evidence')}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Link href={url} download={file.name} style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {file.name}
        </Typography.Link>
      )}
      <PhotoEvidenceTags evidence={file.evidence} scope="event" />
    </Space>
  );
}

interface NodeTableProps {
  plan: ProjectMilestones;
  onAdjust: (node: MilestoneNode) => void;
  onRecordActual: (node: MilestoneNode) => void;
}

/**
 * The nodes in plan order: duration, baseline, plan (and how far it slipped from the baseline),
 * actual date and status, with 调整 for whoever manages the plan and 填报完成 for whoever records
 * progress on a node not reached yet. The action column is left out of the print.
 */
export function NodeTable({ plan, onAdjust, onRecordActual }: NodeTableProps) {
  const { t } = useTranslation();
  const none = t('milestones.empty');
  const hasActions = plan.canManage || plan.canRecordActual;
  return (
    <Table<MilestoneNode>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={plan.nodes}
      data-testid="milestone-nodes"
      columns={[
        { key: 'name', title: t('milestones.fields.name'), dataIndex: 'name' },
        {
          key: 'durationDays',
          title: t('milestones.fields.durationDays'),
          dataIndex: 'durationDays',
          align: 'right',
        },
        {
          key: 'baselineOn',
          title: t('milestones.fields.baselineOn'),
          render: (_, node) => node.baselineOn ?? none,
        },
        {
          key: 'plannedOn',
          title: t('milestones.fields.plannedOn'),
          render: (_, node) => (
            <Space orientation="vertical" size={0}>
              <span>{node.plannedOn}</span>
              {node.slipDays > 0 && (
                <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="milestone-slip">
                  {t('milestones.slip', { days: node.slipDays })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'actualOn',
          title: t('milestones.fields.actualOn'),
          render: (_, node) =>
            node.actualOn ? (
              <Space orientation="vertical" size={0}>
                <span>{node.actualOn}</span>
                {node.actualNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {node.actualNote}
                  </Typography.Text>
                )}
                {node.actualFile && <NodeEvidence file={node.actualFile} />}
              </Space>
            ) : (
              none
            ),
        },
        {
          key: 'status',
          title: t('milestones.fields.status'),
          render: (_, node) => {
            const status = nodeStatus(node, plan.today);
            return (
              <Tag color={status.tone} data-testid="milestone-status" data-status={status.key}>
                {t(`milestones.${status.key}`, status.values)}
              </Tag>
            );
          },
        },
        ...(hasActions
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                className: 'tj-no-print',
                render: (_: unknown, node: MilestoneNode) => (
                  <Space size={0} wrap>
                    {plan.canManage && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => onAdjust(node)}
                        data-testid="milestone-adjust"
                      >
                        {t('milestones.adjust.action')}
                      </Button>
                    )}
                    {plan.canRecordActual && !node.actualOn && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => onRecordActual(node)}
                        data-testid="milestone-actual"
                      >
                        {t('milestones.actual.action')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
