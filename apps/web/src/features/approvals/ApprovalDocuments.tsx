import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApprovalItemDocument } from '@tuijin/contracts';
import {
  App,
  AutoComplete,
  Button,
  Empty,
  Flex,
  List,
  Popconfirm,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { formatBytes } from '../projects/DeleteFileButton';
import {
  approvalDocumentUrl,
  useApprovalItemDocuments,
  useDeleteApprovalDocument,
  useUploadApprovalDocuments,
} from './approval-documents.queries';

/**
 * 办理材料 of one approval item (申请表, 批复文件, 补正材料…): the list with download and, for who
 * may, delete; and for who may move the item, a label and an upload. Used in the table's row
 * expansion and inside each phone card.
 */
export function ApprovalDocuments({ itemId, hasTitle = true }: { itemId: string; hasTitle?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const documents = useApprovalItemDocuments(itemId);
  const upload = useUploadApprovalDocuments(itemId);
  const remove = useDeleteApprovalDocument(itemId);
  const reportError = useApiErrorHandler();
  const [label, setLabel] = useState('');
  const labels = t('approvalDocuments.labels', { returnObjects: true }) as string[];

  const send = (files: File[]) => {
    if (!label.trim()) {
      void message.warning(t('approvalDocuments.labelRequired'));
      return;
    }
    upload
      .mutateAsync({ label: label.trim(), files })
      .then(() => {
        void message.success(t('approvalDocuments.uploaded', { count: files.length }));
        setLabel('');
      })
      .catch((error: unknown) => reportError(error));
  };

  return (
    <Flex vertical gap={8} data-testid="approval-documents" data-item-id={itemId}>
      {hasTitle && <Typography.Text strong>{t('approvalDocuments.title')}</Typography.Text>}
      {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.isPending ? (
        <Spin size="small" />
      ) : (documents.data?.data.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvalDocuments.none')} />
      ) : (
        <List<ApprovalItemDocument>
          size="small"
          dataSource={documents.data?.data ?? []}
          renderItem={(document) => (
            <List.Item
              data-testid="approval-document"
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={approvalDocumentUrl(itemId, document.id)}
                  download
                  aria-label={t('approvalDocuments.download')}
                />,
                document.canDelete && (
                  <Popconfirm
                    key="delete"
                    title={t('approvalDocuments.deleteConfirm', { name: document.originalName })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove
                        .mutateAsync(document.id)
                        .then(() => void message.success(t('approvalDocuments.deleted')))
                        .catch((error: unknown) => reportError(error))
                    }
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('approvalDocuments.delete')}
                    />
                  </Popconfirm>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <span style={{ wordBreak: 'break-all' }}>
                    <Tag>{document.label}</Tag>
                    {document.originalName}
                  </span>
                }
                description={`${formatBytes(document.sizeBytes)} · ${t('approvalDocuments.by', {
                  name: document.createdByName,
                  at: dayjs(document.createdAt).format('YYYY-MM-DD HH:mm'),
                })}`}
              />
            </List.Item>
          )}
        />
      )}
      {documents.data?.canAdd && (
        <Flex gap={8} wrap align="center">
          <AutoComplete
            value={label}
            onChange={setLabel}
            options={labels.map((value) => ({ value }))}
            placeholder={t('approvalDocuments.labelPlaceholder')}
            aria-label={t('approvalDocuments.label')}
            style={{ width: 200, maxWidth: '100%' }}
            maxLength={50}
            data-testid="approval-document-label"
          />
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              // antd calls this once per file; send the whole selection once, on its last file.
              if (file === list[list.length - 1]) send(list as unknown as File[]);
              return false;
            }}
          >
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="approval-document-upload"
            >
              {t('approvalDocuments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approvalDocuments.uploadHelp')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
