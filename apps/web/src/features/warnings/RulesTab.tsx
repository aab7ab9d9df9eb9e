import type { WarningRuleSetView } from '@tuijin/contracts';
import { type WarningPresetId, warningPresetIds } from '@tuijin/domain';
import { Alert, App, Button, Descriptions, Flex, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCurrentUser } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { RuleEditor } from './RuleEditor';
import { useCreateDraft, useWarningRuleSets } from './warnings.queries';

/** 预警规则: a region's versions, the rules in force, a new draft from a preset, the editor. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const reportError = useApiErrorHandler();
  const [regionCode, setRegionCode] = useState(me.region.code);
  const [selected, setSelected] = useState<string | null>(null);
  const [preset, setPreset] = useState<WarningPresetId | 'current'>('current');
  const sets = useWarningRuleSets(regionCode);
  const create = useCreateDraft();
  const versions = sets.data?.versions ?? [];
  const draft = versions.find((v) => v.status === 'draft');
  const shown = versions.find((v) => v.id === selected) ?? draft ?? versions[0];
  const applying = sets.data?.applying;

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <span>{t('warnings.rules.region')}</span>
        <RegionTreeSelect
          style={{ width: 220 }}
          allowClear={false}
          value={regionCode}
          onChange={(code) => {
            setRegionCode(code);
            setSelected(null);
          }}
        />
      </Space>
      {sets.isError && <QueryError error={sets.error} onRetry={() => sets.refetch()} />}
      <Descriptions
        size="small"
        items={[
          {
            key: 'applying',
            label: t('warnings.rules.applying'),
            children: applying
              ? t('warnings.rules.applyingValue', {
                  name: applying.name,
                  region: applying.regionCode,
                  version: applying.ruleVersion,
                })
              : t('warnings.rules.noneApplying'),
          },
        ]}
      />
      {sets.data?.canManage && !draft && (
        <Alert
          type="info"
          title={
            <Space wrap>
              <Select
                style={{ width: 320 }}
                value={preset}
                onChange={setPreset}
                options={[
                  { value: 'current', label: t('warnings.rules.copyCurrent'), disabled: !applying },
                  ...warningPresetIds.map((id) => ({ value: id, label: t(`warnings.rules.presets.${id}`) })),
                ]}
              />
              <Button
                type="primary"
                loading={create.isPending}
                onClick={() =>
                  create.mutate(
                    { regionCode, preset: preset === 'current' ? null : preset },
                    {
                      onSuccess: (created) => {
                        setSelected(created.id);
                        message.success(t('common.saved'));
                      },
                      onError: (error) => reportError(error),
                    },
                  )
                }
              >
                {t('warnings.rules.newDraft')}
              </Button>
            </Space>
          }
        />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (row.id === shown?.id ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'version',
            title: t('warnings.rules.versions'),
            width: 80,
            render: (_: unknown, v: WarningRuleSetView) => `v${v.ruleVersion}`,
          },
          { key: 'name', title: t('warnings.rules.name'), dataIndex: 'name' },
          {
            key: 'status',
            title: t('warnings.rules.status'),
            width: 100,
            render: (_: unknown, v: WarningRuleSetView) => (
              <Tag color={v.status === 'draft' ? 'gold' : 'blue'}>{t(`warnings.rules.${v.status}`)}</Tag>
            ),
          },
          {
            key: 'publishedAt',
            title: t('warnings.rules.publishedAt'),
            width: 160,
            render: (_: unknown, v: WarningRuleSetView) =>
              v.publishedAt ? dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm') : '—',
          },
          {
            key: 'by',
            title: t('warnings.rules.publishedBy'),
            width: 100,
            render: (_: unknown, v: WarningRuleSetView) => v.publishedByName ?? '—',
          },
        ]}
      />
      {shown && <RuleEditor key={shown.id} ruleSet={shown} />}
    </Flex>
  );
}
