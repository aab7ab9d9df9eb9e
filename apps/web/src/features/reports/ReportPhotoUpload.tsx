import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { uploadReportPhotos } from './report-photos.api';

interface ReportPhotoUploadProps {
  /** The report to attach photos to; saves a draft first when the month has none yet. */
  ensureReportId: () => Promise<string>;
  onUploaded: () => void;
  disabled?: boolean;
}

/**
 * Takes photos with the phone's camera (or picks them) and uploads each to the report. The file
 * input asks for the rear camera (`capture="environment"`); desktops show a file chooser.
 */
export function ReportPhotoUpload({ ensureReportId, onUploaded, disabled }: ReportPhotoUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [uploading, setUploading] = useState(0);

  return (
    <Upload
      accept="image/*"
      capture="environment"
      multiple
      showUploadList={false}
      disabled={disabled}
      customRequest={async ({ file, onSuccess, onError: fail }) => {
        setUploading((n) => n + 1);
        try {
          const id = await ensureReportId();
          const stored = await uploadReportPhotos(id, [file as File]);
          onSuccess?.(stored);
          void message.success(t('reports.form.photoUploaded', { count: stored.length }));
          onUploaded();
        } catch (error) {
          fail?.(error as Error);
          onError(error);
        } finally {
          setUploading((n) => n - 1);
        }
      }}
    >
      <Button
        icon={<CameraOutlined />}
        loading={uploading > 0}
        disabled={disabled}
        data-testid="report-photo-button"
      >
        {t('reports.form.takePhoto')}
      </Button>
    </Upload>
  );
}
