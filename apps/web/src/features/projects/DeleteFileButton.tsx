import { DeleteOutlined } from '@ant-design/icons';
import type { ProjectFile } from '@tuijin/contracts';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useDeleteProjectFile } from './projects.queries';

/** 删除 with a confirmation, shown only for files the server says the person may delete. */
export function DeleteFileButton({ projectId, file }: { projectId: string; file: ProjectFile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deleteFile = useDeleteProjectFile();
  const reportError = useApiErrorHandler();
  if (!file.canDelete) return null;
  return (
    <Popconfirm
      title={t('projects.files.deleteConfirm', { name: file.originalName })}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        deleteFile
          .mutateAsync({ id: projectId, fileId: file.id })
          .then(() => void message.success(t('projects.files.deleted')))
          .catch((error: unknown) => reportError(error))
      }
    >
      <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={deleteFile.isPending}>
        {t('projects.files.delete')}
      </Button>
    </Popconfirm>
  );
}

/** "12.3 KB" — sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
