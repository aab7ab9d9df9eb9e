import type { WarningRuleSetView } from '@tuijin/contracts';
import { type WarningPresetId, warningPresetIds, warningPresets } from '@tuijin/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { fromRuleForm, type RuleForm, thresholdDimensions, toRuleForm } from './rule-form';
import { WarningReasons, WarningTag } from './WarningTag';
import { usePublishDraft, useUpdateDraft, useWarningPreview } from './warnings.queries';

function ThresholdInput({ name, disabled }: { name: (string | number)[]; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Form.Item name={[...name, 'value']} noStyle>
        <InputNumber
          min={0}
          max={1000}
          step={1}
          precision={1}
          disabled={disabled}
          style={{ width: 100 }}
          data-testid={`rule-${name.join('-')}`}
        />
      </Form.Item>
      <Form.Item name={[...name, 'inclusive']} valuePropName="checked" noStyle>
        <Checkbox disabled={disabled} style={{ marginLeft: 8, alignSelf: 'center' }}>
          {t('warnings.rules.inclusive')}
        </Checkbox>
      </Form.Item>
    </Space.Compact>
  );
}

/**
 * One version's rules as a form: thresholds per dimension, presets to start from; a draft can be
 * saved, previewed against last month (exactly the projects whose colour changes) and published.
 * A published version shows read-only.
 */
