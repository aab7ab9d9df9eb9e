import type { ProblemDetail } from '@tuijin/contracts';
import { Button, Form, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useRaiseProblem } from './problems.queries';
import { RaiseProblemFields, type RaiseValues } from './RaiseProblemFields';

interface RaiseProblemModalProps {
  open: boolean;
  onClose: () => void;
  /** Raised from a project's page: the project is fixed. */
  project?: { id: string; name: string } | null;
}

/**
 * 提出问题: the form, then 秒推's answer — which organisation now handles it and by when — with a
 * link to the problem.
 */
export function RaiseProblemModal({ open, onClose, project }: RaiseProblemModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RaiseValues>();
  const raise = useRaiseProblem();
  const onError = useApiErrorHandler();
  const [raised, setRaised] = useState<ProblemDetail | null>(null);

  const close = () => {
    setRaised(null);
    form.resetFields();
    onClose();
  };
  const submit = (values: RaiseValues) =>
    raise.mutate(
      {
        projectId: values.projectId,
        category: values.category,
        description: values.description,
        request: values.request ?? '',
        channel: 'app',
      },
      { onSuccess: setRaised, onError: (error) => onError(error, form) },
    );

  return (
    <Modal
      open={open}
      title={t('problems.raise.title')}
      onCancel={close}
      destroyOnHidden
      width={600}
      footer={
        raised ? null : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={raise.isPending}
              onClick={() => form.submit()}
              data-testid="raise-submit"
            >
              {t('problems.raise.submit')}
            </Button>
          </>
        )
      }
    >
      {raised ? (
        <Result
          status="success"
          title={t('problems.raise.done')}
          subTitle={
            <span data-testid="raise-routed">
              {raised.referenceNumber}
              {' · '}
              {raised.handlerOrganisationName
                ? t('problems.raise.routedTo', {
                    handler: raised.handlerOrganisationName,
                    dueOn: raised.dueOn,
                  })
                : t('problems.raise.notRouted')}
            </span>
          }
          extra={[
            <Button
              key="view"
              type="primary"
              onClick={() => {
                close();
                navigate(`/problems/${raised.id}`);
              }}
              data-testid="raise-view"
            >
              {t('problems.raise.view')}
            </Button>,
            <Button
              key="another"
              onClick={() => {
                setRaised(null);
                form.resetFields();
              }}
            >
              {t('problems.raise.another')}
            </Button>,
          ]}
        />
      ) : (
        <Form<RaiseValues>
          form={form}
          layout="vertical"
          name="raise-problem"
          initialValues={project ? { projectId: project.id } : {}}
          onFinish={submit}
        >
          <RaiseProblemFields project={project} />
        </Form>
      )}
    </Modal>
  );
}
