import { useTranslation } from 'react-i18next';
import { useStaleChangeError } from '../../api/use-stale-change-error';
import { useRefetchBulletins } from './bulletins.queries';

/** Reports a failed bulletin change; a stale bulletin or template is reread (see `useStaleChangeError`). */
export function useBulletinError() {
  const { t } = useTranslation();
  return useStaleChangeError(useRefetchBulletins(), t('bulletins.conflict'));
}
