import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { twoFactorKey, useTwoFactorStatus } from './auth.queries';
import { TotpEnrolment } from './TotpEnrolment';

/** 个人 › 动态口令: one's own two-factor state, and enrolment while there is no authenticator. */
export default function TwoFactorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useTwoFactorStatus();
  const queryClient = useQueryClient();
  return (
    <Card title={t('twoFactor.enrolHeading')} style={{ maxWidth: 640 }}>
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.isLoading && <Skeleton active />}
      {status.data?.isRequired && !status.data.isEnrolled && (
        <Alert type="info" showIcon title={t('twoFactor.statusRequired')} style={{ marginBottom: 16 }} />
      )}
      {status.data?.isEnrolled ? (
        <Alert
          type="success"
          showIcon
          title={t('twoFactor.statusEnrolled', { count: status.data.recoveryCodesLeft })}
        />
      ) : (
        status.data && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('twoFactor.statusNotEnrolled')}
              style={{ marginBottom: 16 }}
            />
            <TotpEnrolment
              onDone={() => {
                void message.success(t('twoFactor.enrolled'));
                void queryClient.invalidateQueries({ queryKey: twoFactorKey });
              }}
            />
          </>
        )
      )}
    </Card>
  );
}
