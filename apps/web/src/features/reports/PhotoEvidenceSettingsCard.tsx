import { App, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { usePhotoEvidenceSettings, useSavePhotoEvidenceSettings } from './reports.queries';

/** 现场照片核验: the office's distance threshold beyond which a report photo is flagged to the reviewer. */
export function PhotoEvidenceSettingsCard({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ maxDistanceKm: number }>();
  const current = usePhotoEvidenceSettings(regionCode);
  const save = useSavePhotoEvidenceSettings(regionCode);
  useEffect(() => {
    if (current.data) form.setFieldsValue({ maxDistanceKm: current.data.maxDistanceKm });
  }, [current.data, form]);
  const submit = async (values: { maxDistanceKm: number }) => {
    try {
      await save.mutateAsync({
        regionCode,
        maxDistanceKm: values.maxDistanceKm,
        version: current.data?.version ?? 0,
      });
      void message.success(t('reports.photoEvidence.settings.saved'));
    } catch (error) {
      onError(error, form);
    }
  };
  const source = current.data
    ? current.data.fromRegionCode === null
      ? t('reports.photoEvidence.settings.defaults')
      : current.data.fromRegionCode !== current.data.regionCode
        ? t('reports.photoEvidence.settings.inherited', { code: current.data.fromRegionCode })
        : t('reports.photoEvidence.settings.own')
    : '';
  return (
    <Card title={t('reports.photoEvidence.settings.title')} className="tj-report-card">
      <Typography.Paragraph type="secondary">
        {t('reports.photoEvidence.settings.intro')}
      </Typography.Paragraph>
      {current.isPending ? (
        <Spin />
      ) : current.isError ? (
        <QueryError error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <>
          <Typography.Paragraph data-testid="photo-evidence-source">{source}</Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={submit} data-testid="photo-evidence-settings-form">
            <Form.Item
              name="maxDistanceKm"
              label={t('reports.photoEvidence.settings.maxDistanceKm')}
              rules={[{ required: true, message: t('reports.photoEvidence.settings.required') }]}
            >
              <InputNumber min={0.1} max={1000} step={1} precision={1} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                data-testid="photo-evidence-save"
              >
                {t('common.save')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Card>
  );
}
