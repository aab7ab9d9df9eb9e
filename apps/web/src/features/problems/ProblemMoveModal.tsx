import type { ProblemDetail } from '@tuijin/contracts';
import type { ProblemAction } from '@tuijin/domain';
import { type ButtonProps, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProblemHandlerSelect } from './ProblemHandlerSelect';
import { type ProblemMoveBody, useProblemMove } from './problems.queries';

/** Which form a move needs: a handler, an answer, a reason, or just an optional note. */
const reasonMoves: readonly ProblemAction[] = ['unsatisfied', 'reject', 'reopen', 'escalate'];

interface MoveValues {
  note?: string;
  reason?: string;
  answer?: string;
  handlerOrganisationId?: string;
  limitWorkingDays?: number | null;
}

function moveBody(action: ProblemAction, values: MoveValues): ProblemMoveBody {
  const note = values.note?.trim() ? values.note.trim() : null;
  if (action === 'route')
    return {
      action,
      body: {
        handlerOrganisationId: values.handlerOrganisationId ?? '',
        limitWorkingDays: values.limitWorkingDays ?? null,
        note,
      },
    };
  if (action === 'answer') return { action, body: { answer: values.answer ?? '' } };
  if (action === 'unsatisfied' || action === 'reject' || action === 'reopen' || action === 'escalate')
    return { action, body: { reason: values.reason ?? '' } };
  return { action, body: { note } };
}

interface ProblemMoveModalProps {
  problem: ProblemDetail;
  action: ProblemAction;
  onClose: () => void;
}

/** One move on a problem with what it needs (交办 a handler, 答复 the answer, 驳回/提级… a reason). */
export function ProblemMoveModal({ problem, action, onClose }: ProblemMoveModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const move = useProblemMove(problem);
  const onError = useApiErrorHandler();
  const label = t(`problems.actions.${action}`);

  return (
    <Modal
      open
      title={t('problems.move.confirmTitle', { action: label, reference: problem.referenceNumber })}
      okText={label}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'move-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MoveValues>
        form={form}
        layout="vertical"
        name={`problem-${action}`}
        onFinish={(values) =>
          move.mutate(moveBody(action, values), {
            onSuccess: onClose,
            onError: (error) => onError(error, form),
          })
        }
      >
        {action === 'route' && (
          <>
            <Form.Item
              name="handlerOrganisationId"
              label={t('problems.move.handler')}
              rules={[{ required: true, message: t('problems.move.handlerRequired') }]}
            >
              <ProblemHandlerSelect problemId={problem.id} />
            </Form.Item>
            <Form.Item
              name="limitWorkingDays"
              label={t('problems.move.limit')}
              extra={t('problems.move.limitHint')}
            >
              <InputNumber min={1} max={250} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        {action === 'answer' && (
          <Form.Item
            name="answer"
            label={t('problems.move.answer')}
            rules={[{ required: true, whitespace: true, message: t('problems.move.answerRequired') }]}
          >
            <Input.TextArea
              rows={5}
              maxLength={4000}
              showCount
              placeholder={t('problems.move.answerPlaceholder')}
              data-testid="move-answer"
            />
          </Form.Item>
        )}
        {reasonMoves.includes(action) && (
          <Form.Item
            name="reason"
            label={t('problems.move.reason')}
            rules={[{ required: true, whitespace: true, message: t('problems.move.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="move-reason" />
          </Form.Item>
        )}
        {(action === 'route' || action === 'start' || action === 'confirm' || action === 'writeOff') && (
          <Form.Item name="note" label={t('problems.move.note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
