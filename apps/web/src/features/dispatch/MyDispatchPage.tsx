import type { MyDispatch } from '@tuijin/contracts';
import type { ProjectStage } from '@tuijin/domain';
import { Card, Descriptions, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { CadenceCounts, EvidenceLinks, MonthPicker, ShortfallTag } from './CadenceBits';
import { todayIso } from './DispatchBits';
import { monthOf } from './visit-logic';
import { useMyDispatch } from './visits.queries';
import './dispatch.css';

const colourTags: Record<'red' | 'yellow' | 'green', string> = { red: 'red', yellow: 'gold', green: 'green' };

/** One linked project: colour, completion against 序时进度, open problems and tasks. */
function ProjectItem({ project, time }: { project: MyDispatch['projects'][number]; time: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <List.Item data-testid="my-project">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <Link to={`/projects/${project.id}`}>{project.name}</Link>
          {project.colour ? (
            <Tag color={colourTags[project.colour]}>{t(`myDispatch.colours.${project.colour}`)}</Tag>
          ) : (
            <Tag>{t('myDispatch.colours.none')}</Tag>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {project.regionName} · {labels.projectStage(project.stage as ProjectStage)}
        </Typography.Text>
        {project.completion === null ? (
          <Typography.Text type="secondary">{t('myDispatch.noPlan')}</Typography.Text>
        ) : (
          <Flex align="center" gap={8} wrap>
            <Progress
              percent={Math.min(100, Number(project.completion))}
              format={() => `${project.completion}%`}
              status={project.behind ? 'exception' : 'normal'}
              size="small"
              style={{ flex: '1 1 160px', margin: 0 }}
            />
            <Typography.Text type={project.behind ? 'danger' : 'secondary'}>
              {t('myDispatch.timeProgress', { percent: time })}
            </Typography.Text>
          </Flex>
        )}
        <Flex gap={16} wrap>
          <Link to={`/projects/${project.id}?tab=problems`}>
            {t('myDispatch.openProblems', { count: project.openProblems })}
          </Link>
          <span className={project.openTasks > 0 ? 'tj-task-overdue' : undefined}>
            {t('myDispatch.openTasks', { count: project.openTasks })}
          </span>
        </Flex>
      </Flex>
    </List.Item>
  );
}

/**
 * 我的调度 (the linked leader's own page): this month's cadence — required against held, each
 * dispatch opening its evidence — and the projects the leader is linked to, with their colour and
 * completion against 序时进度 of the latest reporting month, open problems and tasks.
 */
export default function MyDispatchPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => monthOf(todayIso()));
  const mine = useMyDispatch(month);
  const data = mine.data;
  const cadence = data?.cadence;
  return (
    <Flex vertical gap={16}>
      {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      <Card
        size="small"
        title={t('myDispatch.cadenceTitle')}
        extra={<MonthPicker month={month} onChange={setMonth} data-testid="my-month" />}
        data-testid="my-cadence"
      >
        {cadence ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('cadence.required')}>{cadence.required}</Descriptions.Item>
            <Descriptions.Item label={t('cadence.held')}>
              <CadenceCounts row={cadence} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cadence.shortBy')}>
              <ShortfallTag row={cadence} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cadence.evidence')}>
              <EvidenceLinks evidence={cadence.evidence} />
            </Descriptions.Item>
          </Descriptions>
        ) : (
          data && <Typography.Text type="secondary">{t('myDispatch.noCadence')}</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('myDispatch.projectsTitle', { count: data?.projects.length ?? 0 })}
        extra={
          data && (
            <Typography.Text type="secondary">
              {t('myDispatch.asOf', { month: data.reportingMonth })}
            </Typography.Text>
          )
        }
      >
        <List
          loading={mine.isFetching}
          dataSource={data?.projects ?? []}
          locale={{ emptyText: <Empty description={t('myDispatch.noProjects')} /> }}
          pagination={(data?.projects.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(project) => <ProjectItem project={project} time={data?.timeProgress ?? '0.0'} />}
          data-testid="my-projects"
        />
      </Card>
    </Flex>
  );
}
