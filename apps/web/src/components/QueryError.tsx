import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** An inline notice for a read that failed, with a retry button. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorText(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
