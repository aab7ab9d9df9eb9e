import type { ProjectListItem } from '@tuijin/contracts';
import type { TableColumnType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/use-labels';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { LevelTags, StageTag, TextTags } from './ProjectTags';
import type { ProjectSort, SortOrder } from './project-list-params';

export type ProjectColumn = TableColumnType<ProjectListItem> & { key: string; title: string };

/** Columns shown until the person chooses otherwise. */
export const defaultProjectColumns = [
  'code',
  'regionName',
  'ownerName',
  'stage',
  'levels',
  'domain',
  'totalInvestmentWanYuan',
  'ytdRatePercent',
  'startYear',
  'endYear',
];

/** Columns that sort on the server, and the sort field each one sends. */
const sortFields: Partial<Record<string, ProjectSort>> = {
  name: 'name',
  code: 'code',
  regionName: 'regionCode',
  stage: 'stage',
  totalInvestmentWanYuan: 'totalInvestmentWanYuan',
  startYear: 'startYear',
  ytdRatePercent: 'ytdRate',
};

export const sortFieldOf = (columnKey: string | undefined) => (columnKey ? sortFields[columnKey] : undefined);

/**
 * The list's columns. The name (a link to the project page) always shows; the rest are optional.
 * `sort`/`order` mark the column the server sorted by.
 */
export function useProjectColumns(sort: ProjectSort | undefined, order: SortOrder | undefined) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sorting = (key: string): Partial<ProjectColumn> => {
    const field = sortFields[key];
    if (!field) return {};
    return {
      sorter: true,
      sortOrder: sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null,
    };
  };
  const column = (key: string, extra: Partial<ProjectColumn> = {}): ProjectColumn => ({
    key,
    dataIndex: key,
    title: labels.projectField(key),
    ...sorting(key),
    ...extra,
  });

  const nameColumn = column('name', {
    fixed: 'left',
    width: 240,
    render: (name: string, project) => (
      <Link to={`/projects/${project.id}`} data-testid="project-link">
        {name}
      </Link>
    ),
  });
  const optional: ProjectColumn[] = [
    column('code', { width: 200 }),
    column('regionName', {
      title: t('projects.region'),
      render: (name: string) => <span data-testid="project-region">{name}</span>,
    }),
    column('ownerName', { title: t('projects.owner'), ellipsis: true, width: 200 }),
    column('stage', { render: (_, project) => <StageTag stage={project.stage} /> }),
    column('levels', { render: (_, project) => <LevelTags levels={project.levels} /> }),
    column('domain'),
    column('industry'),
    column('constructionType', { render: (_, project) => labels.constructionType(project.constructionType) }),
    column('totalInvestmentWanYuan', {
      ...amountColumn,
      render: (amount: string) => formatTableAmount(amount),
    }),
    column('ytdCompletedWanYuan', {
      ...amountColumn,
      render: (amount: string | null) => (amount === null ? '—' : formatTableAmount(amount)),
    }),
    column('ytdRatePercent', {
      align: 'right',
      width: 130,
      render: (percent: string | null) => (
        <span data-testid="project-ytd-rate">{percent === null ? '—' : `${percent}%`}</span>
      ),
    }),
    column('startYear'),
    column('endYear'),
    column('tags', { render: (_, project) => <TextTags values={project.tags} /> }),
    column('projectClass', { render: (value: string | null) => value ?? '' }),
    column('leaderName', { title: t('projects.leader') }),
    column('departmentName', { title: t('projects.department') }),
    column('batchNames', {
      title: t('projects.batches'),
      render: (_, project) => <TextTags values={project.batchNames} />,
    }),
  ];
  return { nameColumn, optional };
}
