import { PlusOutlined } from '@ant-design/icons';
import type { CallOutput, Endpoints } from '@tuijin/contracts';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCreateMilestoneTemplate, useMilestoneTemplates } from './milestones.queries';
import { TemplateDrawer } from './TemplateDrawer';

type TemplateList = CallOutput<Endpoints['listMilestoneTemplates']>;
type TemplateRow = TemplateList['data'][number];
type Presets = TemplateList['presets'];

/** 从预设新建: a preset copied into a new template of the reader's region. */
function CreateFromPresetModal({
  regionCode,
  presets,
  onClose,
}: {
  regionCode: string;
  presets: Presets;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ preset: string }>();
  const create = useCreateMilestoneTemplate();
  const onError = useApiErrorHandler();
  return (
    <Modal
      open
      title={t('milestones.templates.createFromPreset')}
      okText={t('common.create')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'template-preset-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ preset: string }>
        form={form}
        layout="vertical"
        name="milestone-template-preset"
        initialValues={{ preset: presets[0]?.key }}
        onFinish={({ preset }) =>
          create.mutate(
            { regionCode, preset },
            {
              onSuccess: (template) => {
                void message.success(t('milestones.templates.created', { name: template.name }));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="preset"
          label={t('milestones.templates.preset')}
          rules={[{ required: true, message: t('milestones.templates.presetRequired') }]}
        >
          <Select
            data-testid="template-preset"
            options={presets.map((preset) => ({
              value: preset.key,
              label: t('milestones.templates.presetOption', { name: preset.name, count: preset.nodes }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 节点模板: the templates that apply in the reader's region (its own and those inherited from above,
 * nearest first); whoever manages them creates one from a preset and edits their own (name, domains,
 * default target, the nodes with durations and 前置).
 */
export default function MilestoneTemplatesPage() {
  const { t } = useTranslation();
  const templates = useMilestoneTemplates(null);
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TemplateRow | null>(null);
  const data = templates.data;
  const canManage = data?.canManage ?? false;

  return (
    <Card
      title={t('milestones.templates.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!data || data.presets.length === 0}
            onClick={() => setCreating(true)}
            data-testid="template-create"
          >
            {t('milestones.templates.createFromPreset')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('milestones.templates.intro')}</Typography.Paragraph>
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      <Table<TemplateRow>
        rowKey="id"
        size="small"
        loading={templates.isFetching}
        dataSource={data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('milestones.templates.empty') }}
        data-testid="milestone-templates"
        columns={[
          { key: 'name', title: t('milestones.templates.name'), dataIndex: 'name' },
          {
            key: 'region',
            title: t('milestones.templates.region'),
            render: (_, row) =>
              row.isOwn ? (
                <Tag color="blue">{t('milestones.templates.own')}</Tag>
              ) : (
                <Tag>{t('milestones.templates.inherited', { name: row.regionName })}</Tag>
              ),
          },
          {
            key: 'domains',
            title: t('milestones.templates.domains'),
            render: (_, row) =>
              row.domains.length === 0 ? (
                t('milestones.templates.allDomains')
              ) : (
                <Space size={[4, 4]} wrap>
                  {row.domains.map((domain) => (
                    <Tag key={domain}>{domain}</Tag>
                  ))}
                </Space>
              ),
          },
          {
            key: 'nodes',
            title: t('milestones.templates.nodeCount'),
            align: 'right',
            render: (_, row) => row.nodes.length,
          },
          {
            key: 'active',
            title: t('milestones.templates.active'),
            render: (_, row) =>
              row.active ? (
                <Tag color="success">{t('common.active')}</Tag>
              ) : (
                <Tag>{t('common.inactive')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: TemplateRow) =>
                    row.isOwn && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(row)}
                        data-testid="template-edit"
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {isCreating && data && (
        <CreateFromPresetModal
          regionCode={data.regionCode}
          presets={data.presets}
          onClose={() => setCreating(false)}
        />
      )}
      {editing && <TemplateDrawer template={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
