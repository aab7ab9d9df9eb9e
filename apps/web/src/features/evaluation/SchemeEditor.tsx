import type { EvaluationRules, EvaluationScheme } from '@tuijin/contracts';
import { type EvaluationIndicatorKey, evaluationIndicatorKeys, isPointsText } from '@tuijin/domain';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { useUpdateEvaluationScheme } from './evaluation.queries';

interface FormValues {
  name: string;
  weights: Record<EvaluationIndicatorKey, { include: boolean; weight: string }>;
  redTopN: number;
  blackBottomM: number;
  requireTimeProgress: boolean;
  passScore: string;
}

function toForm(scheme: EvaluationScheme): FormValues {
  const weights = Object.fromEntries(
    evaluationIndicatorKeys.map((key) => {
      const found = scheme.rules.indicators.find((i) => i.key === key);
      return [key, { include: found !== undefined, weight: found?.weight ?? '10' }];
    }),
  ) as FormValues['weights'];
  return {
    name: scheme.name,
    weights,
    redTopN: scheme.rules.redTopN,
    blackBottomM: scheme.rules.blackBottomM,
    requireTimeProgress: scheme.rules.requireTimeProgress,
    passScore: scheme.rules.passScore ?? '',
  };
}

function toRules(values: FormValues): EvaluationRules {
  return {
    indicators: evaluationIndicatorKeys
      .filter((key) => values.weights[key].include)
      .map((key) => ({ key, weight: values.weights[key].weight.trim() })),
    redTopN: values.redTopN,
    blackBottomM: values.blackBottomM,
    requireTimeProgress: values.requireTimeProgress,
    passScore: values.passScore.trim() === '' ? null : values.passScore.trim(),
  };
}

/** 方案设置: weights per indicator, the quarterly target and the red/black cut-offs; saving bumps the version. */
export function SchemeEditor({ scheme }: { scheme: EvaluationScheme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateEvaluationScheme();
  useEffect(() => form.setFieldsValue(toForm(scheme)), [form, scheme]);
  const weights = Form.useWatch('weights', form);
  const total = weights
    ? evaluationIndicatorKeys
        .filter((key) => weights[key]?.include && isPointsText(weights[key].weight ?? ''))
        .reduce((sum, key) => sum + Math.round(Number(weights[key].weight) * 100), 0) / 100
    : 0;
  const save = (values: FormValues) =>
    update.mutate(
      { id: scheme.id, version: scheme.version, name: values.name, rules: toRules(values) },
      {
        onSuccess: (saved) => void message.success(t('evaluation.editor.saved', { version: saved.version })),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={save}
      disabled={!scheme.canManage}
      initialValues={toForm(scheme)}
      style={{ maxWidth: 640 }}
    >
      {!scheme.canManage && (
        <Alert type="info" showIcon title={t('evaluation.editor.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph type="secondary">
        {t('evaluation.editor.version', { version: scheme.version })}
      </Typography.Paragraph>
      <Form.Item
        name="name"
        label={t('evaluation.editor.name')}
        rules={[{ required: true, message: t('evaluation.adjust.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label={t('evaluation.editor.weights')}
        extra={t('evaluation.editor.weightTotal', { total: total.toFixed(2) })}
      >
        {evaluationIndicatorKeys.map((key) => (
          <Space key={key} style={{ display: 'flex', marginBottom: 8 }} align="baseline">
            <Form.Item name={['weights', key, 'include']} valuePropName="checked" noStyle>
              <Checkbox style={{ width: 200 }}>{t(`evaluation.indicators.${key}`)}</Checkbox>
            </Form.Item>
            <Form.Item
              name={['weights', key, 'weight']}
              style={{ marginBottom: 0 }}
              rules={[
                {
                  validator: (_, value: string) =>
                    !form.getFieldValue(['weights', key, 'include']) ||
                    (isPointsText(String(value ?? '').trim()) && Number(value) > 0)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('evaluation.editor.weightInvalid'))),
                },
              ]}
            >
              <Input style={{ width: 120 }} data-testid={`weight-${key}`} />
            </Form.Item>
          </Space>
        ))}
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="redTopN" label={t('evaluation.editor.redTopN')}>
          <InputNumber min={0} max={100} precision={0} data-testid="red-top-n" />
        </Form.Item>
        <Form.Item name="blackBottomM" label={t('evaluation.editor.blackBottomM')}>
          <InputNumber min={0} max={100} precision={0} data-testid="black-bottom-m" />
        </Form.Item>
      </Space>
      <Form.Item
        name="requireTimeProgress"
        label={t('evaluation.editor.requireTimeProgress')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="passScore"
        label={t('evaluation.editor.passScore')}
        rules={[
          {
            validator: (_, value: string) =>
              !value || isPointsText(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('evaluation.editor.weightInvalid'))),
          },
        ]}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      {scheme.canManage && (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('evaluation.editor.save')}
        </Button>
      )}
    </Form>
  );
}
