import type { Project } from '@tuijin/contracts';
import { Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../i18n/use-labels';
import { ProjectPromotionLeadCard } from '../promotion/ProjectPromotionLeadCard';
import { ProjectWarningsCard } from '../warnings/ProjectWarningsCard';
import { formatWanYuan, wanYuanToYiYuan } from './money';
import { LevelTags, StageTag, TextTags } from './ProjectTags';

const yearMonth = (year: number, month: number | null) =>
  month ? `${year}-${String(month).padStart(2, '0')}` : `${year}`;

/** 概况: every field of the project as a description list. */
export function ProjectOverviewTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const show = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
  const item = (key: string, children: ReactNode, span?: number | 'filled') => ({
    key,
    label: labels.projectField(key),
    children: show(children),
    ...(span ? { span } : {}),
  });
  const hasCoordinates = project.longitude !== null && project.latitude !== null;

  const items: DescriptionsProps['items'] = [
    item('name', project.name, 2),
    item('code', project.code),
    { key: 'owner', label: t('projects.owner'), children: project.ownerName },
    { key: 'region', label: t('projects.region'), children: project.regionName },
    item('stage', <StageTag stage={project.stage} />),
    item('levels', <LevelTags levels={project.levels} />),
    item('constructionType', labels.constructionType(project.constructionType)),
    item('domain', project.domain),
    item('industry', project.industry),
    item('sector', project.sector ? labels.sector(project.sector) : null),
    item(
      'totalInvestmentWanYuan',
      t('projects.investmentValue', {
        wanYuan: formatWanYuan(project.totalInvestmentWanYuan),
        yiYuan: wanYuanToYiYuan(project.totalInvestmentWanYuan),
      }),
    ),
    {
      key: 'start',
      label: t('projects.plannedStart'),
      children: yearMonth(project.startYear, project.startMonth),
    },
    { key: 'end', label: t('projects.plannedEnd'), children: yearMonth(project.endYear, project.endMonth) },
    item(
      'fundingSources',
      project.fundingSources.length ? <TextTags values={project.fundingSources} /> : null,
    ),
    item('tags', project.tags.length ? <TextTags values={project.tags} /> : null),
    item('projectClass', project.projectClass),
    {
      key: 'batches',
      label: t('projects.batches'),
      children: show(
        project.batches.length ? (
          <TextTags values={project.batches.map((batch) => `${batch.schemeName} · ${batch.name}`)} />
        ) : null,
      ),
    },
    {
      key: 'stageChangedOn',
      label: t('projects.stageChangedOn'),
      children: show(project.stageChangedOn),
    },
    {
      key: 'actualDates',
      label: t('projects.actualDates'),
      children: show(
        project.actualStartOn || project.actualCompletionOn || project.actualOperationOn
          ? [
              project.actualStartOn && t('projects.actualStartOn', { date: project.actualStartOn }),
              project.actualCompletionOn &&
                t('projects.actualCompletionOn', { date: project.actualCompletionOn }),
              project.actualOperationOn &&
                t('projects.actualOperationOn', { date: project.actualOperationOn }),
            ]
              .filter(Boolean)
              .join('；')
          : null,
      ),
    },
    item('address', project.address, 2),
    {
      key: 'coordinates',
      label: t('projects.coordinates'),
      children: show(hasCoordinates ? `${project.longitude}, ${project.latitude}` : null),
    },
    item(
      'scaleContent',
      project.scaleContent ? <span className="tj-prewrap">{project.scaleContent}</span> : null,
      'filled',
    ),
    {
      key: 'createdAt',
      label: t('projects.createdAt'),
      children: dayjs(project.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'updatedAt',
      label: t('projects.updatedAt'),
      children: dayjs(project.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} items={items} />
      <ProjectWarningsCard project={project} />
      <ProjectPromotionLeadCard project={project} />
    </Flex>
  );
}
