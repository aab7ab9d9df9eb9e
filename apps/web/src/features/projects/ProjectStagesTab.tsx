import { SwapOutlined } from '@ant-design/icons';
import type { Project } from '@tuijin/contracts';
import { Button, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { ChangeStageModal } from './ChangeStageModal';
import { StageTag } from './ProjectTags';
import { useStageChanges } from './projects.queries';

/** 阶段记录: the project's stage changes, newest first, and 变更阶段 for those who may. */
export function ProjectStagesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const changes = useStageChanges(project.id);
  const [isChanging, setChanging] = useState(false);
  const newestFirst = [...(changes.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <span>
          {t('projects.currentStage')} <StageTag stage={project.stage} />
          {project.stageChangedOn && (
            <Typography.Text type="secondary">
              {t('projects.since', { date: project.stageChangedOn })}
            </Typography.Text>
          )}
        </span>
        {project.abilities.changeStage && (
          <Button
            type="primary"
            icon={<SwapOutlined />}
            onClick={() => setChanging(true)}
            data-testid="project-change-stage"
          >
            {t('projects.changeStage')}
          </Button>
        )}
      </Flex>
      {changes.isError && <QueryError error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.isPending ? (
        <Spin />
      ) : newestFirst.length === 0 ? (
        <Empty description={t('projects.noStageChanges')} />
      ) : (
        <Timeline
          items={newestFirst.map((change) => ({
            key: change.id,
            title: change.changedOn,
            content: (
              <Flex vertical gap={2}>
                <span>
                  {change.fromStage ? `${labels.projectStage(change.fromStage)} → ` : ''}
                  <StageTag stage={change.toStage} />
                </span>
                <span className="tj-prewrap">{change.reason}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {change.actorName} · {dayjs(change.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
      {isChanging && <ChangeStageModal project={project} onClose={() => setChanging(false)} />}
    </Flex>
  );
}
