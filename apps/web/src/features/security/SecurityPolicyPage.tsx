import { fieldCiphers, isAdminRole, passwordHashAlgorithms, roles, SecurityPolicy } from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { useCan } from '../auth/use-current-user';
import { useSecurityPolicy, useUpdateSecurityPolicy } from './security.queries';

/** The 商用密码 choices: which algorithm new password hashes and new sensitive field values use. */
const cryptoFields = { passwordHashAlgorithm: passwordHashAlgorithms, fieldCipher: fieldCiphers } as const;
type CryptoField = keyof typeof cryptoFields;
/** The policy's numeric settings (the form's number inputs). */
type Field = Exclude<keyof SecurityPolicy, CryptoField | 'twoFactorForAdmins' | 'twoFactorRoles'>;

const sections: { title: 'passwordSection' | 'lockoutSection' | 'sessionSection'; fields: Field[] }[] = [
  {
    title: 'passwordSection',
    fields: ['passwordMinLength', 'passwordMinClasses', 'passwordHistoryCount', 'passwordMaxAgeDays'],
  },
  {
    title: 'lockoutSection',
    fields: [
      'lockoutMaxFailures',
      'lockoutWindowMinutes',
      'lockoutDurationMinutes',
      'accountMaxFailures',
      'accountLockoutMinutes',
      'captchaAfterFailures',
      'addressMaxFailuresPerHour',
    ],
  },
  { title: 'sessionSection', fields: ['sessionIdleMinutes', 'sessionMaxHours'] },
];

/** Bounds of a field as the shared schema declares them, so the form and the server agree. */
const bounds = (field: Field) => {
  const schema = SecurityPolicy.shape[field];
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
};

/** The security policy: read-only unless the person may update it; saves with its version. */
export default function SecurityPolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canUpdate = useCan()('securityPolicy.update');
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useSecurityPolicy();
  const updatePolicy = useUpdateSecurityPolicy();
  const reportError = useApiErrorHandler();
  const label = useLabels();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const submit = (values: SecurityPolicy) => {
    if (!policy.data) return;
    updatePolicy.mutate(
      { ...values, version: policy.data.version },
      {
        onSuccess: () => void message.success(t('security.updated')),
        onError: (error) => reportError(error, form),
      },
    );
  };

  return (
    <Card title={t('security.title')} style={{ maxWidth: 880 }}>
      {!canUpdate && (
        <Alert type="info" showIcon title={t('security.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {policy.isError && <QueryError error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<SecurityPolicy>
          form={form}
          name="security-policy"
          layout="vertical"
          disabled={!canUpdate}
          onFinish={submit}
        >
          {sections.map((section) => (
            <div key={section.title}>
              <Divider titlePlacement="start">{t(`security.${section.title}`)}</Divider>
              <Row gutter={24}>
                {section.fields.map((field) => {
                  const { min, max } = bounds(field);
                  return (
                    <Col key={field} xs={24} md={12}>
                      <Form.Item
                        name={field}
                        label={t(`security.${field}`)}
                        extra={
                          field === 'passwordMinClasses'
                            ? `${t('security.passwordMinClassesHelp')} · ${t('security.range', { min, max })}`
                            : t('security.range', { min, max })
                        }
                        rules={[{ required: true }, { type: 'number', min, max }]}
                      >
                        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  );
                })}
              </Row>
            </div>
          ))}
          <Divider titlePlacement="start">{t('security.cryptoSection')}</Divider>
          <Row gutter={24}>
            {(Object.keys(cryptoFields) as CryptoField[]).map((field) => (
              <Col key={field} xs={24} md={12}>
                <Form.Item
                  name={field}
                  label={t(`security.${field}`)}
                  extra={t(`security.${field}Help`)}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={cryptoFields[field].map((value) => ({
                      value,
                      label: t(`security.algorithms.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Divider titlePlacement="start">{t('twoFactor.policySection')}</Divider>
          <Form.Item name="twoFactorForAdmins" valuePropName="checked">
            <Checkbox>{t('twoFactor.twoFactorForAdmins')}</Checkbox>
          </Form.Item>
          <Form.Item name="twoFactorRoles" label={t('twoFactor.twoFactorRoles')}>
            <Select
              mode="multiple"
              allowClear
              options={roles
                .filter((role) => !isAdminRole(role))
                .map((role) => ({ value: role, label: label.role(role) }))}
            />
          </Form.Item>
          {canUpdate && (
            <Button type="primary" htmlType="submit" loading={updatePolicy.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
