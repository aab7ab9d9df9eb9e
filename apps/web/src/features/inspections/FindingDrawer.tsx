import type { InspectionFindingDetail } from '@tuijin/contracts';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { CameraPhotos, FindingPhotoGrid } from './FindingPhotos';
import { findingColor } from './inspection-logic';
import {
  useCloseFinding,
  useFindingUpload,
  useInspectionFinding,
  useRaiseFindingProblem,
  useReturnFinding,
} from './inspections.queries';

/** The status of a finding as a tag, red when overdue. */
export function FindingStatusTag({
  finding,
}: {
  finding: Pick<InspectionFindingDetail, 'status' | 'isOverdue'>;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={findingColor(finding.status, false)} data-testid="finding-status">
        {t(`inspections.statuses.${finding.status}`)}
      </Tag>
      {finding.isOverdue && <Tag color="error">{t('inspections.overdue')}</Tag>}
    </Space>
  );
}

/** The owner's reply: what was done and photos of the rectified site. */
function ReplyForm({ finding }: { finding: InspectionFindingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const upload = useFindingUpload();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (text.trim() === '') {
      setError(t('inspections.drawer.replyRequired'));
      return;
    }
    upload.mutate(
      {
        id: finding.id,
        kind: 'reply',
        fields: { version: String(finding.version), text: text.trim() },
        files: photos,
      },
      {
        onSuccess: () => {
          void message.success(t('inspections.drawer.replied'));
          setText('');
          setPhotos([]);
        },
        onError,
      },
    );
  };
  return (
    <Flex vertical gap={8} data-testid="finding-reply-form">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('inspections.drawer.reply')}
      </Typography.Title>
      <Form.Item
        label={t('inspections.drawer.replyText')}
        validateStatus={error ? 'error' : undefined}
        help={error ?? t('inspections.drawer.replyHint')}
        layout="vertical"
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          data-testid="reply-text"
        />
      </Form.Item>
      <CameraPhotos value={photos} onChange={setPhotos} testId="reply-photos" />
      <Button type="primary" block loading={upload.isPending} onClick={submit} data-testid="submit-reply">
        {t('inspections.drawer.submitReply')}
      </Button>
    </Flex>
  );
}

