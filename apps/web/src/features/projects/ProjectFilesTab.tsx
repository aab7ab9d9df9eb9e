import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Project, ProjectFile } from '@tuijin/contracts';
import { Alert, App, Button, Empty, Flex, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { detailText, errorText } from '../../api/error-text';
import { uploadProjectFiles } from '../../api/project-files';
import { QueryError } from '../../components/QueryError';
import { ProjectDocuments } from './ProjectDocuments';
import { ProjectPhotos } from './ProjectPhotos';
import { projectKeys, useProjectFiles } from './projects.queries';

interface Refusal {
  name: string;
  reason: string;
}

/** Why the server refused a file: the detail naming it, else the error's own message. */
function refusalOf(file: File, error: unknown): Refusal {
  const detail = error instanceof ApiError ? error.details.find((d) => d.path === file.name) : undefined;
  return { name: file.name, reason: detail ? detailText(detail) : errorText(error) };
}

/**
 * 文件照片: photos as a thumbnail grid (with when and where they were taken, when the photo says so)
 * and documents as a list; upload several at once, download, and delete where allowed.
 */
export function ProjectFilesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const files = useProjectFiles(project.id);
  const [uploading, setUploading] = useState(0);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const photos = (files.data ?? []).filter((file) => file.kind === 'photo');
  const documents = (files.data ?? []).filter((file) => file.kind === 'document');

  /** Uploads one file; answers whether the server took it (a refusal is listed, not thrown). */
  const upload = async (file: File): Promise<boolean> => {
    setUploading((count) => count + 1);
    try {
      const saved: ProjectFile[] = await uploadProjectFiles(project.id, [file]);
      void message.success(t('projects.files.uploaded', { name: saved[0]?.originalName ?? file.name }));
      setRefusals((current) => current.filter((refusal) => refusal.name !== file.name));
      return true;
    } catch (error) {
      setRefusals((current) => [...current.filter((r) => r.name !== file.name), refusalOf(file, error)]);
      return false;
    } finally {
      setUploading((count) => count - 1);
      await queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
    }
  };

  return (
    <Flex vertical gap={16}>
      {project.abilities.uploadFiles && (
        <Flex align="center" gap={12} wrap>
          <Upload
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const chosen = file as File;
              void upload(chosen).then((isSaved) =>
                isSaved ? onSuccess?.(null) : onError?.(new Error(chosen.name)),
              );
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading > 0}>
              {t('projects.files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('projects.files.uploadHint')}</Typography.Text>
        </Flex>
      )}
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusals([]) }}
          data-testid="upload-refusals"
          title={t('projects.files.refused')}
          description={
            <ul className="tj-plain-list">
              {refusals.map((refusal) => (
                <li key={refusal.name}>
                  <strong>{refusal.name}</strong>
                  {t('projects.labelSeparator')}
                  {refusal.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
      {files.isPending ? (
        <Spin />
      ) : (files.data ?? []).length === 0 ? (
        <Empty description={t('projects.files.none')} />
      ) : (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('projects.files.photos', { count: photos.length })}
          </Typography.Title>
          <ProjectPhotos projectId={project.id} photos={photos} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('projects.files.documents', { count: documents.length })}
          </Typography.Title>
          <ProjectDocuments projectId={project.id} documents={documents} />
        </>
      )}
    </Flex>
  );
}
