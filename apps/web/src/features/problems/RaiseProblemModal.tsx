import type { ProblemDetail, RaiseProblem } from '@tuijin/contracts';
import { App, Button, Form, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useRaiseProblem } from './problems.queries';
import { RaiseProblemFields, type RaiseValues } from './RaiseProblemFields';

interface RaiseProblemModalProps {
  open: boolean;
  onClose: () => void;
  /** Raised from a project's page: the project is fixed. */
  project?: { id: string; name: string } | null;
  /** Values to start from (转为问题 on a broken 容缺 promise: category, item, description, request). */
  draft?: Partial<RaiseValues>;
  /** Where the problem came from (default 'app'; 'visit' for one found on a field visit). */
  channel?: RaiseProblem['channel'];
  /** Told once the problem is raised (a field visit links it). */
  onRaised?: (problem: ProblemDetail) => void;
}

/**
 * 提出问题: the form, then 秒推's answer — which organisation now handles it and by when — with a
 * link to the problem.
 */
export function RaiseProblemModal({
  open,
  onClose,
  project,
  draft,
  channel = 'app',
  onRaised,
}: RaiseProblemModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RaiseValues>();
  const raise = useRaiseProblem();
  const reportError = useApiErrorHandler();
  const { message } = App.useApp();
  const [raised, setRaised] = useState<ProblemDetail | null>(null);

  const close = () => {
    setRaised(null);
    form.resetFields();
    onClose();
  };
  /** An item that already has an open problem is said in the reader's language, on the item's field. */
  const onError = (error: unknown) => {
    const existing =
      error instanceof ApiError ? error.details.find((d) => d.issue === 'approvalItemHasProblem') : undefined;
    if (!existing) return reportError(error, form);
    const text = t('approvalLoop.itemHasProblem', {
      referenceNumber: String(existing.params?.referenceNumber ?? ''),
    });
    form.setFields([{ name: 'approvalItemId', errors: [text] }]);
    void message.error(text);
  };
  const submit = (values: RaiseValues) =>
    raise.mutate(
      {
        projectId: values.projectId,
        category: values.category,
        description: values.description,
        request: values.request ?? '',
        channel,
        approvalItemId: values.approvalItemId ?? null,
      },
      {
        onSuccess: (problem) => {
          setRaised(problem);
          onRaised?.(problem);
        },
        onError,
      },
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
          initialValues={{ ...draft, ...(project ? { projectId: project.id } : {}) }}
          onFinish={submit}
        >
          <RaiseProblemFields project={project} />
        </Form>
      )}
    </Modal>
  );
}
