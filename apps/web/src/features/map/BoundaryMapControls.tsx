import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { RegionMapAnswer } from '@tuijin/contracts';
import { Alert, App, Button, Flex, List, Popconfirm, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useDeleteRegionMap, useUploadRegionMap } from './map.queries';

type Detail = ApiError['details'][number];

/** One refusal detail in the reader's language: the issue code localised with its figures, else the server's text. */
function useIssueText() {
  const { t, i18n } = useTranslation();
  return (detail: Detail) => {
    const key = `map.issue.${detail.issue ?? ''}`;
    if (!detail.issue || !i18n.exists(key)) return detail.message;
    const params = detail.params ?? {};
    const n = typeof params.index === 'number' ? params.index + 1 : '';
    const firstN = typeof params.first === 'number' ? params.first + 1 : '';
    return t(key as 'map.issue.notJson', { ...params, n, firstN });
  };
}

/**
 * Upload (office roles) and delete of the jurisdiction's boundary map. A refused file lists every
 * problem the server found, each with the feature index and property it concerns.
 */
export function BoundaryMapControls({
  region,
  answer,
}: {
  region: string | undefined;
  answer: RegionMapAnswer | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadRegionMap();
  const remove = useDeleteRegionMap();
  const issueText = useIssueText();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  if (!answer?.canUpload) return null;
  const map = answer.map;

  const send = async (file: File) => {
    setRefusal(null);
    let content: string;
    try {
      content = await file.text();
    } catch {
      void message.error(t('map.readFailed'));
      return;
    }
    upload.mutate(
      { fileName: file.name, content, ...(region ? { regionCode: region } : {}) },
      {
        onSuccess: (saved) =>
          void message.success(
            t('map.uploaded', { version: saved.map?.version ?? 0, count: saved.map?.featureCount ?? 0 }),
          ),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') setRefusal(error);
          else void message.error(errorText(error));
        },
      },
    );
  };

  return (
    <div style={{ marginBottom: 12 }}>
      <Flex justify="end" gap="small" wrap>
        <Tooltip title={t('map.uploadHint')}>
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="map-upload">
              {t('map.upload')}
            </Button>
          </Upload>
        </Tooltip>
        {map?.canManage && (
          <Popconfirm
            title={t('map.removeConfirm')}
            onConfirm={() =>
              remove.mutate(map.regionCode, {
                onSuccess: () => void message.success(t('map.removed')),
                onError: (error) => void message.error(errorText(error)),
              })
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('map.remove')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 8 }}
          onClose={() => setRefusal(null)}
          data-testid="map-upload-refusal"
          title={t('map.refused')}
          description={
            <List
              size="small"
              dataSource={
                refusal.details.length > 0 ? refusal.details : [{ path: '', message: errorText(refusal) }]
              }
              renderItem={(detail) => (
                <List.Item>
                  <span>
                    {detail.path && <Typography.Text code>{detail.path}</Typography.Text>} {issueText(detail)}
                  </span>
                </List.Item>
              )}
            />
          }
        />
      )}
    </div>
  );
}
