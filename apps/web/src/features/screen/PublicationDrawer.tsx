import { type ScreenPanel, screenPanels } from '@tuijin/contracts';
import { App, Button, Checkbox, Drawer, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useScreenPublication, useUpdateScreenPublication } from './screen.queries';

interface Values {
  panels: ScreenPanel[];
  quarter: string;
}

/** 发布设置: which panels the jurisdiction's public screen shows (office only). */
export function PublicationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publication = useScreenPublication(open);
  const update = useUpdateScreenPublication();
  const onError = useApiErrorHandler();
  const current = publication.data;
  const link = current ? `${window.location.origin}/public/screen/${current.regionCode}` : '';
  const save = async (values: Values) => {
    if (!current) return;
    try {
      await update.mutateAsync({
        panels: values.panels ?? [],
        quarter: values.quarter?.trim() ? values.quarter.trim() : null,
        version: current.version,
      });
      void message.success(t('screen.publish.saved'));
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={t('screen.publish.title')} size={480} destroyOnHidden>
      <Typography.Paragraph>{t('screen.publish.intro')}</Typography.Paragraph>
      {/* The form opens only once the stored setting is here, with it as its start: a box ticked
          while the setting was still loading would otherwise be reset when it arrived. Keyed by
          version so a refetch of the same setting never undoes what the user is editing. */}
      {!current ? (
        <Skeleton active />
      ) : (
        <Form
          key={current.version}
          form={form}
          initialValues={{ panels: current.panels, quarter: current.quarter ?? '' }}
          layout="vertical"
          onFinish={(v) => void save(v)}
          data-testid="screen-publication-form"
        >
          <Form.Item name="panels" label={t('screen.publish.panels')}>
            <Checkbox.Group
              options={screenPanels.map((p) => ({ value: p, label: t(`screen.panels.${p}`) }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            />
          </Form.Item>
          <Form.Item
            name="quarter"
            label={t('screen.publish.quarter')}
            extra={t('screen.publish.quarterHelp')}
            rules={[{ pattern: /^(\d{4}Q[1-4])?$/, message: t('screen.publish.quarterHelp') }]}
          >
            <Input placeholder="2026Q2" />
          </Form.Item>
          <Form.Item label={t('screen.publish.link')}>
            <Typography.Text copyable data-testid="screen-public-link">
              {link}
            </Typography.Text>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('screen.publish.save')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
