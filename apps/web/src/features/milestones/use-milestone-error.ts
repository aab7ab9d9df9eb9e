import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useRefetchMilestones } from './milestones.queries';

/**
 * Reports a failed milestone change. When someone changed the plan or node first (CONFLICT) or the
 * plan moved on meanwhile (INVALID_TRANSITION, e.g. frozen by someone else), says so and rereads, so
 * the page shows the new versions; anything else goes to the usual handler (field errors on the form).
 */
export function useMilestoneError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refetch = useRefetchMilestones();
  return (error: unknown, form?: FormInstance) => {
    if (hasCode(error, 'CONFLICT')) {
      void message.warning(t('milestones.conflict'));
      refetch();
      return;
    }
    if (hasCode(error, 'INVALID_TRANSITION')) {
      void message.error(errorText(error));
      refetch();
      return;
    }
    onError(error, form);
  };
}
