import { useQueryClient } from '@tanstack/react-query';
import type { Project } from '@tuijin/contracts';
import { type ProjectStage, stageTransitions } from '@tuijin/domain';
import {
  Alert,
  App,
  type ButtonProps,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useLabels } from '../../i18n/use-labels';
import { startBlockersOf } from '../approvals/approval-logic';
import { useCan } from '../auth/use-current-user';
import { projectKeys, useChangeProjectStage } from './projects.queries';

interface StageForm {
  to: ProjectStage;
  on: Dayjs;
  reason: string;
}

/**
 * Moves a project to another stage. Only the stages the transition table allows from the current
 * one are offered; should the server still refuse (the project moved meanwhile), its
 * INVALID_TRANSITION message is shown in the dialog and the project is reread, so the choices
 * follow the stage it is really in. A move to 新开工 refused by the start gate instead lists what
 * is not done yet, keeping the choice; someone holding `approval.manage` may then tick the override
 * and submit again (the change reason is its justification, and the server audits it).
 */
export function ChangeStageModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<StageForm>();
  const queryClient = useQueryClient();
  const changeStage = useChangeProjectStage();
  const reportError = useApiErrorHandler();
  const can = useCan();
  const [blockers, setBlockers] = useState<string[] | null>(null);
  const [isOverriding, setOverriding] = useState(false);
  const targets = stageTransitions[project.stage];
  const refusal =
    changeStage.error instanceof ApiError &&
    changeStage.error.code === 'INVALID_TRANSITION' &&
    startBlockersOf(changeStage.error) === null
      ? errorText(changeStage.error)
      : null;

  const submit = (values: StageForm) =>
    changeStage.mutate(
      {
        id: project.id,
        to: values.to,
        on: values.on.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
        ...(blockers && isOverriding && values.to === 'started' ? { overrideApprovals: true } : {}),
        version: project.version,
      },
      {
        onSuccess: () => {
          void message.success(t('projects.stageChanged'));
          onClose();
        },
        onError: (error) => {
          const blocking = startBlockersOf(error);
          if (blocking) {
            setBlockers(blocking);
            return;
          }
          if (error instanceof ApiError && error.code === 'INVALID_TRANSITION') {
            form.setFieldValue('to', undefined);
            void queryClient.invalidateQueries({ queryKey: projectKeys.all });
            return;
          }
          reportError(error, form);
        },
      },
    );

  return (
    <Modal
      open
      title={t('projects.changeStageTitle', { stage: labels.projectStage(project.stage) })}
      okText={t('common.confirm')}
      okButtonProps={{ disabled: targets.length === 0, 'data-testid': 'stage-ok' } as ButtonProps}
      confirmLoading={changeStage.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          style={{ marginBottom: 16 }}
          data-testid="stage-refusal"
        />
      )}
      {blockers && (
        <Alert
          type="warning"
          showIcon
          title={t('approvals.stageGate.title')}
          style={{ marginBottom: 16 }}
          data-testid="stage-blockers"
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {blockers.map((text) => (
                  <li key={text} data-testid="stage-blocker">
                    {text}
                  </li>
                ))}
              </ul>
              {can('approval.manage') ? (
                <Checkbox
                  checked={isOverriding}
                  onChange={(event) => setOverriding(event.target.checked)}
                  style={{ marginTop: 8 }}
                  data-testid="stage-override"
                >
                  {t('approvals.stageGate.override')}
                </Checkbox>
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t('approvals.stageGate.askOffice')}
                </Typography.Paragraph>
              )}
            </>
          }
        />
      )}
      {targets.length === 0 && (
        <Alert type="info" showIcon title={t('projects.noStageTargets')} style={{ marginBottom: 16 }} />
      )}
      <Form<StageForm>
        form={form}
        name="project-stage"
        layout="vertical"
        initialValues={{ on: dayjs(), to: targets.length === 1 ? targets[0] : undefined }}
        onFinish={submit}
        onValuesChange={(changed: Partial<StageForm>) => {
          // The blockers answer a move to 新开工; another target starts afresh.
          if ('to' in changed && changed.to !== 'started') {
            setBlockers(null);
            setOverriding(false);
          }
        }}
      >
        <Form.Item
          name="to"
          label={t('projects.targetStage')}
          rules={[{ required: true, message: t('projects.required') }]}
        >
          <Select
            options={targets.map((stage) => ({ value: stage, label: labels.projectStage(stage) }))}
            data-testid="stage-to"
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('projects.stageDate')}
          rules={[{ required: true, message: t('projects.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('projects.stageReason')}
          rules={[{ required: true, whitespace: true, message: t('projects.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="stage-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
