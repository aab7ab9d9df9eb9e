import type { Project, ProjectMilestones } from '@tuijin/contracts';
import { Alert, App, Button, DatePicker, Form, Modal, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { defaultTargetOf, templateChoices } from './milestone-logic';
import { useMilestoneTemplates, usePlanMilestones } from './milestones.queries';
import { useMilestoneError } from './use-milestone-error';

interface PlanValues {
  templateId: string;
  targetCode: string;
  targetOn: Dayjs;
}

interface PlanFormProps {
  project: Project;
  /** The draft being re-planned (its version is sent); absent for the first plan. */
  plan?: NonNullable<ProjectMilestones['plan']>;
  onDone?: () => void;
  formName: string;
}

/**
 * 倒排节点计划: a template of the project's region (active ones, those suiting its domain first, their
 * nodes shown as a hint), the target node (the template's default) and its date. Re-planning starts
 * from the draft's template (found by name: the plan does not carry its id), target and date.
 */
function PlanFields({ project, plan, onDone, formName }: PlanFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const templates = useMilestoneTemplates(project.regionCode);
  const planMilestones = usePlanMilestones();
  const onError = useMilestoneError();
  const choices = templateChoices(templates.data?.data ?? [], project.domain);
  const templateId = Form.useWatch('templateId', form);
  const chosen = choices.find((choice) => choice.template.id === templateId)?.template;
  const current = plan && choices.find((choice) => choice.template.name === plan.templateName)?.template;

  if (templates.isError)
    return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  // A re-plan starts from the draft's template, so it waits for the list.
  if (plan && templates.isPending) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (templates.isSuccess && choices.length === 0)
    return (
      <Alert
        type="info"
        showIcon
        title={t('milestones.plan.noTemplates')}
        data-testid="milestone-no-templates"
      />
    );

  const submit = (values: PlanValues) =>
    planMilestones.mutate(
      {
        projectId: project.id,
        body: {
          templateId: values.templateId,
          targetCode: values.targetCode,
          targetOn: values.targetOn.format('YYYY-MM-DD'),
          ...(plan ? { version: plan.version } : {}),
        },
      },
      {
        onSuccess: (answer) => {
          void message.success(t('milestones.plan.done', { count: answer.nodes.length }));
          onDone?.();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      name={formName}
      onFinish={submit}
      style={{ maxWidth: 560 }}
      initialValues={
        plan && current
          ? { templateId: current.id, targetCode: plan.targetCode, targetOn: dayjs(plan.targetOn) }
          : plan
            ? { targetOn: dayjs(plan.targetOn) }
            : undefined
      }
    >
      <Form.Item
        name="templateId"
        label={t('milestones.plan.template')}
        rules={[{ required: true, message: t('milestones.plan.templateRequired') }]}
        extra={
          chosen && (
            <Typography.Text type="secondary" data-testid="milestone-template-nodes">
              {t('milestones.plan.templateNodes', {
                names: chosen.nodes.map((node) => node.name).join(' → '),
              })}
            </Typography.Text>
          )
        }
      >
        <Select
          loading={templates.isPending}
          data-testid="milestone-plan-template"
          options={choices.map(({ template, isSuitable }) => ({
            value: template.id,
            label: isSuitable ? template.name : `${template.name}${t('milestones.plan.notSuitable')}`,
          }))}
          onChange={(id: string) => {
            const template = choices.find((choice) => choice.template.id === id)?.template;
            form.setFieldValue('targetCode', template ? defaultTargetOf(template) : undefined);
          }}
        />
      </Form.Item>
      <Form.Item
        name="targetCode"
        label={t('milestones.plan.target')}
        rules={[{ required: true, message: t('milestones.plan.targetRequired') }]}
      >
        <Select
          disabled={!chosen}
          data-testid="milestone-plan-target"
          options={(chosen?.nodes ?? []).map((node) => ({ value: node.code, label: node.name }))}
        />
      </Form.Item>
      <Form.Item
        name="targetOn"
        label={t('milestones.plan.targetOn')}
        extra={t('milestones.plan.targetOnHint')}
        rules={[{ required: true, message: t('milestones.plan.targetOnRequired') }]}
      >
        <DatePicker style={{ width: 200 }} data-testid="milestone-plan-date" />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={planMilestones.isPending}
          data-testid="milestone-plan-ok"
        >
          {t('milestones.plan.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The first plan, inline on the tab for whoever may manage it. */
export function PlanCard({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <div data-testid="milestone-plan-form">
      <Typography.Title level={5}>{t('milestones.plan.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('milestones.plan.hint')}</Typography.Paragraph>
      <PlanFields project={project} formName="milestone-plan" />
    </div>
  );
}

/** 重新倒排 of a draft: the same form in a modal, sending the draft's version. */
export function ReplanModal({
  project,
  plan,
  onClose,
}: {
  project: Project;
  plan: NonNullable<ProjectMilestones['plan']>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('milestones.plan.replanTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('milestones.plan.replanHint')}</Typography.Paragraph>
      <PlanFields project={project} plan={plan} onDone={onClose} formName="milestone-replan" />
    </Modal>
  );
}
