import type { CockpitProject } from '@tuijin/contracts';
import type { ProjectStage } from '@tuijin/domain';
import { Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { formatAmount } from '../../lib/amount';
import { useAmount } from '../../lib/use-amount';
import { WarningTag } from '../warnings/WarningTag';
import { type CockpitProjectsParams, useCockpitProjects } from './cockpit.queries';

export type DrillTarget = Omit<CockpitProjectsParams, 'page' | 'pageSize'> & { groupLabel: string };

const percent = (value: string | null) => (value === null ? '—' : `${value}%`);

/** The projects behind one number of the cockpit, with each project's own values and a link to its file. */
export function CockpitProjectsDrawer({
  target,
  onClose,
}: {
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const amount = useAmount();
  /** A project's amounts: 万元, two decimals (the ledger's unit). */
  const wan = (value: string) => formatAmount(value, { unit: 'wanYuan', decimals: 2 });
  const wanTitle = { unit: amount.unitName('wanYuan') };
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { groupLabel, ...params } = target ?? { groupLabel: '' };
  const list = useCockpitProjects(
    target ? { ...(params as Omit<DrillTarget, 'groupLabel'>), ...paging } : null,
  );
  const flag = (on: boolean, planned: boolean) =>
    planned ? (on ? t('cockpit.yes') : t('cockpit.no')) : t('cockpit.notPlanned');
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setPaging({ page: 1, pageSize: 20 });
        onClose();
      }}
      size="large"
      width={960}
      title={
        target
          ? t('cockpit.drawerTitle', { group: groupLabel, measure: t(`cockpit.measures.${target.measure}`) })
          : ''
      }
    >
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<CockpitProject>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            key: 'name',
            title: t('cockpit.table.name'),
            render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
          },
          { key: 'region', title: t('cockpit.table.region'), dataIndex: 'regionName', width: 90 },
          {
            key: 'warning',
            title: t('cockpit.table.warning'),
            width: 90,
            render: (_, p) => <WarningTag colour={p.warningColour} />,
          },
          {
            key: 'stage',
            title: t('cockpit.table.stage'),
            width: 80,
            render: (_, p) => labels.projectStage(p.stage as ProjectStage),
          },
          {
            key: 'planned',
            title: t('cockpit.table.planned', wanTitle),
            align: 'right',
            width: 140,
            render: (_, p) => wan(p.plannedWanYuan),
          },
          {
            key: 'cum',
            title: t('cockpit.table.cumulativePlan', wanTitle),
            align: 'right',
            width: 140,
            render: (_, p) => wan(p.cumulativePlanWanYuan),
          },
          {
            key: 'ytd',
            title: t('cockpit.table.completedYtd', wanTitle),
            align: 'right',
            width: 140,
            render: (_, p) => wan(p.completedYtdWanYuan),
          },
          {
            key: 'completion',
            title: t('cockpit.table.completion'),
            align: 'right',
            render: (_, p) => (
              <Space size={4}>
                {percent(p.planCompletionRate.percent)}
                {p.isBehind && <Tag color="red">{t('cockpit.flags.behind')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'started',
            title: t('cockpit.table.started'),
            render: (_, p) => flag(p.isStarted, p.plansStart),
          },
          {
            key: 'report',
            title: t('cockpit.table.report'),
            render: (_, p) => (
              <Space size={4}>
                {t(`cockpit.reportStatus.${p.reportStatus}`)}
                {p.isLate && <Tag color="orange">{t('cockpit.flags.late')}</Tag>}
                {p.isMissing && <Tag color="red">{t('cockpit.flags.missing')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
