import { useTranslation } from 'react-i18next';
import { useStaleChangeError } from '../../api/use-stale-change-error';
import { useRefetchApprovals } from './approvals.queries';

/** Reports a failed approval change; a stale item or checklist is reread (see `useStaleChangeError`). */
export function useApprovalError() {
  const { t } = useTranslation();
  return useStaleChangeError(useRefetchApprovals(), t('approvals.conflict'));
}
