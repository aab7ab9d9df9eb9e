import type { Project } from '@tuijin/contracts';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { useProjectBankFollowUps } from './bank-matchmaking.queries';
import { FollowUpsTable } from './FollowUpsTable';

function Followups({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const followUps = useProjectBankFollowUps(projectId);
  return (
    <Card size="small" title={t('bankMatchmaking.project.title')} data-testid="project-bank-follow-ups">
      {followUps.isError && <QueryError error={followUps.error} onRetry={() => void followUps.refetch()} />}
      {followUps.data?.data.length === 0 ? (
        <Empty description={t('bankMatchmaking.project.empty')} />
      ) : (
        <FollowUpsTable rows={followUps.data?.data ?? []} loading={followUps.isPending} withProject={false} />
      )}
    </Card>
  );
}

/** 银企对接 card of the project's 资金 tab: the project's follow-up with each bank it was pushed to. */
export function ProjectBankFollowUps({ project }: { project: Pick<Project, 'id'> }) {
  const can = useCan();
  return can('bankMatchmaking.read') ? <Followups projectId={project.id} /> : null;
}
