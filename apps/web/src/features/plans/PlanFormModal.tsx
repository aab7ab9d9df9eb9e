import type { AnnualPlan } from '@tuijin/contracts';
import { planGoalsMaxLength, splitLength } from '@tuijin/domain';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { amountRule, formatWanYuan } from '../projects/money';
import { type PlanFormValues, planFormValues, planRequestFields, splitCheck, splitFor } from './plan-form';
import { useAdjustAnnualPlan, useSaveAnnualPlan } from './plans.queries';

interface PlanFormModalProps {
  projectId: string;
  year: number;
  /** The plan being edited or adjusted; null to draw up a new one. */
  plan: AnnualPlan | null;
  mode: 'edit' | 'adjust';
  onClose: () => void;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The plan form: draft edit (create or change) or 年中调整 of a frozen plan (reason required). The
 * split's running total is shown against the planned investment; the server checks the same rule
 * and its field errors land on the fields they name.
 */
export function PlanFormModal({ projectId, year, plan, mode, onClose }: PlanFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const save = useSaveAnnualPlan();
  const adjust = useAdjustAnnualPlan();
  const reportError = useApiErrorHandler();
  const splitKind = Form.useWatch('splitKind', form) ?? plan?.splitKind ?? 'none';
  // `preserve`: the split's slots register one by one, so watch the stored value itself.
  const split: string[] = Form.useWatch('split', { form, preserve: true }) ?? [];
  const planned = Form.useWatch('plannedInvestmentWanYuan', form) ?? '';
  const flags = {
    plansStart: Form.useWatch('plansStart', form),
    plansCompletion: Form.useWatch('plansCompletion', form),
    plansOperation: Form.useWatch('plansOperation', form),
  };
  const { sum, mismatch } = splitCheck(planned, splitKind, split);

  const submit = (values: PlanFormValues) => {
    const fields = planRequestFields(values);
    const done = (text: string) => () => {
      void message.success(text);
      onClose();
    };
    if (mode === 'adjust' && plan) {
      adjust.mutate(
        { planId: plan.id, ...fields, reason: values.reason?.trim() ?? '', version: plan.version },
        { onSuccess: done(t('plans.adjusted')), onError: (error) => reportError(error, form) },
      );
    } else {
      save.mutate(
        { projectId, year, ...fields, version: plan?.version ?? null },
        { onSuccess: done(t('plans.saved')), onError: (error) => reportError(error, form) },
      );
    }
  };

  const monthSelect = (name: 'startMonth' | 'completionMonth' | 'operationMonth', shown: boolean) =>
    shown ? (
      <Form.Item name={name} noStyle rules={[{ required: true, message: t('plans.monthRequired') }]}>
        <Select
          style={{ width: 110 }}
          aria-label={t(`plans.${name}`)}
          data-testid={`plan-${name}`}
          placeholder={t(`plans.${name}`)}
          options={months.map((m) => ({ value: m, label: t('plans.inMonth', { month: m }) }))}
        />
      </Form.Item>
    ) : null;

  return (
    <Modal
      open
      width={760}
      title={t(mode === 'adjust' ? 'plans.adjustTitle' : 'plans.editTitle', { year })}
      okText={t('common.save')}
      confirmLoading={save.isPending || adjust.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mode === 'adjust' && (
        <Alert type="info" showIcon title={t('plans.adjustHint')} style={{ marginBottom: 16 }} />
      )}
      <Form<PlanFormValues>
        form={form}
        name="annual-plan"
        layout="vertical"
        initialValues={planFormValues(plan)}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="plannedInvestmentWanYuan"
              label={t('plans.plannedInvestment')}
              rules={[{ required: true, message: t('plans.required') }, amountRule(t('plans.amountInvalid'))]}
            >
              <Input inputMode="decimal" data-testid="plan-planned" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="priorCompletedWanYuan"
              label={t('plans.priorCompleted')}
              rules={[amountRule(t('plans.amountInvalid'))]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        {(['plansStart', 'plansCompletion', 'plansOperation'] as const).map((flag) => (
          <Form.Item key={flag} label={t(`plans.${flag}`)} style={{ marginBottom: 12 }}>
            <Form.Item name={flag} valuePropName="checked" noStyle>
              <Checkbox data-testid={`plan-${flag}`}>{t('plans.yes')}</Checkbox>
            </Form.Item>
            {monthSelect(
              flag === 'plansStart'
                ? 'startMonth'
                : flag === 'plansCompletion'
                  ? 'completionMonth'
                  : 'operationMonth',
              Boolean(flags[flag]),
            )}
          </Form.Item>
        ))}
        <Form.Item name="goals" label={t('plans.goals')}>
          <Input.TextArea rows={2} maxLength={planGoalsMaxLength} showCount />
        </Form.Item>
        <Form.Item name="splitKind" label={t('plans.splitKind')}>
          <Radio.Group
            onChange={(event) =>
              form.setFieldValue('split', splitFor(event.target.value, form.getFieldValue('split') ?? []))
            }
            options={[
              { value: 'none', label: t('plans.splitNone') },
              { value: 'month', label: t('plans.splitMonth') },
              { value: 'quarter', label: t('plans.splitQuarter') },
            ]}
          />
        </Form.Item>
        {splitKind !== 'none' && (
          <Form.Item
            label={t('plans.split')}
            validateStatus={mismatch ? 'error' : undefined}
            help={
              sum === null
                ? undefined
                : mismatch
                  ? t('plans.splitMismatch', {
                      sum: formatWanYuan(sum),
                      planned: formatWanYuan(planned.trim()),
                    })
                  : t('plans.splitSum', { sum: formatWanYuan(sum) })
            }
          >
            <Row gutter={[8, 8]}>
              {Array.from({ length: splitLength[splitKind] }, (_, index) => (
                <Col key={`${splitKind}-${index}`} xs={8} sm={splitKind === 'month' ? 4 : 6}>
                  <Form.Item
                    name={['split', index]}
                    noStyle
                    rules={[{ required: true, message: '' }, amountRule(t('plans.amountInvalid'))]}
                  >
                    <Input
                      inputMode="decimal"
                      prefix={
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(splitKind === 'month' ? 'plans.monthLabel' : 'plans.quarterLabel', {
                            n: index + 1,
                          })}
                        </Typography.Text>
                      }
                      data-testid={`plan-split-${index}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
        )}
        {mode === 'adjust' && (
          <Form.Item
            name="reason"
            label={t('plans.reason')}
            rules={[{ required: true, whitespace: true, message: t('plans.required') }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('plans.reasonPlaceholder')}
              data-testid="plan-reason"
            />
          </Form.Item>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.draftHint')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
