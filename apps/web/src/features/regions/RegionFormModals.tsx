import type { CreateRegion, Region } from '@tuijin/contracts';
import { regionLevels } from '@tuijin/domain';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useLabels } from '../../i18n/use-labels';
import { RegionTreeSelect } from './RegionTreeSelect';
import { useCreateRegion, useRenameRegion } from './regions.queries';

interface CreateRegionModalProps {
  parentCode: string | null;
  onClose: () => void;
}

/** New region under a parent (or at the top when the person's jurisdiction allows it). */
export function CreateRegionModal({ parentCode, onClose }: CreateRegionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<CreateRegion>();
  const createRegion = useCreateRegion();
  const reportError = useApiErrorHandler();

  const submit = (values: CreateRegion) =>
    createRegion.mutate(
      { ...values, parentCode: values.parentCode ?? null },
      {
        onSuccess: () => {
          void message.success(t('regions.created'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('regions.create')}
      okText={t('common.save')}
      confirmLoading={createRegion.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<CreateRegion>
        form={form}
        name="region-create"
        layout="vertical"
        initialValues={{ parentCode }}
        onFinish={submit}
      >
        <Form.Item name="parentCode" label={t('regions.parent')}>
          <RegionTreeSelect placeholder={t('regions.noParent')} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('regions.code')}
          extra={t('regions.codeHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="level" label={t('regions.level')} rules={[{ required: true }]}>
          <Select
            options={regionLevels.map((level) => ({ value: level, label: labels.regionLevel(level) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RenameRegionModalProps {
  region: Region;
  onClose: () => void;
}

/** Renames a region, sending the version it was read at. */
export function RenameRegionModal({ region, onClose }: RenameRegionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const renameRegion = useRenameRegion();
  const reportError = useApiErrorHandler();

  const submit = ({ name }: { name: string }) =>
    renameRegion.mutate(
      { code: region.code, name, version: region.version },
      {
        onSuccess: () => {
          void message.success(t('regions.renamed'));
          onClose();
        },
        onError: (error) => reportError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('regions.renameTitle', { name: region.name })}
      okText={t('common.save')}
      confirmLoading={renameRegion.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="region-rename"
        layout="vertical"
        initialValues={{ name: region.name }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