export function RuleEditor({ ruleSet }: { ruleSet: WarningRuleSetView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<RuleForm>();
  const [preset, setPreset] = useState<WarningPresetId | null>(ruleSet.preset);
  const [previewNonce, setPreviewNonce] = useState(0);
  const update = useUpdateDraft();
  const publish = usePublishDraft();
  const isDraft = ruleSet.status === 'draft';
  const preview = useWarningPreview(isDraft ? ruleSet.id : null, previewNonce);

  useEffect(() => {
    form.setFieldsValue(toRuleForm(ruleSet.name, ruleSet.rules));
    setPreset(ruleSet.preset);
  }, [form, ruleSet]);

  const save = async () => {
    const values = await form.validateFields();
    return update.mutateAsync({
      id: ruleSet.id,
      body: { version: ruleSet.version, name: values.name, preset, rules: fromRuleForm(values) },
    });
  };

  const dimensionRows = thresholdDimensions.map((dimension) => ({ dimension }));

  return (
    <Card
      size="small"
      title={`${ruleSet.name} · v${ruleSet.ruleVersion}`}
      extra={
        isDraft ? (
          <Space>
            <Select<WarningPresetId>
              placeholder={t('warnings.rules.applyPreset')}
              style={{ width: 260 }}
              value={undefined}
              onChange={(id) => {
                form.setFieldsValue(toRuleForm(warningPresets[id].name, warningPresets[id].rules));
                setPreset(id);
              }}
              options={warningPresetIds.map((id) => ({
                value: id,
                label: t(`warnings.rules.presets.${id}`),
              }))}
            />
            <Button
              onClick={() =>
                save()
                  .then(() => message.success(t('common.saved')))
                  .catch((error) => error?.errorFields || reportError(error, form))
              }
              loading={update.isPending}
            >
              {t('warnings.rules.save')}
            </Button>
            <Button
              onClick={() =>
                save()
                  .then(() => setPreviewNonce((n) => n + 1))
                  .catch((error) => error?.errorFields || reportError(error, form))
              }
              loading={preview.isFetching}
              data-testid="warning-preview"
            >
              {t('warnings.rules.preview')}
            </Button>
            <Popconfirm
              title={t('warnings.rules.publishConfirm')}
              onConfirm={() =>
                save()
                  .then((saved) => publish.mutateAsync({ id: saved.id, version: saved.version }))
                  .then((published) =>
                    message.success(t('warnings.rules.publishedOk', { version: published.ruleVersion })),
                  )
                  .catch((error) => error?.errorFields || reportError(error, form))
              }
            >
              <Button type="primary" loading={publish.isPending}>
                {t('warnings.rules.publish')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('warnings.rules.readOnly')}</Typography.Text>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!isDraft}>
        <Form.Item name="name" label={t('warnings.rules.name')} rules={[{ required: true }]}>
          <Input maxLength={100} style={{ maxWidth: 400 }} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('warnings.rules.edgeHint')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="dimension"
          pagination={false}
          dataSource={dimensionRows}
          columns={[
            {
              key: 'dimension',
              title: t('warnings.graces.dimension'),
              render: (_: unknown, row) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{t(`warnings.dimension.${row.dimension}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`warnings.rules.unit.${row.dimension}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'enabled',
              title: t('warnings.rules.enabled'),
              width: 70,
              render: (_: unknown, row) => (
                <Form.Item name={[row.dimension, 'enabled']} valuePropName="checked" noStyle>
                  <Switch size="small" aria-label={`${row.dimension}-enabled`} />
                </Form.Item>
              ),
            },
            {
              key: 'yellow',
              title: t('warnings.rules.yellow'),
              render: (_: unknown, row) => (
                <ThresholdInput name={[row.dimension, 'yellow']} disabled={!isDraft} />
              ),
            },
            {
              key: 'red',
              title: t('warnings.rules.red'),
              render: (_: unknown, row) => (
                <ThresholdInput name={[row.dimension, 'red']} disabled={!isDraft} />
              ),
            },
            {
              key: 'extra',
              title: '',
              render: (_: unknown, row) =>
                row.dimension === 'progress' ? (
                  <Space wrap>
                    <Form.Item name={['progress', 'measure']} noStyle>
                      <Radio.Group
                        size="small"
                        options={[
                          { value: 'points', label: t('warnings.rules.measurePoints') },
                          { value: 'share', label: t('warnings.rules.measureShare') },
                        ]}
                        optionType="button"
                      />
                    </Form.Item>
                    <span>{t('warnings.rules.consecutive')}</span>
                    <Form.Item name={['progress', 'redAfterConsecutiveMonths']} noStyle>
                      <InputNumber min={2} max={12} size="small" style={{ width: 70 }} />
                    </Form.Item>
                  </Space>
                ) : row.dimension === 'reports' ? (
                  <Form.Item name={['reports', 'countLate']} valuePropName="checked" noStyle>
                    <Checkbox>{t('warnings.rules.countLate')}</Checkbox>
                  </Form.Item>
                ) : null,
            },
          ]}
        />
        <Flex gap={32} style={{ marginTop: 16 }}>
          <Form.Item
            name={['monthTarget', 'enabled']}
            valuePropName="checked"
            label={t('warnings.dimension.monthTarget')}
          >
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="snailMonths" label={t('warnings.rules.snailMonths')} rules={[{ required: true }]}>
            <InputNumber min={2} max={12} />
          </Form.Item>
          <Form.Item
            name={['regionRule', 'enabled']}
            valuePropName="checked"
            label={t('warnings.rules.regionRule')}
          >
            <Switch size="small" />
          </Form.Item>
          <Form.Item
            name={['regionRule', 'consecutiveMonths']}
            label={t('warnings.rules.regionRuleMonths')}
            rules={[{ required: true }]}
          >
            <InputNumber min={2} max={12} />
          </Form.Item>
        </Flex>
      </Form>
      {preview.isError && <QueryError error={preview.error} onRetry={() => preview.refetch()} />}
      {preview.data && (
        <Card
          size="small"
          type="inner"
          data-testid="warning-preview-result"
          title={
            preview.data.changes.length > 0
              ? t('warnings.rules.previewTitle', {
                  month: preview.data.month,
                  evaluated: preview.data.evaluated,
                  count: preview.data.changes.length,
                })
              : t('warnings.rules.previewEmpty', {
                  month: preview.data.month,
                  evaluated: preview.data.evaluated,
                })
          }
        >
          <Table
            size="small"
            rowKey="projectId"
            pagination={{ pageSize: 10 }}
            dataSource={preview.data.changes}
            columns={[
              { key: 'project', title: t('warnings.project'), dataIndex: 'projectName' },
              { key: 'region', title: t('warnings.region'), dataIndex: 'regionName', width: 110 },
              {
                key: 'before',
                title: t('warnings.rules.before'),
                render: (_: unknown, c) => (
                  <Space orientation="vertical" size={0}>
                    <WarningTag colour={c.before?.colour} />
                    <WarningReasons reasons={c.before?.reasons ?? []} />
                  </Space>
                ),
              },
              {
                key: 'after',
                title: t('warnings.rules.after'),
                render: (_: unknown, c) => (
                  <Space orientation="vertical" size={0}>
                    <WarningTag colour={c.after.colour} />
                    <WarningReasons reasons={c.after.reasons} />
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Card>
  );
}
