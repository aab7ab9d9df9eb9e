import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';

/** The detail path with which the server asks for (or refuses) the login CAPTCHA. */
const captchaPath = 'captcha';

/** Whether a failed login asks for the image CAPTCHA (shown from then on). */
export function asksForCaptcha(error: unknown): boolean {
  return error instanceof ApiError && error.details.some((detail) => detail.path === captchaPath);
}

/**
 * The reader-language text of a CAPTCHA refusal (`issue` captcha.required / captcha.wrong), or null
 * when the error is not about the CAPTCHA.
 */
export function captchaIssue(error: unknown): 'required' | 'wrong' | null {
  if (!(error instanceof ApiError)) return null;
  const issue = error.details.find((detail) => detail.path === captchaPath)?.issue;
  return issue === 'captcha.required' || issue === 'captcha.wrong'
    ? (issue.slice(8) as 'required' | 'wrong')
    : null;
}

/** A fresh CAPTCHA for each `round`: each image is answerable once, so every try needs a new one. */
export function useLoginCaptcha(enabled: boolean, round: number) {
  return useQuery({
    queryKey: ['loginCaptcha', round],
    queryFn: () => api.call('loginCaptcha'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}

/**
 * The image CAPTCHA on the login form (issue 20 item 6): the picture comes from our own server,
 * drawn offline; `captchaAnswer` is a form field, and the image's id travels with the answer.
 */
export function LoginCaptchaField({ captcha }: { captcha: ReturnType<typeof useLoginCaptcha> }) {
  const { t } = useTranslation();
  const refresh = () => void captcha.refetch();
  return (
    <Form.Item label={t('captcha.label')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="captchaAnswer"
          noStyle
          rules={[{ required: true, whitespace: true, message: t('captcha.required') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            placeholder={t('captcha.placeholder')}
            autoComplete="off"
            maxLength={16}
            aria-label={t('captcha.label')}
          />
        </Form.Item>
        <Button
          onClick={refresh}
          title={t('captcha.refresh')}
          aria-label={t('captcha.refresh')}
          style={{ height: 'auto', padding: 0, width: 140 }}
          data-testid="login-captcha-refresh"
        >
          {captcha.isFetching ? (
            <Spin size="small" />
          ) : captcha.data ? (
            <img src={captcha.data.image} alt={t('captcha.image')} width={132} height={44} />
          ) : (
            t('captcha.loadFailed')
          )}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
