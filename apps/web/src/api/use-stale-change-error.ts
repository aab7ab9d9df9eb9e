import { App, type FormInstance } from 'antd';
import { hasCode } from './client';
import { errorText } from './error-text';
import { useApiErrorHandler } from './use-api-error-handler';

/**
 * Reports a failed change to a record others may change too. CONFLICT (someone changed it first)
 * shows `conflictText` and rereads; INVALID_TRANSITION (it moved on meanwhile) shows the server's
 * reason and rereads, so an open dialog offers what is allowed now; anything else goes to the usual
 * handler (field errors on the form).
 */
export function useStaleChangeError(refetch: () => void, conflictText: string) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return (error: unknown, form?: FormInstance) => {
    if (hasCode(error, 'CONFLICT')) {
      void message.warning(conflictText);
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
