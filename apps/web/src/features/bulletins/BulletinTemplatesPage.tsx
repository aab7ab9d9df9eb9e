import { ArrowDownOutlined, ArrowUpOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { BulletinKind, BulletinTemplate, BulletinTemplateView } from '@tuijin/contracts';
import {
  bulletinKinds,
  bulletinSerial,
  bulletinTemplateProblems,
  chinaDate,
  defaultBulletinTemplate,
} from '@tuijin/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  type FormInstance,
  Input,
  Popconfirm,
  Radio,
  Space,
  Spin,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { insertAt, templateFieldName } from './bulletin-logic';
import { useBulletinTemplate, useSaveBulletinTemplate } from './bulletins.queries';
import { DailyBulletinSettingsCard } from './DailyBulletinSettingsCard';
import { useBulletinError } from './use-bulletin-error';
import './bulletins.css';

type Values = Omit<BulletinTemplate, 'kind'>;
type FieldName = (string | number)[];

/** Puts each problem on the field its path names (`sections.2.lead`); returns how many it placed. */
function placeProblems(form: FormInstance, problems: { field: string; message: string }[]) {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const problem of problems) {
    const name = templateFieldName(problem.field);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size;
}

/**
 * Remembers the text field last focused (title, a lead sentence, the closing) so a placeholder chip
 * inserts at its caret, replacing any selection.
 */
function usePlaceholderInsert(form: FormInstance) {
  const last = useRef<{ name: FieldName; element: HTMLInputElement | HTMLTextAreaElement } | null>(null);
  const track = (name: FieldName) => ({
    onFocus: (event: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      last.current = { name, element: event.target };
    },
  });
  const insert = (placeholder: string) => {
    const target = last.current;
    if (!target) return false;
    const current = String(form.getFieldValue(target.name) ?? '');
    const { selectionStart, selectionEnd } = target.element;
    const next = insertAt(
      current,
      selectionStart ?? current.length,
      selectionEnd ?? current.length,
      `{${placeholder}}`,
    );
    form.setFieldValue(target.name, next.text);
    void form.validateFields([target.name]).catch(() => undefined);
    requestAnimationFrame(() => {
      target.element.focus();
      target.element.setSelectionRange(next.caret, next.caret);
    });
    return true;
  };
  return { track, insert };
}

/** The editor of one kind's template: fields, sections (order, switch, title, lead), closing; saves with its version. */
function TemplateEditor({ kind, view }: { kind: BulletinKind; view: BulletinTemplateView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveBulletinTemplate(kind);
  const onError = useBulletinError();
  const { track, insert } = usePlaceholderInsert(form);
  const prefix = Form.useWatch('numberPrefix', form) ?? view.template.numberPrefix;
  const year = Number(chinaDate(new Date()).slice(0, 4));

  const submit = () => {
    const values = form.getFieldsValue(true) as Values;
    const template: BulletinTemplate = { ...values, kind };
    const problems = bulletinTemplateProblems(template);
    if (problems.length > 0) {
      placeProblems(form, problems);
      void message.error(t('errors.VALIDATION_FAILED'));
      return;
    }
    save.mutate(
      { template, version: view.version },
      {
        onSuccess: () => void message.success(t('bulletins.templates.saved')),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.details.length > 0) {
            placeProblems(
              form,
              error.details.map((d) => ({ field: d.path, message: d.message })),
            );
            void message.error(t('errors.VALIDATION_FAILED'));
            return;
          }
          onError(error);
        },
      },
    );
  };

  const restore = () => {
    const builtIn = defaultBulletinTemplate(kind, {
      issuer: form.getFieldValue('issuer') ?? view.template.issuer,
      prefix: form.getFieldValue('numberPrefix') ?? view.template.numberPrefix,
    });
    const { kind: _kind, ...values } = builtIn;
    form.setFieldsValue(values);
    void message.info(t('bulletins.templates.restored'));
  };

  const { kind: _kind, ...initial } = view.template;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`bulletin-template-${kind}`}
      initialValues={initial}
      onFinish={submit}
      data-testid={`bulletin-template-${kind}`}
    >
      {view.isDefault && (
        <Alert
          type="info"
          showIcon
          message={t('bulletins.templates.isDefault')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="title" label={t('bulletins.templates.titleField')}>
        <Input maxLength={120} {...track(['title'])} data-testid="template-title" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="numberPrefix"
          label={t('bulletins.templates.numberPrefix')}
          extra={t('bulletins.templates.numberPrefixHint', { example: bulletinSerial(prefix, year, 1) })}
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="issuer" label={t('bulletins.templates.issuer')} style={{ flex: '1 1 260px' }}>
          <Input maxLength={60} />
        </Form.Item>
      </Flex>
      <Form.Item name="addressee" label={t('bulletins.templates.addressee')}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item name="signoffRole" label={t('bulletins.templates.signoffRole')}>
        <Radio.Group
          optionType="button"
          options={(['office', 'leader'] as const).map((r) => ({
            value: r,
            label: t(`bulletins.templates.signoffRoles.${r}`),
          }))}
        />
      </Form.Item>
      <Card
        size="small"
        title={t('bulletins.templates.placeholders')}
        className="tj-bulletin-chips"
        style={{ marginBottom: 16 }}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('bulletins.templates.placeholdersHint')}
        </Typography.Paragraph>
        {view.placeholders.map((p) => (
          <Tag
            key={p}
            color="blue"
            data-testid="placeholder-chip"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!insert(p)) void message.info(t('bulletins.templates.placeholdersHint'));
            }}
          >
            {`{${p}}`}
          </Tag>
        ))}
      </Card>
      <Typography.Title level={5}>{t('bulletins.templates.sections')}</Typography.Title>
      <Form.List name="sections">
        {(fields, { move }) => (
          <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                data-testid="template-section"
                title={
                  <Space>
                    <Tag>
                      {t(
                        `bulletins.sectionNames.${form.getFieldValue(['sections', field.name, 'key']) as 'headline'}`,
                      )}
                    </Tag>
                    <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle>
                      <Switch size="small" aria-label={t('bulletins.templates.enabled')} />
                    </Form.Item>
                  </Space>
                }
                extra={
                  <Space size={4}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      aria-label={t('bulletins.templates.up')}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === fields.length - 1}
                      aria-label={t('bulletins.templates.down')}
                      onClick={() => move(index, index + 1)}
                    />
                  </Space>
                }
              >
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'title']} label={t('bulletins.templates.sectionTitle')}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'lead']}
                  label={t('bulletins.templates.lead')}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    maxLength={1000}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    {...track(['sections', field.name, 'lead'])}
                    data-testid="template-lead"
                  />
                </Form.Item>
              </Card>
            ))}
          </Space>
        )}
      </Form.List>
      <Form.Item name="closing" label={t('bulletins.templates.closing')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} {...track(['closing'])} />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="template-save"
        >
          {t('bulletins.templates.save')}
        </Button>
        <Popconfirm title={t('bulletins.templates.restoreConfirm')} onConfirm={restore}>
          <Button icon={<UndoOutlined />}>{t('bulletins.templates.restore')}</Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}

/** One kind's tab: loads the template and mounts the editor afresh for each saved version. */
function TemplateTab({ kind }: { kind: BulletinKind }) {
  const view = useBulletinTemplate(kind);
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Spin />;
  return <TemplateEditor key={view.data.version ?? 'default'} kind={kind} view={view.data} />;
}

/** /bulletins/templates 通报模板: a tab per kind (月度/周/日). */
export default function BulletinTemplatesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BulletinKind>('monthly');
  return (
    <Card title={t('bulletins.templates.title')}>
      <DailyBulletinSettingsCard />
      <Typography.Paragraph type="secondary">{t('bulletins.templates.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(key) => setKind(key as BulletinKind)}
        destroyOnHidden
        items={bulletinKinds.map((k) => ({
          key: k,
          label: t(`bulletins.kinds.${k}`),
          children: <TemplateTab kind={k} />,
        }))}
      />
    </Card>
  );
}
