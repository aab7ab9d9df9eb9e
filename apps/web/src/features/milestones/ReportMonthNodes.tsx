import type { MilestoneNode } from '@tuijin/contracts';
import { nodesForReportMonth } from '@tuijin/domain';
import { Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-current-user';
import { useProjectMilestones } from './milestones.queries';
import { RecordActualModal } from './NodeDialogs';

interface ReportMonthNodesProps {
  projectId: string;
  year: number;
  month: number;
  /** The owner's form offers 填报完成 (the node's own use case, whatever the report's state); the review drawer only reads. */
  isEditable: boolean;
}

/**
 * 本月节点 on a monthly report: the project's nodes planned in the report's month and the overdue
 * ones not reached (domain `nodesForReportMonth`), each with its planned and actual date; on the
 * owner's form a node not reached has 填报完成 (date and evidence, the node tab's use case). Nothing
 * when the project has no node plan.
 */
export function ReportMonthNodes({ projectId, year, month, isEditable }: ReportMonthNodesProps) {
  const { t } = useTranslation();
  const can = useCan();
  const milestones = useProjectMilestones(projectId, can('milestone.read'));
  const [recording, setRecording] = useState<MilestoneNode | null>(null);
  const data = milestones.data;
  if (!data?.plan) return null;
  const nodes = nodesForReportMonth(data.nodes, year, month);
  const mayRecord = isEditable && data.canRecordActual;

  return (
    <div data-testid="report-month-nodes">
      <Typography.Title level={5}>{t('milestones.report.title')}</Typography.Title>
      {nodes.length === 0 ? (
        <Typography.Text type="secondary">{t('milestones.report.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {nodes.map((node) => (
            <Flex
              key={node.id}
              justify="space-between"
              align="center"
              gap={8}
              wrap
              className="tj-report-node"
              data-testid="report-month-node"
            >
              <Flex vertical gap={2}>
                <Typography.Text strong>{node.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {node.actualOn
                    ? t('milestones.report.reached', { planned: node.plannedOn, actual: node.actualOn })
                    : t('milestones.report.planned', { date: node.plannedOn })}
                </Typography.Text>
              </Flex>
              {node.actualOn ? (
                <Tag color="success">{t('milestones.report.done')}</Tag>
              ) : (
                <Flex gap={4} align="center">
                  <Tag color={node.overdue ? 'error' : 'processing'}>
                    {node.overdue ? t('milestones.report.overdue') : t('milestones.report.due')}
                  </Tag>
                  {mayRecord && (
                    <Button size="small" onClick={() => setRecording(node)} data-testid="report-node-actual">
                      {t('milestones.actual.action')}
                    </Button>
                  )}
                </Flex>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {recording && (
        <RecordActualModal
          node={recording}
          projectId={projectId}
          today={data.today}
          onClose={() => setRecording(null)}
        />
      )}
    </div>
  );
}
