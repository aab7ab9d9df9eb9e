import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useRefetchApprovals } from './approvals.queries';

/**
 * Reports a failed approval change. When someone changed the item first (CONFLICT) or moved it
 * meanwhile (INVALID_TRANSITION), says so and rereads the checklist, so the open dialog shows the new
 * version and the moves allowed now; anything else goes to the usual handler (field errors on the form).
 */
export function useApprovalError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refetch = useRefetchApprovals();
  return (error: unknown, form?: FormInstance) => {
    if (hasCode(error, 'CONFLICT')) {
      void message.warning(t('approvals.conflict'));
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
