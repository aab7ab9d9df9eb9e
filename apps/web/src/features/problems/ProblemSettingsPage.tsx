import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EscalationLadder, RoutingRule } from '@tuijin/contracts';
import { type EscalationPresetId, escalationHandlerKinds, escalationPresetIds } from '@tuijin/domain';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCan, useCurrentUser } from '../auth/use-current-user';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { useRegions } from '../regions/regions.queries';
import { EscalationFailuresCard } from './EscalationFailuresCard';
import {
  useApplyEscalationPreset,
  useCreateRoutingRule,
  useDeleteRoutingRule,
  useEscalationLadder,
  useRoutingRules,
  useSetEscalationLadder,
} from './problem-config.queries';

interface LevelValues {
  name: string;
  handlerKind: (typeof escalationHandlerKinds)[number];
  handlerOrganisationId?: string | null;
  limitWorkingDays: number | null;
}
interface LadderValues {
  name: string;
  levels: LevelValues[];
}

/** Server details such as `levels.2.limitWorkingDays` go onto that level's field. */
function placeLadderErrors(form: FormInstance<LadderValues>, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const fields = error.details.map((detail) => ({
    name: detail.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [detail.message],
  }));
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  return true;
}

const ladderValues = (ladder: EscalationLadder): LadderValues => ({
  name: ladder.name ?? '',
  levels: ladder.levels.map((level) => ({
    name: level.name,
    handlerKind: level.handlerKind,
    handlerOrganisationId: level.handlerOrganisationId,
    limitWorkingDays: level.limitWorkingDays,
  })),
});

