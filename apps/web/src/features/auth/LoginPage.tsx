import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest, Me } from '@tuijin/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { currentLanguage, i18n } from '../../i18n';
import { useLogin, useMe, useSignIn } from './auth.queries';
import { asksForCaptcha, captchaIssue, LoginCaptchaField, useLoginCaptcha } from './LoginCaptcha';
import { SecondFactorForm } from './SecondFactorForm';
import { TotpEnrolment } from './TotpEnrolment';

const changePasswordPath = '/password';

function loginErrorText(error: unknown, wrongCredentials: string): string {
  const captcha = captchaIssue(error);
  if (captcha && currentLanguage() !== 'zh-CN')
    return i18n.t(captcha === 'wrong' ? 'captcha.wrong' : 'captcha.asked');
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && currentLanguage() !== 'zh-CN') {
    return wrongCredentials;
  }
  return errorText(error);
}

/** The sign-in page. Wrong password and lockout come back as the server's own message. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginRequest>();
  // After repeated failures the server asks for the image CAPTCHA; each try then uses a new one.
  const [captchaRound, setCaptchaRound] = useState(0);
  const [showCaptcha, setShowCaptcha] = useState(false);
  const captcha = useLoginCaptcha(showCaptcha, captchaRound);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [step, setStep] = useState<'password' | 'totp' | 'enrol'>('password');
  const signIn = useSignIn();

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) {
    return <Navigate to={me.data.mustChangePassword ? changePasswordPath : from} replace />;
  }

  const enter = (signedIn: Me) => {
    signIn(signedIn);
    void navigate(signedIn.mustChangePassword ? changePasswordPath : from, { replace: true });
  };
  const submit = (values: LoginRequest) =>
    login.mutate(showCaptcha && captcha.data ? { ...values, captchaId: captcha.data.id } : values, {
      onSuccess: (signedIn) => {
        if (signedIn.secondFactor) setStep(signedIn.secondFactor);
        else void navigate(signedIn.mustChangePassword ? changePasswordPath : from, { replace: true });
      },
      onError: (error) => {
        if (!showCaptcha && !asksForCaptcha(error)) return;
        setShowCaptcha(true);
        setCaptchaRound((round) => round + 1);
        form.setFieldValue('captchaAnswer', undefined);
      },
    });

  return (
    <main className="tj-login">
      <div className="tj-login-brand">
        <h1>{t('app.brand')}</h1>
        <div>{t('app.name')}</div>
      </div>
      <Card
        className="tj-login-card"
        title={step === 'enrol' ? t('twoFactor.enrolHeading') : t('login.heading')}
        extra={<LanguageSwitch />}
      >
        {step === 'totp' && <SecondFactorForm onDone={enter} onBack={() => setStep('password')} />}
        {step === 'enrol' && (
          <>
            <Alert type="info" showIcon title={t('twoFactor.enrolRequired')} style={{ marginBottom: 16 }} />
            <TotpEnrolment onDone={enter} />
          </>
        )}
        <Form<LoginRequest>
          hidden={step !== 'password'}
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
          </Form.Item>
          {showCaptcha && <LoginCaptchaField captcha={captcha} />}
          {login.isError && (
            <Alert
              type="error"
              showIcon
              title={loginErrorText(login.error, t('login.wrongCredentials'))}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
