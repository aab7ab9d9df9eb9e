import type { TotpEnrolment as Enrolment, Me } from '@tuijin/contracts';
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { useConfirmTotpEnrolment, useStartTotpEnrolment } from './auth.queries';

/**
 * 绑定动态口令: show the QR code (drawn by the server) and the secret, confirm with a code, then show
 * the ten recovery codes once. `onDone` runs when the person has read them.
 */
export function TotpEnrolment({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [finished, setFinished] = useState<{ recoveryCodes: string[]; me: Me } | null>(null);

  if (finished) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={5}>{t('twoFactor.recoveryHeading')}</Typography.Title>
        <Alert type="warning" showIcon title={t('twoFactor.recoveryIntro')} />
        <List
          size="small"
          bordered
          dataSource={finished.recoveryCodes}
          renderItem={(code) => (
            <List.Item className="tj-recovery-code">
              <Typography.Text code copyable>
                {code}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button type="primary" block onClick={() => onDone(finished.me)}>
          {t('twoFactor.recoverySaved')}
        </Button>
      </Space>
    );
  }

  if (!enrolment) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('twoFactor.enrolIntro')}</Typography.Paragraph>
        {start.isError && <Alert type="error" showIcon title={errorText(start.error)} />}
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
        >
          {t('twoFactor.start')}
        </Button>
      </Space>
    );
  }

  return (
    <Form<{ code: string }>
      name="totp-enrolment"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => confirm.mutate(values, { onSuccess: setFinished })}
    >
      <Typography.Paragraph>{t('twoFactor.enrolIntro')}</Typography.Paragraph>
      <img src={enrolment.qrDataUrl} alt={t('twoFactor.qrAlt')} width={200} height={200} />
      <Form.Item label={t('twoFactor.secret')}>
        <Typography.Text code copyable data-testid="totp-secret">
          {enrolment.secret}
        </Typography.Text>
      </Form.Item>
      <Form.Item
        name="code"
        label={t('twoFactor.confirmCode')}
        rules={[{ required: true, whitespace: true, message: t('twoFactor.codeRequired') }]}
      >
        <Input autoComplete="one-time-code" maxLength={8} inputMode="numeric" />
      </Form.Item>
      {confirm.isError && (
        <Alert type="error" showIcon title={errorText(confirm.error)} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={confirm.isPending}>
        {t('twoFactor.confirm')}
      </Button>
    </Form>
  );
}
