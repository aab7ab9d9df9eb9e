import { DownloadOutlined } from '@ant-design/icons';
import type { ProjectFile } from '@tuijin/contracts';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { projectFileUrl } from '../../api/project-files';
import { DeleteFileButton, formatBytes } from './DeleteFileButton';

/** The documents (everything not a photo) as a table with download links. */
export function ProjectDocuments({ projectId, documents }: { projectId: string; documents: ProjectFile[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) {
    return <Typography.Text type="secondary">{t('projects.files.noDocuments')}</Typography.Text>;
  }
  const columns: TableColumnsType<ProjectFile> = [
    {
      title: t('projects.files.name'),
      dataIndex: 'originalName',
      key: 'originalName',
      render: (name: string, file) => (
        <a href={projectFileUrl(projectId, file.id)} download={name}>
          {name}
        </a>
      ),
    },
    {
      title: t('projects.files.size'),
      dataIndex: 'sizeBytes',
      key: 'sizeBytes',
      align: 'right',
      render: formatBytes,
    },
    { title: t('projects.files.uploadedBy'), dataIndex: 'uploadedByName', key: 'uploadedByName' },
    {
      title: t('projects.files.uploadedAtColumn'),
      dataIndex: 'uploadedAt',
      key: 'uploadedAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, file) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            href={projectFileUrl(projectId, file.id)}
            download={file.originalName}
          >
            {t('projects.files.download')}
          </Button>
          <DeleteFileButton projectId={projectId} file={file} />
        </Space>
      ),
    },
  ];
  return (
    <Table<ProjectFile>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={documents}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
