import type { AuditEvent, Project } from '@tuijin/contracts';
import {
  type ConstructionType,
  type ProjectLevel,
  type ProjectStage,
  projectLevels,
  projectStages,
} from '@tuijin/domain';
import { Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { useRegions } from '../regions/regions.queries';
import { formatWanYuan } from './money';
import { useProjectHistory } from './projects.queries';

const isStage = (value: unknown): value is ProjectStage => projectStages.includes(value as ProjectStage);
const isLevel = (value: unknown): value is ProjectLevel => projectLevels.includes(value as ProjectLevel);

/** 操作记录: the project's audit events — when, who, what, and each changed field before → after. */
export function ProjectHistoryTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const history = useProjectHistory(project.id);
  const regions = useRegions();
  /** Names for the ids and codes an event records, as far as this page knows them. */
  const names = new Map<string, string>([
    ...(regions.data ?? []).map((region): [string, string] => [region.code, region.name]),
    [project.ownerOrganisationId, project.ownerName],
    ...project.batches.map((batch): [string, string] => [batch.id, `${batch.schemeName} · ${batch.name}`]),
  ]);
  for (const person of [project.leader, project.serviceOfficer])
    if (person) names.set(person.id, person.displayName);
  if (project.responsibleDepartment)
    names.set(project.responsibleDepartment.id, project.responsibleDepartment.name);

  /** A recorded value in words: stage and level names, grouped amounts, lists joined. */
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length ? value.map((item) => show(field, item)).join('、') : '—';
    if ((field === 'stage' || field.endsWith('Stage')) && isStage(value)) return labels.projectStage(value);
    if (field === 'levels' && isLevel(value)) return labels.projectLevel(value);
    if (field === 'constructionType' && (value === 'new' || value === 'continuing')) {
      return labels.constructionType(value as ConstructionType);
    }
    if (field.endsWith('WanYuan') && typeof value === 'string') return formatWanYuan(value);
    if (typeof value === 'string') return names.get(value) ?? value;
    return JSON.stringify(value);
  };

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 120,
      render: (_: unknown, event: AuditEvent) => event.actorDisplayName ?? event.actorName,
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', width: 140, render: labels.auditAction },
    {
      title: t('audit.changes'),
      key: 'changes',
      render: (_, event) => {
        const changes = Object.entries(event.changes ?? {});
        const reason = typeof event.detail?.reason === 'string' ? event.detail.reason : null;
        if (changes.length === 0 && !reason) {
          return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
        }
        return (
          <ul className="tj-plain-list">
            {reason && <li>{t('projects.historyReason', { reason })}</li>}
            {changes.map(([field, change]) => (
              <li key={field}>
                <Typography.Text strong>{labels.projectField(field)}</Typography.Text>
                {t('projects.labelSeparator')}
                <Typography.Text delete type="secondary">
                  {show(field, change.before)}
                </Typography.Text>{' '}
                → {show(field, change.after)}
              </li>
            ))}
          </ul>
        );
      },
    },
  ];

  return (
    <>
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at))}
        loading={history.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