/** 提级阶梯: the jurisdiction's ordered levels; a preset or an edit saves the whole ladder. */
function LadderCard({ code, regionName }: { code: string; regionName: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const ladder = useEscalationLadder(code);
  const save = useSetEscalationLadder(code);
  const apply = useApplyEscalationPreset(code);
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<LadderValues>();
  const [preset, setPreset] = useState<EscalationPresetId>('huian321');

  useEffect(() => {
    if (ladder.data) form.setFieldsValue(ladderValues(ladder.data));
  }, [ladder.data, form]);

  if (ladder.isError) return <QueryError error={ladder.error} onRetry={() => void ladder.refetch()} />;
  const data = ladder.data;
  const isOwn = data?.ladderRegionCode === code;

  const applyPreset = () =>
    modal.confirm({
      title: t('problems.settings.applyConfirm', { preset: t(`problems.settings.presets.${preset}`) }),
      content: t('problems.settings.applyHint'),
      okButtonProps: { 'data-testid': 'preset-confirm' } as ButtonProps,
      onOk: () =>
        apply
          .mutateAsync({ preset, version: data?.version ?? null })
          .then(() => void message.success(t('problems.settings.saved')))
          .catch((error: unknown) => onError(error)),
    });

  return (
    <Card
      title={t('problems.settings.ladder')}
      loading={ladder.isPending}
      extra={
        <Space wrap>
          <Select<EscalationPresetId>
            aria-label={t('problems.settings.preset')}
            value={preset}
            onChange={setPreset}
            options={escalationPresetIds.map((id) => ({
              value: id,
              label: t(`problems.settings.presets.${id}`),
            }))}
            style={{ width: 200 }}
            data-testid="preset-select"
          />
          <Button onClick={applyPreset} loading={apply.isPending} data-testid="preset-apply">
            {t('problems.settings.applyPreset')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="ladder-source">
        {!data?.ladderRegionCode
          ? t('problems.settings.noLadder', { region: regionName })
          : isOwn
            ? t('problems.settings.ownLadder', { region: regionName })
            : t('problems.settings.inherited', { region: data.ladderRegionCode })}
      </Typography.Paragraph>
      <Form<LadderValues>
        form={form}
        name="escalation-ladder"
        layout="vertical"
        onFinish={(values) =>
          save.mutate(
            {
              name: values.name.trim(),
              version: isOwn ? (data?.version ?? null) : null,
              levels: values.levels.map((level, index) => ({
                level: index + 1,
                name: level.name.trim(),
                handlerKind: level.handlerKind,
                handlerOrganisationId: level.handlerOrganisationId ?? null,
                limitWorkingDays: level.limitWorkingDays ?? 0,
              })),
            },
            {
              onSuccess: () => void message.success(t('problems.settings.saved')),
              onError: (error) => {
                if (!placeLadderErrors(form, error)) onError(error);
                else void message.error(t('errors.VALIDATION_FAILED'));
              },
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('problems.settings.ladderName')}
          rules={[{ required: true, whitespace: true, message: t('problems.settings.ladderNameRequired') }]}
          style={{ maxWidth: 420 }}
        >
          <Input maxLength={50} data-testid="ladder-name" />
        </Form.Item>
        <Form.List
          name="levels"
          rules={[
            {
              validator: async (_, levels?: LevelValues[]) => {
                if (!levels || levels.length === 0) throw new Error(t('problems.settings.levelsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8} data-testid="ladder-levels">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="ladder-level">
                  <Typography.Text strong style={{ width: 56, paddingTop: 5 }}>
                    {t('problems.levelNumber', { level: index + 1 })}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[
                      { required: true, whitespace: true, message: t('problems.settings.levelNameRequired') },
                    ]}
                    style={{ marginBottom: 0, width: 240 }}
                  >
                    <Input
                      maxLength={50}
                      placeholder={t('problems.settings.levelName')}
                      aria-label={t('problems.settings.levelName')}
                      data-testid="level-name"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'handlerKind']} style={{ marginBottom: 0, width: 140 }}>
                    <Select
                      aria-label={t('problems.settings.handlerKind')}
                      options={escalationHandlerKinds.map((kind) => ({
                        value: kind,
                        label: t(`problems.settings.handlerKinds.${kind}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'handlerOrganisationId']}
                    style={{ marginBottom: 0, width: 220 }}
                  >
                    <OrganisationSelect allowClear placeholder={t('problems.settings.handlerOrganisation')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'limitWorkingDays']}
                    rules={[{ required: true, message: t('problems.settings.limitRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={1}
                      max={250}
                      precision={0}
                      addonAfter={t('problems.settings.workingDays')}
                      aria-label={t('problems.settings.limit')}
                      data-testid="level-limit"
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Space size={0}>
                    <Button type="text" disabled={index === 0} onClick={() => move(index, index - 1)}>
                      ↑
                    </Button>
                    <Button
                      type="text"
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('problems.settings.delete')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 10}
                  onClick={() => add({ name: '', handlerKind: 'department', limitWorkingDays: 5 })}
                  data-testid="level-add"
                >
                  {t('problems.settings.addLevel')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ladder-save">
                  {t('problems.settings.save')}
                </Button>
              </Space>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

interface RuleValues {
  regionCode: string;
  category?: string;
  departmentId: string;
  limitWorkingDays: number;
}

function RuleModal({ defaultRegion, onClose }: { defaultRegion: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const create = useCreateRoutingRule();
  const onError = useApiErrorHandler();
  return (
    <Modal
      open
      title={t('problems.settings.addRule')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'rule-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RuleValues>
        form={form}
        layout="vertical"
        name="routing-rule"
        initialValues={{ regionCode: defaultRegion, limitWorkingDays: 5 }}
        onFinish={(values) =>
          create.mutate(
            {
              regionCode: values.regionCode,
              category: values.category ?? null,
              departmentId: values.departmentId,
              limitWorkingDays: values.limitWorkingDays,
            },
            { onSuccess: onClose, onError: (error) => onError(error, form) },
          )
        }
      >
        <Form.Item
          name="regionCode"
          label={t('problems.settings.region')}
          rules={[{ required: true, message: t('problems.settings.regionRequired') }]}
        >
          <RegionTreeSelect data-testid="rule-region" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('problems.fields.category')}
          extra={t('problems.settings.anyCategoryHint')}
        >
          <DictionarySelect kind="problemCategory" allowClear data-testid="rule-category" />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('problems.settings.department')}
          rules={[{ required: true, message: t('problems.settings.departmentRequired') }]}
        >
          <OrganisationSelect data-testid="rule-department" />
        </Form.Item>
        <Form.Item
          name="limitWorkingDays"
          label={t('problems.settings.limit')}
          rules={[{ required: true, message: t('problems.settings.limitRequired') }]}
        >
          <InputNumber
            min={1}
            max={250}
            precision={0}
            addonAfter={t('problems.settings.workingDays')}
            data-testid="rule-limit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 交办规则: category + region → department and time limit; the most specific rule routes a new problem. */
function RoutingRulesCard({ defaultRegion }: { defaultRegion: string }) {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const remove = useDeleteRoutingRule();
  const regions = useRegions();
  const onError = useApiErrorHandler();
  const [isAdding, setAdding] = useState(false);
  const regionNames = useMemo(
    () => new Map((regions.data ?? []).map((region) => [region.code, region.name])),
    [regions.data],
  );

  return (
    <Card
      title={t('problems.settings.rules')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
          {t('problems.settings.addRule')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('problems.settings.rulesHint')}</Typography.Paragraph>
      {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        data-testid="rules-table"
        loading={rules.isFetching}
        dataSource={rules.data?.data ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('problems.settings.noRules') }}
        columns={[
          {
            key: 'region',
            title: t('problems.settings.region'),
            render: (_, rule) => regionNames.get(rule.regionCode) ?? rule.regionCode,
          },
          {
            key: 'category',
            title: t('problems.fields.category'),
            render: (_, rule) => rule.category ?? t('problems.settings.anyCategory'),
          },
          { key: 'department', title: t('problems.settings.department'), dataIndex: 'departmentName' },
          {
            key: 'limit',
            title: t('problems.settings.limit'),
            align: 'right',
            render: (_, rule) => t('problems.settings.days', { count: rule.limitWorkingDays }),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, rule) => (
              <Popconfirm
                title={t('problems.settings.deleteConfirm')}
                onConfirm={() => remove.mutateAsync(rule.id).catch((error: unknown) => onError(error))}
              >
                <Button type="link" danger size="small" data-testid="rule-delete">
                  {t('problems.settings.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {isAdding && <RuleModal defaultRegion={defaultRegion} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** 问题提级与交办设置: the jurisdiction's escalation ladder and its routing rules, each behind its permission. */
export default function ProblemSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('problems.settings.intro')}
      </Typography.Paragraph>
      {can('escalationLadder.manage') && <LadderCard code={me.region.code} regionName={me.region.name} />}
      {can('problemRouting.manage') && <RoutingRulesCard defaultRegion={me.region.code} />}
      {can('escalationLadder.manage') && <EscalationFailuresCard />}
    </Flex>
  );
}
