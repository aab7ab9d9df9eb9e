import type { UpdateBasemapSetting } from '@tuijin/contracts';
import { type BasemapSource, basemapSources } from '@tuijin/domain';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useBasemapSetting, useUpdateBasemapSetting } from './basemap.queries';

interface FormValues {
  source: BasemapSource;
  urlTemplate: string;
  subdomains: string;
  token: string;
  clearToken: boolean;
  minZoom: number;
  maxZoom: number;
  attribution: string;
}

/** 地图底图 (system admin): a tile service such as 天地图, offline tiles on the server, or none. */
export default function BasemapSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const setting = useBasemapSetting();
  const update = useUpdateBasemapSetting();
  const reportError = useApiErrorHandler();
  const source = Form.useWatch('source', form);

  useEffect(() => {
    if (!setting.data) return;
    const { urlTemplate, hasToken: _, version: __, ...rest } = setting.data;
    form.setFieldsValue({ ...rest, urlTemplate: urlTemplate ?? '', token: '', clearToken: false });
  }, [setting.data, form]);

  const submit = (values: FormValues) => {
    if (!setting.data) return;
    const { clearToken, token, urlTemplate, ...rest } = values;
    const body: UpdateBasemapSetting = {
      ...rest,
      urlTemplate: urlTemplate?.trim() ? urlTemplate.trim() : null,
      subdomains: rest.subdomains ?? '',
      attribution: rest.attribution ?? '',
      version: setting.data.version,
      ...(clearToken ? { token: null } : token?.trim() ? { token: token.trim() } : {}),
    };
    update.mutate(body, {
      onSuccess: () => {
        form.setFieldsValue({ token: '', clearToken: false });
        void message.success(t('basemap.saved'));
      },
      onError: (error) => reportError(error, form),
    });
  };

  return (
    <Card title={t('basemap.settingsTitle')} style={{ maxWidth: 880 }}>
      <Alert type="info" showIcon title={t('basemap.settingsIntro')} style={{ marginBottom: 16 }} />
      {setting.isError && <QueryError error={setting.error} onRetry={() => void setting.refetch()} />}
      {setting.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<FormValues> form={form} layout="vertical" name="basemap" onFinish={submit}>
          <Form.Item name="source" label={t('basemap.source')}>
            <Radio.Group
              options={basemapSources.map((value) => ({ value, label: t(`basemap.sources.${value}`) }))}
            />
          </Form.Item>
          {source === 'xyz' && (
            <>
              <Form.Item
                name="urlTemplate"
                label={t('basemap.urlTemplate')}
                extra={t('basemap.urlTemplateHelp')}
                rules={[{ required: true }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
              <Space wrap size="large">
                <Form.Item name="subdomains" label={t('basemap.subdomains')}>
                  <Input placeholder="01234567" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name="token"
                  label={t('basemap.token')}
                  extra={setting.data?.hasToken ? t('basemap.tokenSaved') : undefined}
                >
                  <Input.Password autoComplete="off" style={{ width: 320 }} />
                </Form.Item>
              </Space>
              {setting.data?.hasToken && (
                <Form.Item name="clearToken" valuePropName="checked">
                  <Checkbox>{t('basemap.clearToken')}</Checkbox>
                </Form.Item>
              )}
            </>
          )}
          {source === 'local' && (
            <Alert type="success" title={t('basemap.localHelp')} style={{ marginBottom: 16 }} />
          )}
          {source !== 'none' && (
            <>
              <Space wrap size="large">
                <Form.Item name="minZoom" label={t('basemap.minZoom')}>
                  <InputNumber min={0} max={22} precision={0} />
                </Form.Item>
                <Form.Item name="maxZoom" label={t('basemap.maxZoom')}>
                  <InputNumber min={0} max={22} precision={0} />
                </Form.Item>
              </Space>
              <Form.Item
                name="attribution"
                label={t('basemap.attribution')}
                extra={t('basemap.attributionHelp')}
              >
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
