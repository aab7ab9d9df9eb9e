import type { Project } from '@tuijin/contracts';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTableAmount } from '../../lib/amount';
import { useCan } from '../auth/use-current-user';
import { useProjectPromotionLead } from './promotion.queries';

/** On the project's 概况: the promotion lead it came from, when there is one and the reader sees leads. */
export function ProjectPromotionLeadCard({ project }: { project: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const query = useProjectPromotionLead(project.id, can('promotion.read'));
  const lead = query.data?.lead;
  if (!lead) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="project-promotion-lead"
      title={t('promotion.projectCard.title')}
      description={t('promotion.projectCard.line', {
        name: lead.name,
        investor: lead.investorName,
        signedOn: lead.signedOn ?? '—',
        amount: lead.contractWanYuan ? formatTableAmount(lead.contractWanYuan) : '—',
        stage: lead.stageName,
      })}
      action={
        <Button size="small" onClick={() => void navigate(`/promotion?lead=${lead.id}`)}>
          {t('promotion.projectCard.open')}
        </Button>
      }
    />
  );
}