/** The inspecting unit's review: close (销号), return with a reason, add photos, raise as a problem. */
function ReviewActions({ finding }: { finding: InspectionFindingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const close = useCloseFinding();
  const giveBack = useReturnFinding();
  const upload = useFindingUpload();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [reasonError, setReasonError] = useState(false);
  const [morePhotos, setMorePhotos] = useState<File[]>([]);
  return (
    <Flex vertical gap={8} data-testid="finding-review">
      {finding.status === 'replied' && (
        <>
          <Input
            placeholder={t('inspections.drawer.closeNote')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            type="primary"
            block
            loading={close.isPending}
            data-testid="close-finding"
            onClick={() =>
              close.mutate(
                { id: finding.id, body: { version: finding.version, note: note.trim() || null } },
                { onSuccess: () => void message.success(t('inspections.drawer.closed')), onError },
              )
            }
          >
            {t('inspections.drawer.close')}
          </Button>
          <Divider style={{ margin: '4px 0' }} />
          <Input.TextArea
            rows={2}
            placeholder={t('inspections.drawer.returnReason')}
            status={reasonError ? 'error' : undefined}
            value={reason}
            maxLength={500}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(false);
            }}
            data-testid="return-reason"
          />
          {reasonError && (
            <Typography.Text type="danger">{t('inspections.drawer.returnRequired')}</Typography.Text>
          )}
          <DatePicker
            placeholder={t('inspections.drawer.newDeadline')}
            value={deadline}
            onChange={setDeadline}
            style={{ width: '100%' }}
          />
          <Button
            danger
            block
            loading={giveBack.isPending}
            data-testid="return-finding"
            onClick={() => {
              if (reason.trim() === '') {
                setReasonError(true);
                return;
              }
              giveBack.mutate(
                {
                  id: finding.id,
                  body: {
                    version: finding.version,
                    reason: reason.trim(),
                    deadlineOn: deadline ? deadline.format('YYYY-MM-DD') : null,
                  },
                },
                { onSuccess: () => void message.success(t('inspections.drawer.returned')), onError },
              );
            }}
          >
            {t('inspections.drawer.return')}
          </Button>
        </>
      )}
      <Flex gap={8} wrap align="center">
        <CameraPhotos value={morePhotos} onChange={setMorePhotos} testId="more-photos" />
        {morePhotos.length > 0 && (
          <Button
            loading={upload.isPending}
            onClick={() =>
              upload.mutate(
                { id: finding.id, kind: 'photos', fields: {}, files: morePhotos },
                { onSuccess: () => setMorePhotos([]), onError },
              )
            }
          >
            {t('inspections.drawer.addPhotos')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/**
 * One finding in a drawer (full width on a phone): what was found, its deadline and status, the
 * photos of the finding and of the reply with their evidence warnings; the owner's reply form, the
 * inspecting unit's 销号 / 退回, and 转为问题 for whoever may.
 */
export function FindingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const onError = (error: unknown) => handleError(error);
  const screens = Grid.useBreakpoint();
  const query = useInspectionFinding(id);
  const raise = useRaiseFindingProblem();
  const finding = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('inspections.drawer.title')}
      size={screens.sm === false ? '100%' : 560}
      destroyOnHidden
      data-testid="finding-drawer"
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {finding && (
        <Flex vertical gap={12}>
          <FindingStatusTag finding={finding} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('inspections.finding.project')}>
              <Link to={`/projects/${finding.projectId}?tab=inspections`}>{finding.projectName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.finding.item')}>
              <Tag>{t(`inspections.categories.${finding.category}`)}</Tag>
              {finding.itemText}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.finding.description')}>
              <span data-testid="finding-description">{finding.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.finding.severity')}>
              {t(`inspections.severities.${finding.severity}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.finding.unit')}>
              {finding.organisationName}（{finding.foundOn}）
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.finding.deadline')}>
              <Typography.Text type={finding.isOverdue ? 'danger' : undefined}>
                {finding.deadlineOn}
              </Typography.Text>
              {finding.isDeadlineProvisional && (
                <Tag style={{ marginInlineStart: 4 }}>{t('inspections.provisional')}</Tag>
              )}
            </Descriptions.Item>
            {finding.problem && (
              <Descriptions.Item label={t('inspections.finding.problem')}>
                <Link to={`/problems/${finding.problem.id}`} data-testid="finding-problem">
                  {finding.problem.referenceNumber}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inspections.drawer.photos')}
          </Typography.Title>
          <FindingPhotoGrid
            projectId={finding.projectId}
            photos={finding.photos.filter((p) => p.role === 'finding')}
            testId="finding-photos"
          />
          {finding.replyText && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('inspections.drawer.reply')}
              </Typography.Title>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="finding-reply-text">
                {finding.replyText}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('inspections.drawer.replyBy', { name: finding.repliedByName, on: finding.repliedOn })}
              </Typography.Text>
              <Typography.Text strong>{t('inspections.drawer.replyPhotos')}</Typography.Text>
              <FindingPhotoGrid
                projectId={finding.projectId}
                photos={finding.photos.filter((p) => p.role === 'reply')}
                testId="reply-photo-grid"
              />
            </>
          )}
          {finding.returnReason && (
            <Typography.Text type="warning">
              {t('inspections.drawer.returnReason')}：{finding.returnReason}（
              {t('inspections.drawer.returnCount', { count: finding.returnCount })}）
            </Typography.Text>
          )}
          {finding.closedOn && (
            <Typography.Text type="success" data-testid="finding-closed">
              {t('inspections.drawer.closedBy', { name: finding.closedByName, on: finding.closedOn })}
              {finding.closeNote ? `：${finding.closeNote}` : ''}
            </Typography.Text>
          )}
          {finding.canReply && <ReplyForm finding={finding} />}
          {finding.canReview && <ReviewActions finding={finding} />}
          {finding.canRaiseProblem && (
            <Popconfirm
              title={t('inspections.drawer.raiseConfirm')}
              onConfirm={() =>
                raise.mutate(
                  { id: finding.id, version: finding.version },
                  {
                    onSuccess: (raised) =>
                      void message.success(
                        t('inspections.drawer.raised', { number: raised.problem?.referenceNumber ?? '' }),
                      ),
                    onError,
                  },
                )
              }
            >
              <Button block loading={raise.isPending} data-testid="raise-problem">
                {t('inspections.drawer.raiseProblem')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
