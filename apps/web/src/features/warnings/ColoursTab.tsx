import { ReloadOutlined } from '@ant-design/icons';
import type { ProjectWarning } from '@tuijin/contracts';
import { type WarningColour, warningColours } from '@tuijin/domain';
import { App, Button, Card, DatePicker, Flex, Form, Select, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { WarningReasons, WarningTag } from './WarningTag';
import { useRecompute, useWarnings } from './warnings.queries';

const statColours: Record<WarningColour, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

/** 本月预警: counts by colour and region, and the projects with their reasons, filtered. */
export function ColoursTab({ month, onMonth }: { month: Dayjs; onMonth: (month: Dayjs) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const reportError = useApiErrorHandler();
  const [colour, setColour] = useState<WarningColour | undefined>();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const key = month.format('YYYY-MM');
  const warnings = useWarnings({
    month: key,
    ...(colour ? { colour } : {}),
    ...(regionCode ? { regionCode } : {}),
    ...paging,
  });
  const recompute = useRecompute();
  const data = warnings.data;
  const regionColours = new Map((data?.regionColours ?? []).map((r) => [r.regionCode, r]));

  const columns = [
    {
      key: 'project',
      title: t('warnings.project'),
      render: (_: unknown, row: ProjectWarning) => (
        <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
      ),
    },
    { key: 'region', title: t('warnings.region'), dataIndex: 'regionName', width: 120 },
    {
      key: 'colour',
      title: t('warnings.filterColour'),
      width: 100,
      render: (_: unknown, row: ProjectWarning) => <WarningTag colour={row.colour} />,
    },
    {
      key: 'reasons',
      title: t('warnings.reasons'),
      render: (_: unknown, row: ProjectWarning) => <WarningReasons reasons={row.reasons} />,
    },
    {
      key: 'rule',
      title: t('warnings.ruleVersion'),
      width: 140,
      render: (_: unknown, row: ProjectWarning) =>
        t('warnings.ruleVersionValue', { region: row.ruleRegionCode, version: row.ruleVersion }),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Form layout="inline">
        <Form.Item label={t('warnings.month')}>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && onMonth(m)} />
        </Form.Item>
        <Form.Item label={t('warnings.filterColour')}>
          <Select
            allowClear
            style={{ width: 120 }}
            value={colour}
            placeholder={t('common.all')}
            onChange={(value) => {
              setColour(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={warningColours.map((c) => ({ value: c, label: t(`warnings.colour.${c}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('warnings.region')}>
          <RegionTreeSelect
            style={{ width: 200 }}
            value={regionCode}
            onChange={(value) => {
              setRegionCode(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        </Form.Item>
        {can('warningRule.manage') && (
          <Button
            icon={<ReloadOutlined />}
            loading={recompute.isPending}
            onClick={() =>
              recompute.mutate(key, {
                onSuccess: (r) => message.success(t('warnings.recomputed', r)),
                onError: (error) => reportError(error),
              })
            }
          >
            {t('warnings.recompute')}
          </Button>
        )}
      </Form>
      {warnings.isError && <QueryError error={warnings.error} onRetry={() => warnings.refetch()} />}
      <Flex gap={16} wrap>
        {(['red', 'yellow', 'green'] as const).map((c) => (
          <Card key={c} size="small" style={{ minWidth: 160 }} data-testid={`warning-count-${c}`}>
            <Statistic
              title={t(`warnings.colour.${c}`)}
              value={data?.counts[c] ?? 0}
              styles={{ content: { color: statColours[c] } }}
            />
          </Card>
        ))}
      </Flex>
      <Card size="small" title={t('warnings.byRegion')}>
        <Table
          size="small"
          rowKey="regionCode"
          pagination={false}
          dataSource={data?.byRegion ?? []}
          columns={[
            { key: 'region', title: t('warnings.region'), dataIndex: 'regionName' },
            ...(['red', 'yellow', 'green'] as const).map((c) => ({
              key: c,
              title: t(`warnings.colour.${c}`),
              dataIndex: c,
              width: 100,
            })),
            ...(regionColours.size > 0
              ? [
                  {
                    key: 'regionColour',
                    title: t('warnings.regionColour'),
                    render: (_: unknown, row: { regionCode: string }) => {
                      const region = regionColours.get(row.regionCode);
                      if (!region) return null;
                      return (
                        <Space data-testid="region-colour" data-region={row.regionCode} wrap>
                          <WarningTag colour={region.colour} />
                          {region.reasons.map((reason) => (
                            <Typography.Text key={reason.code}>
                              {t(
                                `warnings.reason.${reason.code}` as 'warnings.reason.region.missedLatest',
                                reason.params,
                              )}
                            </Typography.Text>
                          ))}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Table
        rowKey="projectId"
        loading={warnings.isFetching}
        dataSource={data?.data ?? []}
        columns={columns}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Flex>
  );
}
