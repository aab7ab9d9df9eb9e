import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MilestoneTemplate } from '@tuijin/contracts';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import {
  duplicateCodes,
  nodeCodesOf,
  type TemplateNodeValues,
  type TemplateValues,
  templateBody,
  templateValues,
} from './milestone-logic';
import { useUpdateMilestoneTemplate } from './milestones.queries';

/** The contract's node code: lower-case letters, digits and hyphens, at most 40. */
const codePattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * 编辑 an own template: name, domains, 启用, the default target and the nodes (code, name, working
 * days, 前置 among the other codes), rows added and removed freely; the server checks the whole.
 */
export function TemplateDrawer({ template, onClose }: { template: MilestoneTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateValues>();
  const update = useUpdateMilestoneTemplate();
  const onError = useApiErrorHandler();
  const nodes = Form.useWatch('nodes', form) as TemplateNodeValues[] | undefined;
  const rows: readonly TemplateNodeValues[] = nodes ?? template.nodes;
  const codes = nodeCodesOf(rows);
  const names = new Map(rows.map((node) => [node.code?.trim() ?? '', node.name ?? '']));
  const codeOption = (code: string) => ({
    value: code,
    label: names.get(code) ? `${names.get(code)} · ${code}` : code,
  });

  const submit = (values: TemplateValues) =>
    update.mutate(
      { id: template.id, body: templateBody(values, template.version) },
      {
        onSuccess: () => {
          void message.success(t('milestones.templates.saved'));
          onClose();
        },
        // Node errors name rows (nodes.3.code) the form cannot point at, so the message says it all.
        onError: (error) => onError(error),
      },
    );

  return (
    <FormDrawer
      title={t('milestones.templates.editTitle', { name: template.name })}
      isSaving={update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={820}
    >
      <Form<TemplateValues>
        form={form}
        layout="vertical"
        name="milestone-template"
        initialValues={templateValues(template)}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('milestones.templates.name')}
          rules={[{ required: true, whitespace: true, message: t('milestones.templates.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="template-name" />
        </Form.Item>
        <Form.Item
          name="domains"
          label={t('milestones.templates.domains')}
          extra={t('milestones.templates.domainsHint')}
        >
          <DictionarySelect kind="domain" mode="tags" placeholder={t('milestones.templates.allDomains')} />
        </Form.Item>
        <Form.Item
          name="defaultTarget"
          label={t('milestones.templates.defaultTarget')}
          rules={[
            { required: true, message: t('milestones.templates.defaultTargetRequired') },
            {
              validator: async (_, value?: string) => {
                if (value && !codes.includes(value))
                  throw new Error(t('milestones.templates.defaultTargetGone'));
              },
            },
          ]}
        >
          <Select
            options={codes.map(codeOption)}
            style={{ maxWidth: 320 }}
            data-testid="template-default-target"
          />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('milestones.templates.active')}
          extra={t('milestones.templates.activeHint')}
          valuePropName="checked"
        >
          <Switch data-testid="template-active" />
        </Form.Item>
        <Form.List
          name="nodes"
          rules={[
            {
              validator: async (_, rows?: TemplateNodeValues[]) => {
                if (!rows || rows.length === 0) throw new Error(t('milestones.templates.nodesRequired'));
                const twice = duplicateCodes(rows);
                if (twice.length > 0)
                  throw new Error(t('milestones.templates.duplicateCode', { codes: twice.join('、') }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('milestones.templates.nodes')} required>
              <Flex vertical gap={8}>
                {fields.map((field, index) => {
                  const ownCode = nodes?.[index]?.code?.trim();
                  return (
                    <Card key={field.key} size="small" data-testid="template-node">
                      <Flex gap={8} wrap align="flex-start">
                        <Form.Item
                          name={[field.name, 'code']}
                          label={t('milestones.templates.code')}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('milestones.templates.codeRequired'),
                            },
                            { pattern: codePattern, message: t('milestones.templates.codeHelp') },
                          ]}
                          style={{ width: 140, marginBottom: 0 }}
                        >
                          <Input maxLength={40} data-testid="template-node-code" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('milestones.templates.nodeName')}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('milestones.templates.nodeNameRequired'),
                            },
                          ]}
                          style={{ flex: '1 1 180px', marginBottom: 0 }}
                        >
                          <Input maxLength={40} data-testid="template-node-name" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'durationDays']}
                          label={t('milestones.templates.durationDays')}
                          rules={[{ required: true, message: t('milestones.templates.durationRequired') }]}
                          style={{ width: 120, marginBottom: 0 }}
                        >
                          <InputNumber min={0} max={2000} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'dependsOn']}
                          label={t('milestones.templates.dependsOn')}
                          style={{ flex: '1 1 200px', marginBottom: 0 }}
                        >
                          <Select
                            mode="multiple"
                            allowClear
                            options={codes.filter((code) => code !== ownCode).map(codeOption)}
                            showSearch={{ optionFilterProp: 'label' }}
                            data-testid="template-node-depends"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'marksStart']}
                          valuePropName="checked"
                          label={t('milestones.templates.marksStart')}
                          tooltip={t('milestones.templates.marksStartHint')}
                          style={{ marginBottom: 0 }}
                        >
                          <Checkbox data-testid="template-node-start" />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('milestones.templates.removeNode')}
                          disabled={fields.length === 1}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: 30 }}
                        />
                      </Flex>
                    </Card>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', name: '', durationDays: 0, dependsOn: [] })}
                  data-testid="template-node-add"
                >
                  {t('milestones.templates.addNode')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
