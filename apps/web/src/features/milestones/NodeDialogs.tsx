import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { MilestoneNode } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { uploadProjectFiles } from '../../api/project-files';
import { PhotoEvidenceTags } from '../../components/photo-evidence/PhotoEvidenceTags';
import { type ActualValues, type AdjustValues, actualBody, adjustBody } from './milestone-logic';
import { useAdjustMilestoneNode, useRecordMilestoneActual } from './milestones.queries';
import { useMilestoneError } from './use-milestone-error';

interface AdjustNodeModalProps {
  node: MilestoneNode;
  /** Once the plan is frozen, a change needs its reason (冻结后调整须说明理由). */
  isReasonRequired: boolean;
  onClose: () => void;
}

/** 调整: a node's new planned date, with the reason required once the plan is the baseline. */
export function AdjustNodeModal({ node, isReasonRequired, onClose }: AdjustNodeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustValues>();
  const adjust = useAdjustMilestoneNode();
  const onError = useMilestoneError();

  const submit = (values: AdjustValues) =>
    adjust.mutate(
      { nodeId: node.id, body: adjustBody(values, node.version) },
      {
        onSuccess: () => {
          void message.success(t('milestones.adjust.done'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('milestones.adjust.title', { name: node.name })}
      okText={t('milestones.adjust.action')}
      okButtonProps={{ loading: adjust.isPending, 'data-testid': 'milestone-adjust-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AdjustValues>
        form={form}
        layout="vertical"
        name="milestone-adjust"
        initialValues={{ plannedOn: dayjs(node.plannedOn) }}
        onFinish={submit}
      >
        <Form.Item
          name="plannedOn"
          label={t('milestones.adjust.plannedOn')}
          extra={t('milestones.adjust.current', { date: node.plannedOn })}
          rules={[{ required: true, message: t('milestones.adjust.plannedOnRequired') }]}
        >
          <DatePicker style={{ width: 200 }} data-testid="milestone-adjust-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('milestones.adjust.reason')}
          extra={isReasonRequired ? t('milestones.adjust.reasonHint') : undefined}
          rules={[
            { required: isReasonRequired, whitespace: true, message: t('milestones.adjust.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="milestone-adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 佐证材料: one file uploaded to the project (vetted like every project file) whose id the form keeps;
 * a refusal is shown under the button.
 */
function EvidenceUpload({
  projectId,
  value,
  onChange,
}: {
  projectId: string;
  value?: string | null;
  onChange?: (fileId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  return (
    <Flex vertical gap={4} align="flex-start">
      <Upload
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          const chosen = file as File;
          setUploading(true);
          setRefusal(null);
          uploadProjectFiles(projectId, [chosen])
            .then((saved) => {
              setName(saved[0]?.originalName ?? chosen.name);
              onChange?.(saved[0]?.id ?? null);
              onSuccess?.(null);
            })
            .catch((error: unknown) => {
              setRefusal(
                error instanceof ApiError ? (error.details[0]?.message ?? error.message) : chosen.name,
              );
              onError?.(new Error(chosen.name));
            })
            .finally(() => setUploading(false));
        }}
      >
        <Button icon={<UploadOutlined />} loading={isUploading} data-testid="milestone-actual-file">
          {value ? t('milestones.actual.replaceFile') : t('milestones.actual.uploadFile')}
        </Button>
      </Upload>
      {value && name && (
        <Typography.Text data-testid="milestone-actual-file-name">
          <PaperClipOutlined /> {name}
        </Typography.Text>
      )}
      {refusal && <Typography.Text type="danger">{refusal}</Typography.Text>}
    </Flex>
  );
}

interface RecordActualModalProps {
  node: MilestoneNode;
  /** The node's project: the evidence is uploaded as one of its files. */
  projectId: string;
  /** The server's today: the default and the latest date allowed. */
  today: string;
  onClose: () => void;
}

/** 填报完成: the day the node was reached (not in the future), the evidence file and an optional note. */
export function RecordActualModal({ node, projectId, today, onClose }: RecordActualModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActualValues>();
  const record = useRecordMilestoneActual();
  const onError = useMilestoneError();
  const latest = dayjs(today);

  const submit = (values: ActualValues) =>
    record.mutate(
      { nodeId: node.id, body: actualBody(values, node.version) },
      {
        onSuccess: (plan) => {
          const file = plan.nodes.find((n) => n.id === node.id)?.actualFile;
          if (file && file.evidence.length > 0)
            modal.warning({
              title: t('photos.node.flaggedTitle'),
              content: (
                <div data-testid="milestone-actual-flagged">
                  <Typography.Paragraph>
                    {t('photos.node.flaggedBody', { name: file.name })}
                  </Typography.Paragraph>
                  <PhotoEvidenceTags evidence={file.evidence} scope="event" />
                </div>
              ),
            });
          else void message.success(t('milestones.actual.done'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('milestones.actual.title', { name: node.name })}
      okText={t('milestones.actual.action')}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'milestone-actual-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ActualValues>
        form={form}
        layout="vertical"
        name="milestone-actual"
        initialValues={{ actualOn: latest }}
        onFinish={submit}
      >
        <Form.Item
          name="actualOn"
          label={t('milestones.actual.actualOn')}
          extra={t('milestones.actual.planned', { date: node.plannedOn })}
          rules={[{ required: true, message: t('milestones.actual.actualOnRequired') }]}
        >
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(date) => date.isAfter(latest, 'day')}
            data-testid="milestone-actual-date"
          />
        </Form.Item>
        <Form.Item name="fileId" label={t('milestones.actual.file')} extra={t('milestones.actual.fileHint')}>
          <EvidenceUpload projectId={projectId} />
        </Form.Item>
        <Form.Item name="note" label={t('milestones.actual.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="milestone-actual-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
