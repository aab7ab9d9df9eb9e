import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useDeleteCalendarOverride } from './calendar.queries';

/** Deletes the admin entry of a date (back to the official data) and says so. */
export function useRestoreOfficial() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deleteOverride = useDeleteCalendarOverride();
  const reportError = useApiErrorHandler();
  return {
    isPending: deleteOverride.isPending,
    pendingDate: deleteOverride.isPending ? deleteOverride.variables : undefined,
    run: (date: string, onDone?: () => void) =>
      deleteOverride.mutate(date, {
        onSuccess: () => {
          void message.success(t('calendar.restored', { date }));
          onDone?.();
        },
        onError: (error) => reportError(error),
      }),
  };
}
