import type { PromotionLead } from '@tuijin/contracts';
import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { ProjectPicker } from '../problems/ProjectPicker';
import { useLinkPromotionLead } from './promotion.queries';

/**
 * 关联已有项目: a signed lead whose project is already in the library (entered before the lead was
 * kept here) is linked to it instead of creating a second one; the server keeps one lead per project
 * and the project in the lead's region.
 */
export function LinkLeadModal({ lead, onClose }: { lead: PromotionLead; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ projectId: string }>();
  const link = useLinkPromotionLead();
  const reportError = useApiErrorHandler();
  const submit = async () => {
    const { projectId } = await form.validateFields();
    try {
      await link.mutateAsync({ id: lead.id, body: { version: lead.version, projectId } });
      void message.success(t('promotion.saved'));
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  };
  return (
    <Modal
      open
      title={t('promotion.link.title')}
      okText={t('promotion.actions.link')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={link.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('promotion.link.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="promotion-link-form">
        <Form.Item
          name="projectId"
          label={t('promotion.link.project')}
          rules={[{ required: true, message: t('promotion.form.required') }]}
        >
          <ProjectPicker data-testid="promotion-link-project" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
