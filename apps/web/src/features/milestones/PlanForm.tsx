import type { Project, ProjectMilestones } from '@tuijin/contracts';
import { Alert, App, Button, DatePicker, Flex, Form, Modal, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { defaultTargetOf, type StartConflict, startConflictOf, templateChoices } from './milestone-logic';
import { useMilestoneTemplates, usePlanMilestones } from './milestones.queries';
import { useMilestoneError } from './use-milestone-error';

interface PlanValues {
  templateId: string;
  targetCode: string;
  targetOn: Dayjs;
}

type ApprovalStart = ProjectMilestones['approvalStart'];

/** 手续最早可开工 beside the form: the date and the chain of procedures that sets it. */
function ApprovalStartPanel({ approvalStart }: { approvalStart: ApprovalStart }) {
  const { t } = useTranslation();
  const { earliestStartOn, criticalChain } = approvalStart;
  return (
    <Alert
      type="info"
      showIcon
      style={{ flex: '1 1 260px', maxWidth: 420, alignSelf: 'flex-start' }}
      data-testid="milestone-approval-start"
      title={
        earliestStartOn
          ? t('milestones.plan.earliestStart', { date: earliestStartOn })
          : t('milestones.plan.noEarliestStart')
      }
      description={
        earliestStartOn && (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('milestones.plan.earliestStartHint')}</Typography.Text>
            {criticalChain.length > 0 && (
              <Typography.Text>
                {t('milestones.plan.criticalChain', {
                  chain: criticalChain
                    .map((link) => t('milestones.plan.chainLink', { name: link.name, date: link.finishOn }))
                    .join(' → '),
                })}
              </Typography.Text>
            )}
          </Flex>
        )
      }
    />
  );
}

interface PlanFormProps {
  project: Project;
  approvalStart: ApprovalStart;
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
function PlanFields({ project, approvalStart, plan, onDone, formName }: PlanFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [conflict, setConflict] = useState<StartConflict | null>(null);
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

  const submit = (values: PlanValues, fromEarliestStart = false) =>
    planMilestones.mutate(
      {
        projectId: project.id,
        body: {
          templateId: values.templateId,
          targetCode: values.targetCode,
          targetOn: values.targetOn.format('YYYY-MM-DD'),
          ...(plan ? { version: plan.version } : {}),
          ...(fromEarliestStart ? { fromEarliestStart: true } : {}),
        },
      },
      {
        onSuccess: (answer) => {
          setConflict(null);
          void message.success(t('milestones.plan.done', { count: answer.nodes.length }));
          onDone?.();
        },
        onError: (error) => {
          const found = error instanceof ApiError ? startConflictOf(error.details) : null;
          setConflict(found);
          if (!found) onError(error, form);
        },
      },
    );

  return (
    <Flex gap={16} wrap align="flex-start">
      <Form<PlanValues>
        form={form}
        layout="vertical"
        name={formName}
        onFinish={(values) => submit(values)}
        onValuesChange={() => setConflict(null)}
        style={{ flex: '1 1 320px', maxWidth: 560 }}
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
        {conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="milestone-start-conflict"
            title={t('milestones.plan.startConflict', { ...conflict })}
            description={t('milestones.plan.startConflictHint')}
            action={
              <Button
                size="small"
                loading={planMilestones.isPending}
                onClick={() => submit(form.getFieldsValue(), true)}
                data-testid="milestone-plan-from-earliest"
              >
                {t('milestones.plan.fromEarliestStart', { date: conflict.earliestStartOn })}
              </Button>
            }
          />
        )}
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
      <ApprovalStartPanel approvalStart={approvalStart} />
    </Flex>
  );
}

/** The first plan, inline on the tab for whoever may manage it. */
export function PlanCard({ project, approvalStart }: { project: Project; approvalStart: ApprovalStart }) {
  const { t } = useTranslation();
  return (
    <div data-testid="milestone-plan-form">
      <Typography.Title level={5}>{t('milestones.plan.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('milestones.plan.hint')}</Typography.Paragraph>
      <PlanFields project={project} approvalStart={approvalStart} formName="milestone-plan" />
    </div>
  );
}

/** 重新倒排 of a draft: the same form in a modal, sending the draft's version. */
export function ReplanModal({
  project,
  approvalStart,
  plan,
  onClose,
}: {
  project: Project;
  approvalStart: ApprovalStart;
  plan: NonNullable<ProjectMilestones['plan']>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('milestones.plan.replanTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={880}
    >
      <Typography.Paragraph type="secondary">{t('milestones.plan.replanHint')}</Typography.Paragraph>
      <PlanFields
        project={project}
        approvalStart={approvalStart}
        plan={plan}
        onDone={onClose}
        formName="milestone-replan"
      />
    </Modal>
  );
}
