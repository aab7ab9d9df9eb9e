import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Region } from '@tuijin/contracts';
import { Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { useCan } from '../auth/use-current-user';
import { CreateRegionModal, RenameRegionModal } from './RegionFormModals';
import { buildRegionTree, type RegionNode } from './region-tree';
import { useRegions } from './regions.queries';

type Dialog = { kind: 'create'; parentCode: string | null } | { kind: 'rename'; region: Region } | null;

/** The regions of the jurisdiction as a tree; create and rename for those who manage regions. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const canManage = can('region.manage');
  const regions = useRegions();
  const tree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns: TableColumnsType<RegionNode> = [
    { title: t('regions.name'), dataIndex: 'name', key: 'name' },
    { title: t('regions.code'), dataIndex: 'code', key: 'code', width: 160 },
    { title: t('regions.level'), dataIndex: 'level', key: 'level', width: 140, render: labels.regionLevel },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, region) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'rename', region })}>
            {t('regions.rename')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'create', parentCode: region.code })}
          >
            {t('regions.addChild')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('regions.title')}
      extra={
        <Space>
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            onClick={() => void regions.refetch()}
          />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create', parentCode: tree[0]?.code ?? null })}
            >
              {t('regions.create')}
            </Button>
          )}
        </Space>
      }
    >
      {regions.isError && <QueryError error={regions.error} onRetry={() => void regions.refetch()} />}
      <Table<RegionNode>
        key={tree.length > 0 ? 'loaded' : 'empty'}
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={tree}
        loading={regions.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandedRowKeys: tree.map((root) => root.code) }}
      />
      {dialog?.kind === 'create' && (
        <CreateRegionModal parentCode={dialog.parentCode} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'rename' && (
        <RenameRegionModal region={dialog.region} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
