import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProblemAttachment } from '@tuijin/contracts';
import { App, Button, Card, Empty, List, Popconfirm, Spin, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { formatBytes } from '../projects/DeleteFileButton';
import {
  problemAttachmentUrl,
  useDeleteProblemAttachment,
  useProblemAttachments,
  useUploadProblemAttachments,
} from './problem-letters.queries';

/** A problem's attachments (materials at raising, evidence with an answer): list, upload, download, delete. */
export function ProblemAttachmentsPanel({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attachments = useProblemAttachments(problemId);
  const upload = useUploadProblemAttachments();
  const remove = useDeleteProblemAttachment();
  const reportError = useApiErrorHandler();

  const send = (files: File[]) =>
    upload
      .mutateAsync({ id: problemId, files })
      .then((saved) => void message.success(t('problemAttachments.uploaded', { count: saved.length })))
      .catch((error: unknown) => reportError(error));

  return (
    <Card
      size="small"
      title={t('problemAttachments.title')}
      data-testid="problem-attachments"
      extra={
        attachments.data?.canUpload && (
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(_file, list) => {
              // antd calls this once per file; send the whole selection once, on its last file.
              if (_file === list[list.length - 1]) void send(list as unknown as File[]);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('problemAttachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {attachments.data?.canUpload && (
        <Typography.Paragraph type="secondary">{t('problemAttachments.uploadHelp')}</Typography.Paragraph>
      )}
      {attachments.isError && (
        <QueryError error={attachments.error} onRetry={() => void attachments.refetch()} />
      )}
      {attachments.isPending ? (
        <Spin />
      ) : (attachments.data?.data.length ?? 0) === 0 ? (
        <Empty description={t('problemAttachments.none')} />
      ) : (
        <List<ProblemAttachment>
          size="small"
          dataSource={attachments.data?.data ?? []}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={problemAttachmentUrl(problemId, item.id)}
                  download
                >
                  {t('problemAttachments.download')}
                </Button>,
                item.canDelete && (
                  <Popconfirm
                    key="delete"
                    title={t('problemAttachments.deleteConfirm', { name: item.originalName })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove
                        .mutateAsync({ id: problemId, attachmentId: item.id })
                        .then(() => void message.success(t('problemAttachments.deleted')))
                        .catch((error: unknown) => reportError(error))
                    }
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('problemAttachments.delete')}
                    </Button>
                  </Popconfirm>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag>{t(`problemAttachments.kinds.${item.kind}`)}</Tag>
                    {item.originalName}
                  </span>
                }
                description={`${formatBytes(item.sizeBytes)} · ${t('problemAttachments.uploadedBy', {
                  name: item.uploadedByName,
                  at: dayjs(item.uploadedAt).format('YYYY-MM-DD HH:mm'),
                })}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
