import { SafetyOutlined } from '@ant-design/icons';
import type { Me } from '@tuijin/contracts';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { useVerifySecondFactor } from './auth.queries';

/** 登录第二步: the authenticator's code (or a recovery code) after the password. */
export function SecondFactorForm({ onDone, onBack }: { onDone: (me: Me) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  return (
    <Form<{ code: string }>
      name="second-factor"
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={(values) => verify.mutate(values, { onSuccess: onDone })}
    >
      <Typography.Title level={5}>{t('twoFactor.codeHeading')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('twoFactor.codeIntro')}</Typography.Paragraph>
      <Form.Item
        name="code"
        label={t('twoFactor.code')}
        rules={[{ required: true, whitespace: true, message: t('twoFactor.codeRequired') }]}
      >
        <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" autoFocus maxLength={32} />
      </Form.Item>
      {verify.isError && (
        <Alert type="error" showIcon title={errorText(verify.error)} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" block loading={verify.isPending}>
        {t('twoFactor.verify')}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('twoFactor.backToPassword')}
      </Button>
    </Form>
  );
}
