import { useTranslation } from 'react-i18next';
import { useStaleChangeError } from '../../api/use-stale-change-error';
import { useRefetchMilestones } from './milestones.queries';

/** Reports a failed milestone change; a stale plan or node is reread (see `useStaleChangeError`). */
export function useMilestoneError() {
  const { t } = useTranslation();
  return useStaleChangeError(useRefetchMilestones(), t('milestones.conflict'));
}
