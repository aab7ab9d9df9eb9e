import { useQueryClient } from '@tanstack/react-query';
import type { Project } from '@tuijin/contracts';
import { type ProjectStage, stageTransitions } from '@tuijin/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useLabels } from '../../i18n/use-labels';
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
 * follow the stage it is really in.
 */
export function ChangeStageModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<StageForm>();
  const queryClient = useQueryClient();
  const changeStage = useChangeProjectStage();
  const reportError = useApiErrorHandler();
  const targets = stageTransitions[project.stage];
  const refusal =
    changeStage.error instanceof ApiError && changeStage.error.code === 'INVALID_TRANSITION'
      ? errorText(changeStage.error)
      : null;

  const submit = (values: StageForm) =>
    changeStage.mutate(
      {
        id: project.id,
        to: values.to,
        on: values.on.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
        version: project.version,
      },
      {
        onSuccess: () => {
          void message.success(t('projects.stageChanged'));
          onClose();
        },
        onError: (error) => {
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
      okButtonProps={{ disabled: targets.length === 0 }}
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
      {targets.length === 0 && (
        <Alert type="info" showIcon title={t('projects.noStageTargets')} style={{ marginBottom: 16 }} />
      )}
      <Form<StageForm>
        form={form}
        name="project-stage"
        layout="vertical"
        initialValues={{ on: dayjs(), to: targets.length === 1 ? targets[0] : undefined }}
        onFinish={submit}
      >
        <Form.Item
          name="to"
          label={t('projects.targetStage')}
          rules={[{ required: true, message: t('projects.required') }]}
        >
          <Select options={targets.map((stage) => ({ value: stage, label: labels.projectStage(stage) }))} />
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
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
