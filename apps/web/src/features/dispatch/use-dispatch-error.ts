import { useTranslation } from 'react-i18next';
import { useStaleChangeError } from '../../api/use-stale-change-error';
import { useRefetchDispatch } from './dispatch.queries';

/** Reports a failed dispatch change; a stale series, meeting or task is reread (see `useStaleChangeError`). */
export function useDispatchError() {
  const { t } = useTranslation();
  return useStaleChangeError(useRefetchDispatch(), t('dispatch.conflict'));
}
